package io.integration.sync;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same HTTP-level tests against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class SyncWorkerApiIT extends SyncWorkerApiTest {
}
