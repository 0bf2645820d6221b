package io.integration.sync.connector;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Orders incremental cursor values as the provider means them: numbers numerically, ISO-8601 timestamps by instant
 * (so "…Z" and "…+02:00" compare correctly), anything else as text. The greater value is kept verbatim, since it is
 * sent back to the provider in the format it came in.
 */
final class IncrementalCursor {

    private IncrementalCursor() {
    }

    /** The greater of two values; null loses to anything. */
    static String max(String current, String candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        return compare(candidate, current) > 0 ? candidate : current;
    }

    static int compare(String a, String b) {
        Optional<BigDecimal> numberA = number(a);
        Optional<BigDecimal> numberB = number(b);
        if (numberA.isPresent() && numberB.isPresent()) {
            return numberA.get().compareTo(numberB.get());
        }
        Optional<Instant> instantA = instant(a);
        Optional<Instant> instantB = instant(b);
        if (instantA.isPresent() && instantB.isPresent()) {
            int byInstant = instantA.get().compareTo(instantB.get());
            return byInstant != 0 ? byInstant : a.compareTo(b);
        }
        return a.compareTo(b);
    }

    private static Optional<BigDecimal> number(String value) {
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
