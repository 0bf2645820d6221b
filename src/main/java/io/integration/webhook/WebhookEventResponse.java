package io.integration.webhook;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook event as the API returns it: where it came from and where its processing stands (no payload). */
@Schema(name = "WebhookEvent")
public record WebhookEventResponse(UUID id, UUID venueId, String provider, String eventType, String providerEventId,
        @Schema(description = "PENDING, PROCESSING, DELIVERED or DEAD") String status, int attempts, int maxAttempts,
        Instant nextAttemptAt, String lastError, Instant receivedAt, Instant processedAt, Instant createdAt) {

    static WebhookEventResponse of(WebhookEvent event, InboundWebhook inbound) {
        return new WebhookEventResponse(event.id, inbound == null ? null : inbound.venueId,
                inbound == null ? null : inbound.integrationType, event.eventType,
                inbound == null ? null : inbound.providerEventId, event.status, event.attempts, event.maxAttempts,
                event.nextAttemptAt, event.lastError, inbound == null ? null : inbound.receivedAt, event.processedAt,
                event.createdAt);
    }
}
