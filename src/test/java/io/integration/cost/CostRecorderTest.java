package io.integration.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.integration.health.HealthRecorder;
import io.integration.support.Database;
import io.integration.support.Telemetry;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.test.junit.QuarkusTest;

/** API calls and cost per venue, provider and UTC month: exact sums, exact under concurrency, tenant-bound. */
@QuarkusTest
class CostRecorderTest {

    /** hubspot's definition prices a call at 0.0001 USD. */
    private static final String PRICED = "hubspot";

    @Inject
    TenantTransactions transactions;
    @Inject
    HealthRecorder health;
    @Inject
    CostRecorder costs;

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();

    private Telemetry telemetry() {
        return new Telemetry(transactions, health, costs);
    }

    @Test
    void callsAndCostAddUpPerUtcMonthAtThePriceOfTheDefinition() throws SQLException {
        Telemetry telemetry = telemetry();
        telemetry.calls(tenant, venue, PRICED, 3, Instant.parse("2026-10-01T00:00:00Z"));
        telemetry.calls(tenant, venue, PRICED, 4, Instant.parse("2026-10-31T23:59:59.999Z"));
        telemetry.calls(tenant, venue, PRICED, 10, Instant.parse("2026-11-01T00:00:00Z"));
        telemetry.calls(tenant, venue, PRICED, 0, Instant.parse("2026-12-15T00:00:00Z")); // nothing to count
        telemetry.calls(tenant, venue, "stripe", 5, Instant.parse("2026-11-20T00:00:00Z")); // priced at 0

        assertThat(rows()).containsExactly(
                "hubspot|2026-10-01|2026-10-31|7|0.000700|USD",
                "hubspot|2026-11-01|2026-11-30|10|0.001000|USD",
                "stripe|2026-11-01|2026-11-30|5|0.000000|USD");
    }

    @Test
    void twentyConcurrentRecordersLoseNoIncrement() throws Exception {
        Telemetry telemetry = telemetry();
        Instant at = Instant.parse("2026-11-23T12:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> recorders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long calls = i + 1; // 1 + 2 + ... + 20 = 210
                recorders.add(pool.submit(() -> telemetry.calls(tenant, venue, PRICED, calls, at)));
            }
            for (Future<?> recorder : recorders) {
                recorder.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows()).containsExactly("hubspot|2026-11-01|2026-11-30|210|0.021000|USD");
    }

    @Test
    void theRowBelongsToTheRecordingTenantOnly() throws SQLException {
        telemetry().calls(tenant, venue, PRICED, 2, Instant.parse("2026-11-23T12:00:00Z"));
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select count(*) from integration_costs where venue_id = ?"
                        + " and tenant_id <> ?")) {
            query.setObject(1, venue);
            query.setObject(2, tenant);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).isZero();
            }
        }
    }

    @Test
    void negativeCallsAreAProgrammingError() {
        assertThatThrownBy(() -> costs.record(new io.integration.tenancy.TenantId(tenant), venue, PRICED, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void costIsCallsTimesPriceRoundedToTheColumnScale() {
        var pricing = new io.integration.provider.ProviderDefinition.Pricing(new java.math.BigDecimal("0.0000015"), "EUR");
        assertThat(CostRecorder.costOf(pricing, 3)).hasToString("0.000005"); // 0.0000045 half up
        assertThat(CostRecorder.costOf(null, 3)).hasToString("0.000000");
        assertThat(CostRecorder.currencyOf(pricing)).isEqualTo("EUR");
        assertThat(CostRecorder.currencyOf(null)).isEqualTo("USD");
    }

    private List<String> rows() throws SQLException {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select integration_type || '|' || period_start || '|'"
                        + " || period_end || '|' || api_calls || '|' || cost || '|' || currency from integration_costs"
                        + " where tenant_id = ? and venue_id = ? order by integration_type, period_start")) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            try (ResultSet result = query.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(result.getString(1));
                }
                return rows;
            }
        }
    }
}
