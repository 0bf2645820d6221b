package io.integration.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The catalog API and its tenant isolation: the same HTTP-level tests against the packaged application, the native executable with
 * {@code -Dnative} (see README, "Test the native executable").
 */
@QuarkusIntegrationTest
class IntegrationResourceIT extends IntegrationResourceTest {
}
