package io.integration.oauth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The access-token endpoint's HTTP tests against the packaged application (the native executable with -Dnative). */
@QuarkusIntegrationTest
class OAuthAccessTokenEndpointIT extends OAuthAccessTokenEndpointTest {
}
