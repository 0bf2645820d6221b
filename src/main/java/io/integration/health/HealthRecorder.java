package io.integration.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Records one outcome (a connection test, a sync, a webhook delivery) into {@code integration_health} inside the
 * caller's tenant transaction: success rate over the last {@value #WINDOW} outcomes, lifetime uptime, consecutive
 * failures and a running average response time.
 */
@ApplicationScoped
public class HealthRecorder implements PanacheRepositoryBase<IntegrationHealth, UUID> {

    static final int WINDOW = 50;
    static final int DOWN_AFTER_CONSECUTIVE_FAILURES = 3;
    static final BigDecimal DEGRADED_BELOW = BigDecimal.valueOf(90);

    public Uni<IntegrationHealth> record(TenantId tenant, UUID venueId, String provider, boolean success,
            long responseMs, String error) {
        return find("tenantId = :tenant and venueId = :venue and integrationType = :provider",
                Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(existing -> {
                    IntegrationHealth health = existing != null ? existing : newHealth(tenant, venueId, provider);
                    apply(health, success, responseMs, error);
                    return persistAndFlush(health);
                });
    }

    static void apply(IntegrationHealth health, boolean success, long responseMs, String error) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long previous = health.totalChecks;
        health.totalChecks = previous + 1;
        List<Boolean> window = new ArrayList<>(health.recentOutcomes == null ? List.of()
                : health.recentOutcomes.getOrDefault("window", List.of()));
        window.add(success);
        while (window.size() > WINDOW) {
            window.remove(0);
        }
        health.recentOutcomes = new HashMap<>(Map.of("window", window));
        if (success) {
            health.consecutiveFailures = 0;
            health.lastSuccessAt = now;
        } else {
            health.failedChecks++;
            health.consecutiveFailures++;
            health.lastFailureAt = now;
            health.lastError = error;
        }
        long successes = window.stream().filter(Boolean::booleanValue).count();
        health.successRate = percent(successes, window.size());
        health.uptimePercentage = percent(health.totalChecks - health.failedChecks, health.totalChecks);
        long average = health.avgResponseMs == null ? responseMs
                : (health.avgResponseMs * previous + responseMs) / health.totalChecks;
        health.avgResponseMs = (int) Math.min(Integer.MAX_VALUE, average);
        health.status = health.consecutiveFailures >= DOWN_AFTER_CONSECUTIVE_FAILURES ? "DOWN"
                : health.successRate.compareTo(DEGRADED_BELOW) < 0 ? "DEGRADED" : "HEALTHY";
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100.0 / whole).setScale(2, RoundingMode.HALF_UP);
    }

    private static IntegrationHealth newHealth(TenantId tenant, UUID venueId, String provider) {
        IntegrationHealth health = new IntegrationHealth();
        health.id = UUID.randomUUID();
        health.tenantId = tenant.value();
        health.venueId = venueId;
        health.integrationType = provider;
        health.status = "UNKNOWN";
        return health;
    }
}
