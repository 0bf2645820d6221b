package io.integration.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of integration health, pure: one outcome folded into a row's figures. Success rate over the last
 * {@value #WINDOW} outcomes, lifetime uptime, consecutive failures, the exact average response time (from the running
 * total) and the status derived from them.
 */
final class HealthFigures {

    static final int WINDOW = 50;
    static final int DOWN_AFTER_CONSECUTIVE_FAILURES = 3;
    static final BigDecimal DEGRADED_BELOW = BigDecimal.valueOf(90);
    static final int MAX_ERROR_LENGTH = 1000;

    private HealthFigures() {
    }

    static void apply(IntegrationHealth health, boolean success, long responseMs, String error, Instant at) {
        health.totalChecks++;
        health.totalResponseMs += Math.max(0, responseMs);
        List<Boolean> window = new ArrayList<>(health.recentOutcomes == null ? List.of()
                : health.recentOutcomes.getOrDefault("window", List.of()));
        window.add(success);
        while (window.size() > WINDOW) {
            window.remove(0);
        }
        health.recentOutcomes = new HashMap<>(Map.of("window", window));
        if (success) {
            health.consecutiveFailures = 0;
            health.lastSuccessAt = at;
        } else {
            health.failedChecks++;
            health.consecutiveFailures++;
            health.lastFailureAt = at;
            health.lastError = truncate(error == null || error.isBlank() ? "failed without a message" : error);
        }
        long successes = window.stream().filter(Boolean::booleanValue).count();
        health.successRate = percent(successes, window.size());
        health.uptimePercentage = percent(health.totalChecks - health.failedChecks, health.totalChecks);
        health.avgResponseMs = (int) Math.min(Integer.MAX_VALUE, BigDecimal.valueOf(health.totalResponseMs)
                .divide(BigDecimal.valueOf(health.totalChecks), 0, RoundingMode.HALF_UP).longValue());
        health.status = health.consecutiveFailures >= DOWN_AFTER_CONSECUTIVE_FAILURES ? "DOWN"
                : health.successRate.compareTo(DEGRADED_BELOW) < 0 ? "DEGRADED" : "HEALTHY";
    }

    /** {@code part / whole} in percent, exactly rounded half up to two decimals (no binary floating point). */
    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
