package io.integration.webhook;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.integration.webhook.signature.WebhookRequest;

/** The provider's own event id and type of a webhook, by signature scheme; the id deduplicates redeliveries. */
record EventIdentity(String eventId, String eventType) {

    static EventIdentity of(String scheme, WebhookRequest request, JsonNode json) {
        return switch (scheme) {
            case "github" -> new EventIdentity(header(request, "X-GitHub-Delivery"), header(request, "X-GitHub-Event"));
            case "standard-webhooks" -> new EventIdentity(header(request, "webhook-id"), field(json, "type"));
            case "slack" -> new EventIdentity(field(json, "event_id"),
                    json != null && json.path("event").has("type") ? json.path("event").path("type").asText()
                            : field(json, "type"));
            case "stripe" -> new EventIdentity(field(json, "id"), field(json, "type"));
            default -> new EventIdentity(first(header(request, "X-Shopify-Webhook-Id"), header(request, "X-Webhook-Id"),
                    field(json, "id")), first(header(request, "X-Shopify-Topic"), field(json, "type")));
        };
    }

    private static String header(WebhookRequest request, String name) {
        return request.header(name).map(String::strip).filter(v -> !v.isEmpty() && v.length() <= 255).orElse(null);
    }

    private static String field(JsonNode json, String name) {
        return Optional.ofNullable(json).map(j -> j.get(name)).filter(JsonNode::isValueNode).map(JsonNode::asText)
                .filter(v -> !v.isEmpty() && v.length() <= 255).orElse(null);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
