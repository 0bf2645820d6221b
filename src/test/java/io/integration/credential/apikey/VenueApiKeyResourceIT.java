package io.integration.credential.apikey;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Venue API keys: stored encrypted, masks, audited reveal: the same HTTP-level tests against the packaged application, the native executable with
 * {@code -Dnative} (see README, "Test the native executable").
 */
@QuarkusIntegrationTest
class VenueApiKeyResourceIT extends VenueApiKeyResourceTest {
}
