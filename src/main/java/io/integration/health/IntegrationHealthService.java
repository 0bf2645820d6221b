package io.integration.health;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
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
        Parameters params = Parameters.with("tenant", tenant.value());
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        if (filter.venueId() != null) {
            query.append(" and venueId = :venue");
            params.and("venue", filter.venueId());
        }
        if (filter.provider() != null) {
            query.append(" and integrationType = :provider");
            params.and("provider", filter.provider());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        String ordered = Keyset.after(query, params, page);
        return transactions.inTenantTransaction(tenant, () -> Keyset.fetch(find(ordered, params), page))
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
