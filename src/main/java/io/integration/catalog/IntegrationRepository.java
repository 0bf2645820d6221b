package io.integration.catalog;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Catalog queries. Every query also filters on the tenant explicitly: the second layer under row-level security.
 * Must be called inside a {@link io.integration.tenancy.TenantTransactions} transaction.
 */
@ApplicationScoped
public class IntegrationRepository implements PanacheRepositoryBase<Integration, UUID> {

    public Uni<Integration> findForTenant(TenantId tenant, UUID id) {
        return find("tenantId = :tenant and id = :id", Parameters.with("tenant", tenant.value()).and("id", id))
                .firstResult();
    }

    /** One page in (createdAt, id) order, fetching one extra row to know whether another page follows. */
    public Uni<List<Integration>> listForTenant(TenantId tenant, IntegrationFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Parameters params = Parameters.with("tenant", tenant.value());
        if (filter.category() != null) {
            query.append(" and category = :category");
            params.and("category", filter.category());
        }
        if (filter.provider() != null) {
            query.append(" and provider = :provider");
            params.and("provider", filter.provider());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }
}
