package io.integration.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.integration.local.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real parts for every test: an embedded PostgreSQL (fresh data folder, migrations applied by the service as the
 * owner role) and an OIDC issuer on 127.0.0.1 publishing discovery and a JWKS, whose tokens the service verifies.
 */
public class EmbeddedServicesResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/integration";
    public static final String AUDIENCE = "integration-service";

    /** Credentials the provider stub accepts, rejects, or answers too slowly (all carry the test-secret prefix). */
    public static final String GOOD_KEY = Secrets.PREFIX + "provider-accepts";
    public static final String REVOKED_KEY = Secrets.PREFIX + "provider-rejects";
    public static final String SLOW_KEY = Secrets.PREFIX + "provider-too-slow";

    /** Secret with which the service signs deliveries to internal subscribers (Standard Webhooks, "whsec_" + base64). */
    public static final String DELIVERY_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("test-delivery-secret-32-bytes-ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private EmbeddedDatabase database;
    private WireMockServer issuer;
    private WireMockServer providerStub;
    private no.nav.security.mock.oauth2.MockOAuth2Server oauthServer;

    /** OAuth client secret of this service at every test provider (a test secret: must never reach a log). */
    public static final String OAUTH_CLIENT_SECRET = Secrets.PREFIX + "oauth-client-secret";
    /** The redirect URI the connect tests register (the service's callback path; the browser is the test). */
    public static final String OAUTH_REDIRECT_URI = "http://127.0.0.1/oauth/callback";

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("integration-test-pg");
            database = EmbeddedDatabase.start(dataDir, true, 0);
        } catch (Exception e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
        TestKeys.createIfMissing();
        issuer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        issuer.start();
        String issuerUrl = "http://127.0.0.1:" + issuer.port() + REALM_PATH;
        publishDiscovery(issuerUrl);
        Files2.writeIssuer(issuerUrl);

        Map<String, String> config = new HashMap<>(database.serviceConfiguration("api-test-pw", "worker-test-pw", "owner-test-pw"));
        // A small pool on purpose: tenant isolation must hold when every connection is reused many times.
        config.put("quarkus.datasource.reactive.max-size", "4");
        config.put("quarkus.datasource.worker.reactive.max-size", "4");
        config.put("quarkus.oidc.auth-server-url", issuerUrl);
        config.put("quarkus.oidc.token.audience", AUDIENCE);
        // Six random key-encryption key versions (each rotation test activates the next one) for this run; test.v1 is active at start.
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int version = 1; version <= 6; version++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            config.put("integration.kms.local.keys.\"test.v" + version + "\"", java.util.Base64.getEncoder().encodeToString(key));
        }
        config.put("integration.kms.local.active-key", "test:1");
        // Tests drive the rotation job and key-state sync themselves.
        config.put("integration.rotation.poll-interval", "off");
        config.put("integration.rotation.key-state-sync-interval", "off");
        config.put("integration.rotation.batch-size", "40");
        startProviderStub();
        String stubUrl = "http://127.0.0.1:" + providerStub.port();
        for (String provider : new String[] {"stripe", "square", "hubspot", "slack", "github", "shopify"}) {
            config.put("integration.providers.overrides." + provider + ".api-base-url", stubUrl);
            config.put("integration.providers.overrides." + provider + ".token-url", stubUrl + "/oauth/" + provider + "/token");
            config.put("integration.providers.overrides." + provider + ".authorization-url", stubUrl + "/oauth/" + provider + "/authorize");
        }
        // Nothing listens on port 1: connection refused.
        config.put("integration.providers.overrides.mailchimp.api-base-url", "http://127.0.0.1:1");
        config.put("integration.connections.test-timeout", "1s");
        // Tests drive webhook delivery themselves; deliveries to subscribers are signed with this secret.
        config.put("integration.webhooks.poll-interval", "off");
        config.put("integration.webhooks.delivery-timeout", "1s");
        config.put("integration.webhooks.delivery-secret", DELIVERY_SECRET);
        // Tests drive the sync scheduler and worker loop themselves; retries back off in milliseconds, not minutes.
        config.put("integration.sync.schedule-poll-interval", "off");
        config.put("integration.sync.worker-poll-interval", "off");
        config.put("integration.sync.backoff-base", "100ms");
        config.put("integration.sync.backoff-max", "400ms");
        config.put("test.provider-stub.url", stubUrl);
        startOAuthServer(config, stubUrl);
        config.put("test.database.superuser-url", database.jdbcUrl() + "?user=postgres");
        config.put("test.database.port", Integer.toString(database.port()));
        return config;
    }

    /** One stub for every provider's test request: answers by the credential presented. */
    private void startProviderStub() {
        providerStub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .notifier(new com.github.tomakehurst.wiremock.common.ConsoleNotifier(false)));
        providerStub.start();
        // Catch-all first (lowest priority): WireMock would otherwise print unmatched requests, headers included.
        providerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(100)
                .willReturn(aResponse().withStatus(404)));
        providerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing(GOOD_KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        providerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10)
                .withHeader("X-Shopify-Access-Token", com.github.tomakehurst.wiremock.client.WireMock.equalTo(GOOD_KEY))
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        providerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing(REVOKED_KEY))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_api_key\"}")));
        providerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing(SLOW_KEY))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    }

    /**
     * A real OAuth 2.0 server (mock-oauth2-server) for hubspot's authorization-code flow. Its token endpoint is reached
     * through the provider stub, which proxies the call and so records the token request (the tests check the PKCE
     * code_verifier in it). Square and slack keep WireMock token endpoints, where failures are forced.
     */
    private void startOAuthServer(Map<String, String> config, String stubUrl) {
        oauthServer = new no.nav.security.mock.oauth2.MockOAuth2Server();
        try {
            oauthServer.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        // Signing keys are made on first use: made now, so the first code exchange is not slower than the timeout.
        oauthServer.issueToken("hubspot");
        String authorize = oauthServer.authorizationEndpointUrl("hubspot").toString();
        String base = authorize.substring(0, authorize.indexOf("/hubspot/authorize"));
        providerStub.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/oauth/hubspot/token"))
                .atPriority(1)
                .willReturn(aResponse().proxiedFrom(base).withProxyUrlPrefixToRemove("/oauth")));
        config.put("integration.providers.overrides.hubspot.authorization-url", authorize);
        config.put("integration.providers.overrides.hubspot.token-url", stubUrl + "/oauth/hubspot/token");
        for (String provider : new String[] {"square", "hubspot", "slack"}) {
            config.put("integration.oauth.clients." + provider + ".client-id", "integration-service-" + provider);
            config.put("integration.oauth.clients." + provider + ".client-secret", OAUTH_CLIENT_SECRET);
        }
        config.put("integration.oauth.redirect-uris", OAUTH_REDIRECT_URI);
        // Tests drive the refresher themselves; failures back off by seconds, which tests move past in the database.
        config.put("integration.oauth.refresh-interval", "off");
        config.put("integration.oauth.token-endpoint-timeout", "15s");
        config.put("integration.oauth.max-refresh-failures", "3");
        config.put("integration.oauth.backoff-base", "10s");
        config.put("test.oauth-server.url", base);
    }

    private void publishDiscovery(String issuerUrl) {
        RSAPublicKey key = TestKeys.publicKey();
        String jwks = """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                .formatted(TestKeys.KEY_ID, TestKeys.base64Url(unsigned(key.getModulus())),
                        TestKeys.base64Url(unsigned(key.getPublicExponent())));
        String discovery = """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuerUrl);
        issuer.stubFor(get(urlEqualTo(REALM_PATH + "/.well-known/openid-configuration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(discovery)));
        issuer.stubFor(get(urlEqualTo(REALM_PATH + "/protocol/openid-connect/certs"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(jwks)));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    @Override
    public void stop() {
        if (issuer != null) {
            issuer.stop();
        }
        if (providerStub != null) {
            providerStub.stop();
        }
        if (oauthServer != null) {
            oauthServer.shutdown();
        }
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                // The JVM is ending; nothing else to release.
            }
        }
    }
}
