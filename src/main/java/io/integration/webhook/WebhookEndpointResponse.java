package io.integration.webhook;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A venue's inbound webhook endpoint; the routing token and URL path appear only when a token was just issued. */
@Schema(name = "WebhookEndpoint")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointResponse(UUID id, UUID venueId, String provider, String subscriberUrl,
        boolean enqueueSync, boolean enabled,
        @Schema(description = "Only when issued: give this path to the provider; it is not shown again") String inboundPath,
        long version, Instant createdAt, Instant updatedAt) {
}
