package io.integration.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Inbound webhooks: verified, deduplicated, durable before acknowledged: the same HTTP-level tests against the packaged application, the native executable with
 * {@code -Dnative} (see README, "Test the native executable").
 */
@QuarkusIntegrationTest
class WebhookIngestionIT extends WebhookIngestionTest {
}
