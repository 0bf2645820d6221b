package io.integration.journey;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The platform service's journey across the API: the same HTTP-level tests against the packaged application, the native executable with
 * {@code -Dnative} (see README, "Test the native executable").
 */
@QuarkusIntegrationTest
class PlatformServiceJourneyIT extends PlatformServiceJourneyTest {
}
