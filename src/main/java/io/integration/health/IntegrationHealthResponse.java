package io.integration.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Health of one provider for one venue as the API returns it; percentages are exact decimals with two places. */
@Schema(name = "IntegrationHealth")
public record IntegrationHealthResponse(UUID id, UUID venueId, String provider,
        @Schema(description = "HEALTHY, DEGRADED (success rate below 90), DOWN (3 or more consecutive failures) or UNKNOWN")
        String status,
        @Schema(description = "Successes among the last windowSize outcomes, percent (0-100, two decimals)", examples = "70.00")
        BigDecimal successRate,
        @Schema(description = "Successes among all outcomes ever recorded, percent (0-100, two decimals)", examples = "99.50")
        BigDecimal uptimePercentage,
        @Schema(description = "How many outcomes the success rate covers (at most " + HealthFigures.WINDOW + ")")
        int windowSize,
        long totalChecks, long failedChecks, int consecutiveFailures,
        @Schema(description = "Mean response time of all outcomes, milliseconds, rounded half up")
        Integer avgResponseMs,
        Instant lastSuccessAt, Instant lastFailureAt,
        @Schema(description = "Message of the last failure (kept after later successes)")
        String lastError,
        Instant createdAt, Instant updatedAt) {

    static IntegrationHealthResponse of(IntegrationHealth health) {
        List<Boolean> window = health.recentOutcomes == null ? List.of()
                : health.recentOutcomes.getOrDefault("window", List.of());
        return new IntegrationHealthResponse(health.id, health.venueId, health.integrationType, health.status,
                health.successRate, health.uptimePercentage, window.size(), health.totalChecks, health.failedChecks,
                health.consecutiveFailures, health.avgResponseMs, health.lastSuccessAt, health.lastFailureAt,
                health.lastError, health.createdAt, health.updatedAt);
    }
}
