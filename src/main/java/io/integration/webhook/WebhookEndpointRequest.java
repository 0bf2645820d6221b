package io.integration.webhook;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Settings of a venue's inbound webhook endpoint. */
@Schema(name = "WebhookEndpointRequest")
public record WebhookEndpointRequest(
        @Schema(description = "Internal URL accepted events are delivered to, signed (Standard Webhooks)")
        @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s]+$", message = "must be an absolute http(s) URL")
        String subscriberUrl,
        @Schema(description = "Also enqueue a WEBHOOK sync job for each accepted event") Boolean enqueueSync,
        @Schema(description = "Disabled endpoints answer 404, like unknown ones") Boolean enabled) {
}
