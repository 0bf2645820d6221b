package io.integration.credential.apikey;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.common.Keyset;
import io.integration.common.PageRequest;
import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Queries of venue API keys, always filtered on the tenant as well (second layer under RLS). */
@ApplicationScoped
public class VenueApiKeyRepository implements PanacheRepositoryBase<VenueApiKey, UUID> {

    public Uni<VenueApiKey> findKey(TenantId tenant, UUID venueId, String provider, String keyName) {
        return find("tenantId = :tenant and venueId = :venue and integrationType = :provider and keyName = :name",
                Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider)
                        .and("name", keyName))
                .firstResult();
    }

    /** The venue's active keys that carry a webhook signing secret for the provider (several during a rotation). */
    public Uni<List<VenueApiKey>> withWebhookSecret(TenantId tenant, UUID venueId, String provider) {
        return find("tenantId = :tenant and venueId = :venue and integrationType = :provider and isActive = true"
                        + " and webhookSecretEncrypted is not null order by createdAt",
                Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider))
                .list();
    }

    public Uni<List<VenueApiKey>> listForVenue(TenantId tenant, UUID venueId, PageRequest page) {
        StringBuilder query = new StringBuilder("tenantId = :tenant and venueId = :venue");
        Parameters params = Parameters.with("tenant", tenant.value()).and("venue", venueId);
        return Keyset.fetch(find(Keyset.after(query, params, page), params), page);
    }
}
