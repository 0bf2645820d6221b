package io.integration.health;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records one outcome (a connection test, a sync, a webhook delivery) into {@code integration_health} inside the
 * caller's tenant transaction, by the figures of {@link HealthFigures}. The row is created with
 * {@code ON CONFLICT DO NOTHING} and then locked ({@code FOR UPDATE}), so concurrent outcomes of one venue and
 * provider serialize instead of losing an update or failing on the unique key.
 */
@ApplicationScoped
public class HealthRecorder implements PanacheRepositoryBase<IntegrationHealth, UUID> {

    static final String ENSURE_ROW = "insert into integration_health (tenant_id, venue_id, integration_type)"
            + " values (:tenant, :venue, :provider) on conflict (tenant_id, venue_id, integration_type) do nothing";

    private static final String ENSURE_ROW_SQL = "insert into integration_health (tenant_id, venue_id, integration_type)"
            + " values ($1, $2, $3) on conflict (tenant_id, venue_id, integration_type) do nothing";
    private static final String LOCK_ROW_SQL = "select id, total_checks, failed_checks, consecutive_failures,"
            + " total_response_ms, recent_outcomes, last_success_at, last_failure_at, last_error from integration_health"
            + " where tenant_id = $1 and venue_id = $2 and integration_type = $3 for update";
    private static final String UPDATE_ROW_SQL = "update integration_health set status = $2, success_rate = $3,"
            + " uptime_percentage = $4, total_checks = $5, failed_checks = $6, consecutive_failures = $7,"
            + " avg_response_ms = $8, total_response_ms = $9, recent_outcomes = $10, last_success_at = $11,"
            + " last_failure_at = $12, last_error = $13, updated_at = now() where id = $1";

    /**
     * Records an outcome inside the caller's {@link io.integration.tenancy.TenantTransactions} transaction of
     * {@code tenant} (the Panache session); {@code error} is kept as the last error of a failure (no secrets in it).
     */
    public Uni<IntegrationHealth> record(TenantId tenant, UUID venueId, String provider, boolean success,
            long responseMs, String error) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ENSURE_ROW)
                        .setParameter("tenant", tenant.value())
                        .setParameter("venue", venueId)
                        .setParameter("provider", provider)
                        .executeUpdate())
                .chain(() -> find("tenantId = :tenant and venueId = :venue and integrationType = :provider",
                        Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider))
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .<IntegrationHealth>firstResult())
                .invoke(health -> HealthFigures.apply(health, success, responseMs, error, now))
                .call(this::flush);
    }

    /**
     * Records an outcome on {@code connection}: a transaction of the worker pool opened by
     * {@link io.integration.tenancy.SystemTransactions#inTenantTransaction} for {@code tenant} (background work
     * without a Panache session, e.g. webhook deliveries).
     */
    public Uni<Void> record(SqlConnection connection, TenantId tenant, UUID venueId, String provider, boolean success,
            long responseMs, String error) {
        Tuple key = Tuple.of(tenant.value(), venueId, provider);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return connection.preparedQuery(ENSURE_ROW_SQL).execute(key)
                .chain(() -> connection.preparedQuery(LOCK_ROW_SQL).execute(key))
                .map(rows -> fromRow(rows.iterator().next()))
                .invoke(health -> HealthFigures.apply(health, success, responseMs, error, now))
                .chain(health -> connection.preparedQuery(UPDATE_ROW_SQL).execute(Tuple.from(Arrays.asList(health.id,
                        health.status, health.successRate, health.uptimePercentage, health.totalChecks,
                        health.failedChecks, health.consecutiveFailures, health.avgResponseMs, health.totalResponseMs,
                        new JsonObject().put("window", new JsonArray(health.recentOutcomes.get("window"))),
                        offset(health.lastSuccessAt), offset(health.lastFailureAt), health.lastError))))
                .replaceWithVoid();
    }

    private static IntegrationHealth fromRow(Row row) {
        IntegrationHealth health = new IntegrationHealth();
        health.id = row.getUUID("id");
        health.totalChecks = row.getLong("total_checks");
        health.failedChecks = row.getLong("failed_checks");
        health.consecutiveFailures = row.getInteger("consecutive_failures");
        health.totalResponseMs = row.getLong("total_response_ms");
        JsonObject outcomes = row.getJsonObject("recent_outcomes");
        List<Boolean> window = new ArrayList<>();
        JsonArray stored = outcomes == null ? null : outcomes.getJsonArray("window");
        if (stored != null) {
            stored.forEach(outcome -> window.add(Boolean.TRUE.equals(outcome)));
        }
        health.recentOutcomes = new HashMap<>(Map.of("window", window));
        health.lastSuccessAt = instant(row, "last_success_at");
        health.lastFailureAt = instant(row, "last_failure_at");
        health.lastError = row.getString("last_error");
        return health;
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column) == null ? null : row.getOffsetDateTime(column).toInstant();
    }

    private static Object offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
