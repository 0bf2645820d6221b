package io.integration.webhook;

import java.time.Instant;

/** Optional filters of the webhook event list: provider, status and a received-at range. */
public record WebhookEventFilter(String provider, String status, Instant from, Instant to) {
}
