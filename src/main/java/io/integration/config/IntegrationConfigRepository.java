package io.integration.config;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Queries of venues' configs, always filtered on the tenant as well (second layer under RLS). */
@ApplicationScoped
public class IntegrationConfigRepository implements PanacheRepositoryBase<IntegrationConfig, UUID> {

    public Uni<IntegrationConfig> findConfig(TenantId tenant, UUID venueId, String provider) {
        return find("tenantId = :tenant and venueId = :venue and integrationType = :provider",
                Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider))
                .firstResult();
    }

    /** One page of a venue's configs in (createdAt, id) order; {@code enabled} null means both. */
    public Uni<List<IntegrationConfig>> listForVenue(TenantId tenant, UUID venueId, Boolean enabled, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and venueId = :venue");
        Parameters params = Parameters.with("tenant", tenant.value()).and("venue", venueId);
        if (enabled != null) {
            query.append(" and enabled = :enabled");
            params.and("enabled", enabled);
        }
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }
}
