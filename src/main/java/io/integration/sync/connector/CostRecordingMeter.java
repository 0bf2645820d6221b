package io.integration.sync.connector;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.cost.CostRecorder;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;

/** Books a run's provider calls into {@code integration_costs}, in a tenant transaction on the worker pool. */
@ApplicationScoped
public class CostRecordingMeter implements ProviderCallMeter {

    private final SystemTransactions transactions;
    private final CostRecorder costs;

    public CostRecordingMeter(SystemTransactions transactions, CostRecorder costs) {
        this.transactions = transactions;
        this.costs = costs;
    }

    @Override
    public Uni<Void> recordProviderCalls(TenantId tenant, UUID venueId, String provider, long calls) {
        return transactions.inTenantTransaction(tenant,
                connection -> costs.record(connection, tenant, venueId, provider, calls));
    }
}
