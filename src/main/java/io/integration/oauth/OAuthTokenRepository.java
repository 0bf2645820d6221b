package io.integration.oauth;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** OAuth token queries, always filtered on the tenant as well (second layer under RLS). */
@ApplicationScoped
public class OAuthTokenRepository implements PanacheRepositoryBase<OAuthToken, UUID> {

    public Uni<OAuthToken> findForVenue(TenantId tenant, UUID venueId, String provider) {
        return find("tenantId = :tenant and venueId = :venue and integrationType = :provider",
                Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<OAuthToken>> listForVenue(TenantId tenant, UUID venueId, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and venueId = :venue");
        Parameters params = Parameters.with("tenant", tenant.value()).and("venue", venueId);
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }
}
