package io.integration.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.integration.cost.CostRecorder;
import io.integration.support.Database;
import io.integration.support.Telemetry;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.test.junit.QuarkusTest;

/** Both ways of recording (the API's tenant transaction, a worker-pool transaction) give the same exact rows. */
@QuarkusTest
class HealthRecorderTest {

    private static final long[] SUCCESS_MS = {100, 120, 110, 130, 90, 100, 105};
    private static final long[] FAILURE_MS = {500, 700, 1000};
    /** status|total|failed|consecutive|success rate|uptime|avg ms|total ms|window size|last error */
    private static final String AFTER_SEVEN_SUCCESSES_AND_THREE_FAILURES =
            "DOWN|10|3|3|70.00|70.00|296|2955|10|provider answered 503";

    @Inject
    TenantTransactions transactions;
    @Inject
    SystemTransactions system;
    @Inject
    HealthRecorder health;
    @Inject
    CostRecorder costs;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void sevenSuccessesAndThreeFailuresInTheApiTransaction() throws SQLException {
        UUID venue = UUID.randomUUID();
        Telemetry telemetry = new Telemetry(transactions, health, costs);
        for (long ms : SUCCESS_MS) {
            telemetry.outcome(tenant, venue, "stripe", true, ms, null);
        }
        for (long ms : FAILURE_MS) {
            telemetry.outcome(tenant, venue, "stripe", false, ms, "provider answered 503");
        }
        assertThat(row(venue)).isEqualTo(AFTER_SEVEN_SUCCESSES_AND_THREE_FAILURES);
        assertThat(timestampsInOrder(venue)).isTrue();
    }

    @Test
    void theSameSequenceOnAWorkerTransactionGivesTheSameRow() throws SQLException {
        UUID venue = UUID.randomUUID();
        for (long ms : SUCCESS_MS) {
            onWorker(venue, true, ms, null);
        }
        for (long ms : FAILURE_MS) {
            onWorker(venue, false, ms, "provider answered 503");
        }
        assertThat(row(venue)).isEqualTo(AFTER_SEVEN_SUCCESSES_AND_THREE_FAILURES);
        assertThat(timestampsInOrder(venue)).isTrue();
    }

    @Test
    void bothPathsContinueTheSameRow() throws SQLException {
        UUID venue = UUID.randomUUID();
        Telemetry telemetry = new Telemetry(transactions, health, costs);
        for (int i = 0; i < SUCCESS_MS.length; i++) {
            if (i % 2 == 0) {
                telemetry.outcome(tenant, venue, "stripe", true, SUCCESS_MS[i], null);
            } else {
                onWorker(venue, true, SUCCESS_MS[i], null);
            }
        }
        onWorker(venue, false, FAILURE_MS[0], "provider answered 503");
        telemetry.outcome(tenant, venue, "stripe", false, FAILURE_MS[1], "provider answered 503");
        onWorker(venue, false, FAILURE_MS[2], "provider answered 503");
        assertThat(row(venue)).isEqualTo(AFTER_SEVEN_SUCCESSES_AND_THREE_FAILURES);
    }

    @Test
    void concurrentFirstOutcomesOfAVenueAllCountAndNoneFails() throws Exception {
        UUID venue = UUID.randomUUID();
        Telemetry telemetry = new Telemetry(transactions, health, costs);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<?>> recorders = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                boolean success = i < 14;
                if (i % 2 == 0) {
                    recorders.add(pool.submit(() -> telemetry.outcome(tenant, venue, "stripe", success, 10,
                            success ? null : "provider answered 500")));
                } else {
                    recorders.add(pool.submit(() -> onWorker(venue, success, 10, success ? null : "provider answered 500")));
                }
            }
            for (Future<?> recorder : recorders) {
                recorder.get();
            }
        } finally {
            pool.shutdown();
        }
        String row = row(venue);
        assertThat(row).matches("(DOWN|DEGRADED)\\|20\\|6\\|\\d+\\|70\\.00\\|70\\.00\\|10\\|200\\|20\\|provider answered 500");
    }

    private void onWorker(UUID venue, boolean success, long ms, String error) {
        system.inTenantTransaction(new TenantId(tenant), connection -> health.record(connection, new TenantId(tenant),
                        venue, "stripe", success, ms, error))
                .await().indefinitely();
    }

    private String row(UUID venue) throws SQLException {
        return single("select status || '|' || total_checks || '|' || failed_checks || '|' || consecutive_failures"
                + " || '|' || success_rate || '|' || uptime_percentage || '|' || avg_response_ms || '|'"
                + " || total_response_ms || '|' || jsonb_array_length(recent_outcomes -> 'window') || '|' || last_error"
                + " from integration_health where tenant_id = ? and venue_id = ? and integration_type = 'stripe'", venue);
    }

    private boolean timestampsInOrder(UUID venue) throws SQLException {
        return Boolean.parseBoolean(single("select (last_success_at < last_failure_at)::text from integration_health"
                + " where tenant_id = ? and venue_id = ?", venue));
    }

    private String single(String sql, UUID venue) throws SQLException {
        try (Connection db = Database.superuser(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).as("one health row").isTrue();
                String value = result.getString(1);
                assertThat(result.next()).as("only one health row").isFalse();
                return value;
            }
        }
    }
}
