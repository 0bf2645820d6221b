package io.integration.support;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import io.integration.cost.CostRecorder;
import io.integration.health.HealthRecorder;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Records health outcomes and API calls through the real recorders, each in its own tenant transaction. */
public final class Telemetry {

    private final TenantTransactions transactions;
    private final HealthRecorder health;
    private final CostRecorder costs;

    public Telemetry(TenantTransactions transactions, HealthRecorder health, CostRecorder costs) {
        this.transactions = transactions;
        this.health = health;
        this.costs = costs;
    }

    public void outcome(UUID tenant, UUID venue, String provider, boolean success, long ms, String error) {
        inTransaction(tenant, () -> health.record(new TenantId(tenant), venue, provider, success, ms, error)
                .replaceWithVoid());
    }

    public void calls(UUID tenant, UUID venue, String provider, long calls, Instant at) {
        inTransaction(tenant, () -> costs.record(new TenantId(tenant), venue, provider, calls, at));
    }

    /** Runs {@code work} in a tenant transaction on a Vert.x context of its own (safe from many threads). */
    public void inTransaction(UUID tenant, Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> transactions.inTenantTransaction(new TenantId(tenant), work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
