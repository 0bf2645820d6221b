package io.integration.webhook.signature;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/** Accepts a signed Unix timestamp only within a tolerance of now, in both directions, edges included. */
final class ReplayWindow {

    /** Twelve digits reach the year 33658; more is garbage, and refusing it keeps parsing free of overflow. */
    private static final int MAX_DIGITS = 12;

    private final Clock clock;
    private final long toleranceSeconds;

    ReplayWindow(Clock clock, Duration tolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("timestamp tolerance must be positive");
        }
        this.toleranceSeconds = tolerance.toSeconds();
    }

    /**
     * Seconds since the epoch from ASCII digits only. {@link Long#parseLong} alone would also take a sign
     * and non-ASCII digits, which no provider sends and a signed-string comparison must not be fooled by.
     */
    static OptionalLong parseEpochSeconds(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            value = value * 10 + (c - '0');
        }
        return OptionalLong.of(value);
    }

    /** Whether {@code |now - timestamp| <= tolerance}: too old is a replay, too far ahead is forged or skewed. */
    boolean contains(long epochSeconds) {
        long now = clock.instant().getEpochSecond();
        return Math.abs(now - epochSeconds) <= toleranceSeconds;
    }

    Duration tolerance() {
        return Duration.ofSeconds(toleranceSeconds);
    }
}
