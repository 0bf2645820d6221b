package io.integration.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The health arithmetic after known sequences of outcomes: every figure exact. */
class HealthFiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static IntegrationHealth fresh() {
        IntegrationHealth health = new IntegrationHealth();
        health.status = "UNKNOWN";
        return health;
    }

    private static void outcome(IntegrationHealth health, boolean success, long ms, int second) {
        HealthFigures.apply(health, success, ms, success ? null : "provider answered 503", T0.plusSeconds(second));
    }

    @Test
    void sevenSuccessesThenThreeFailures() {
        IntegrationHealth health = fresh();
        long[] successMs = {100, 120, 110, 130, 90, 100, 105};
        for (int i = 0; i < successMs.length; i++) {
            outcome(health, true, successMs[i], i);
        }
        outcome(health, false, 500, 7);
        outcome(health, false, 700, 8);
        outcome(health, false, 1000, 9);

        assertThat(health.totalChecks).isEqualTo(10);
        assertThat(health.failedChecks).isEqualTo(3);
        assertThat(health.successRate).hasToString("70.00");
        assertThat(health.uptimePercentage).hasToString("70.00");
        assertThat(health.consecutiveFailures).isEqualTo(3);
        // (100+120+110+130+90+100+105+500+700+1000) / 10 = 295.5, half up
        assertThat(health.totalResponseMs).isEqualTo(2955);
        assertThat(health.avgResponseMs).isEqualTo(296);
        assertThat(health.lastSuccessAt).isEqualTo(T0.plusSeconds(6));
        assertThat(health.lastFailureAt).isEqualTo(T0.plusSeconds(9));
        assertThat(health.lastError).isEqualTo("provider answered 503");
        assertThat(health.status).isEqualTo("DOWN");
    }

    @Test
    void aSuccessEndsTheFailureRunButKeepsTheLastError() {
        IntegrationHealth health = fresh();
        outcome(health, false, 10, 0);
        outcome(health, false, 10, 1);
        assertThat(health.status).isEqualTo("DEGRADED");
        outcome(health, true, 10, 2);

        assertThat(health.consecutiveFailures).isZero();
        assertThat(health.successRate).hasToString("33.33");
        assertThat(health.lastError).isEqualTo("provider answered 503");
        assertThat(health.lastSuccessAt).isEqualTo(T0.plusSeconds(2));
        assertThat(health.status).isEqualTo("DEGRADED");
    }

    @Test
    void theSuccessRateCoversTheLastFiftyOutcomesAndUptimeAllOfThem() {
        IntegrationHealth health = fresh();
        for (int i = 0; i < 10; i++) {
            outcome(health, false, 0, i);
        }
        for (int i = 0; i < 50; i++) {
            outcome(health, true, 0, 10 + i);
        }
        assertThat(health.recentOutcomes.get("window")).hasSize(HealthFigures.WINDOW).containsOnly(true);
        assertThat(health.successRate).hasToString("100.00");
        assertThat(health.uptimePercentage).hasToString("83.33"); // 50 / 60
        assertThat(health.status).isEqualTo("HEALTHY");

        outcome(health, false, 0, 60);
        assertThat(health.successRate).hasToString("98.00"); // 49 / 50
        assertThat(health.uptimePercentage).hasToString("81.97"); // 50 / 61 = 81.967...
    }

    @Test
    void theAverageResponseIsExactNotARunningAverageOfRoundedAverages() {
        IntegrationHealth health = fresh();
        outcome(health, true, 1, 0);
        outcome(health, true, 2, 1);
        outcome(health, true, 2, 2);
        // 5 / 3 = 1.67 -> 2 (a running average of truncated averages gives 1)
        assertThat(health.avgResponseMs).isEqualTo(2);
    }

    @Test
    void percentagesRoundHalfUpWithoutBinaryFloatingPoint() {
        assertThat(HealthFigures.percent(2, 3)).hasToString("66.67");
        assertThat(HealthFigures.percent(1, 8)).hasToString("12.50");
        assertThat(HealthFigures.percent(1, 20000)).hasToString("0.01"); // 0.005 exactly, half up
        assertThat(HealthFigures.percent(0, 7)).hasToString("0.00");
    }

    @Test
    void aFailureWithoutMessageAndAHugeMessageAreKeptReadable() {
        IntegrationHealth health = fresh();
        HealthFigures.apply(health, false, 5, null, T0);
        assertThat(health.lastError).isEqualTo("failed without a message");
        HealthFigures.apply(health, false, 5, "x".repeat(5000), T0);
        assertThat(health.lastError).hasSize(HealthFigures.MAX_ERROR_LENGTH);
    }
}
