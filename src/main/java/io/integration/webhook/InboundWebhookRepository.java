package io.integration.webhook;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stores inbound webhooks and enqueues accepted ones, inside the caller's tenant transaction. */
@ApplicationScoped
public class InboundWebhookRepository implements PanacheRepositoryBase<InboundWebhook, UUID> {

    /**
     * Inserts an accepted event unless the provider already delivered this event id (then returns null). The partial
     * unique index makes this safe under concurrent duplicates: the losers wait for the winner and insert nothing.
     */
    public Uni<UUID> insertAccepted(InboundWebhook event, String headersJson) {
        return getSession().chain(session -> session.createNativeQuery(
                        "insert into integration_webhooks (id, tenant_id, venue_id, integration_type, event_type,"
                                + " provider_event_id, payload, headers, content_type, signature_scheme, signature_valid,"
                                + " outcome, received_at) values (:id, :tenant, :venue, :type, :eventType, :eventId, :payload,"
                                + " cast(cast(:headers as text) as jsonb), :contentType, :scheme, true, 'ACCEPTED', now())"
                                + " on conflict (tenant_id, venue_id, integration_type, provider_event_id)"
                                + " where provider_event_id is not null and outcome = 'ACCEPTED' do nothing returning id",
                        UUID.class)
                .setParameter("id", event.id)
                .setParameter("tenant", event.tenantId)
                .setParameter("venue", event.venueId)
                .setParameter("type", event.integrationType)
                .setParameter("eventType", event.eventType)
                .setParameter("eventId", event.providerEventId)
                .setParameter("payload", event.payload)
                .setParameter("headers", headersJson)
                .setParameter("contentType", event.contentType)
                .setParameter("scheme", event.signatureScheme)
                .getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** Enqueues an accepted event for processing, linked to the venue's live connection of that provider if any. */
    public Uni<Integer> enqueue(TenantId tenant, UUID inboundId, UUID venueId, String provider, String eventType,
            String payloadJson) {
        return getSession().chain(session -> session.createNativeQuery(
                        "insert into webhooks (id, tenant_id, connection_id, integration_webhook_id, event_type, payload,"
                                + " status, next_attempt_at) values (gen_random_uuid(), :tenant, (select c.id from connections c"
                                + " join integrations i on i.id = c.integration_id where c.tenant_id = :tenant"
                                + " and c.venue_id = :venue and i.provider = :provider and c.status <> 'DISCONNECTED'"
                                + " order by c.created_at limit 1), :inbound, :eventType, cast(cast(:payload as text) as jsonb), 'PENDING', now())")
                .setParameter("tenant", tenant.value())
                .setParameter("venue", venueId)
                .setParameter("provider", provider)
                .setParameter("inbound", inboundId)
                .setParameter("eventType", eventType == null ? "unknown" : eventType)
                .setParameter("payload", payloadJson)
                .executeUpdate());
    }

}
