package io.integration.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Health probes (database, migrations, key provider) and the OpenAPI document: the same HTTP-level tests against the packaged application, the native executable with
 * {@code -Dnative} (see README, "Test the native executable").
 */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {
}
