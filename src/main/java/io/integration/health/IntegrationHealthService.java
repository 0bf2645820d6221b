package io.integration.health;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.TenantFilter;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Reads the tenant's integration health: a filtered, cursor-paginated list and one venue's provider. */
@ApplicationScoped
public class IntegrationHealthService implements PanacheRepositoryBase<IntegrationHealth, UUID> {

    private final TenantTransactions transactions;

    public IntegrationHealthService(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Optional filters of the list; null means any. */
    public record Filter(UUID venueId, String provider, String status) {
    }

    public Uni<Page<IntegrationHealthResponse>> list(TenantId tenant, Filter filter, PageRequest page) {
        TenantFilter where = TenantFilter.of(tenant).equal("venueId", "venue", filter.venueId())
                .equal("integrationType", "provider", filter.provider()).equal("status", "status", filter.status());
        String ordered = Keyset.after(where.query(), where.params(), page);
        return transactions.inTenantTransaction(tenant, () -> Keyset.fetch(find(ordered, where.params()), page))
                .map(rows -> Keyset.page(rows, page, h -> h.id, IntegrationHealthResponse::of));
    }

    public Uni<IntegrationHealthResponse> get(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> find(
                        "tenantId = :tenant and venueId = :venue and integrationType = :provider",
                        Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider))
                        .<IntegrationHealth>firstResult())
                .onItem().ifNull().failWith(() -> new IntegrationHealthNotFoundException(venueId, provider))
                .map(IntegrationHealthResponse::of);
    }
}
