package io.integration.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Webhook endpoint queries, filtered on the tenant as well (second layer under RLS). */
@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    public Uni<WebhookEndpoint> findForVenue(TenantId tenant, UUID venueId, String provider) {
        return find("tenantId = :tenant and venueId = :venue and integrationType = :provider",
                Parameters.with("tenant", tenant.value()).and("venue", venueId).and("provider", provider))
                .firstResult();
    }
}
