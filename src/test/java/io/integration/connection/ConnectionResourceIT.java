package io.integration.connection;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Connections: connect, test against the provider stub, reveal, activity log: the same HTTP-level tests against the packaged application, the native executable with
 * {@code -Dnative} (see README, "Test the native executable").
 */
@QuarkusIntegrationTest
class ConnectionResourceIT extends ConnectionResourceTest {
}
