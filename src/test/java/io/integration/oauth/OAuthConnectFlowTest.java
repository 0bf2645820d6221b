package io.integration.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.support.Database;
import io.integration.tenancy.TenantId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * The authorization-code flow with PKCE against a real OAuth 2.0 server (mock-oauth2-server, hubspot): the browser is
 * this test, which follows the authorization URL and brings the code back to the callback.
 */
@QuarkusTest
class OAuthConnectFlowTest {

    private static final String PROVIDER = "hubspot";

    @Inject
    CredentialVault vault;

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private UUID integration;

    @org.junit.jupiter.api.BeforeEach
    void createDefaultIntegration() {
        integration = createIntegration(tenant);
    }

    private static UUID createIntegration(UUID tenant) {
        return UUID.fromString(given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"name\":\"HubSpot " + UUID.randomUUID() + "\",\"provider\":\"hubspot\",\"category\":\"CRM\"}")
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id"));
    }

    private String authorizePath(UUID forVenue) {
        return "/api/v1/venues/" + forVenue + "/oauth/" + PROVIDER + "/authorize";
    }

    private Map<String, String> authorize(UUID forVenue) {
        String url = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"scopes\":[\"openid\",\"crm.objects.contacts.read\"]}")
                .when().post(authorizePath(forVenue))
                .then().statusCode(200)
                .body("state", org.hamcrest.Matchers.matchesPattern("^[A-Za-z0-9_-]{43}$"))
                .extract().path("authorizationUrl");
        Map<String, String> params = query(URI.create(url));
        params.put("authorizationUrl", url);
        return params;
    }

    /** The browser: follows the provider's authorization URL and reads the redirect back to the callback. */
    private static Map<String, String> browse(String authorizationUrl) {
        String location = given().urlEncodingEnabled(false).redirects().follow(false).when().get(authorizationUrl)
                .then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith("http://127.0.0.1/oauth/callback?");
        return query(URI.create(location));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static WireMock providerStub() {
        URI stub = URI.create(ConfigProvider.getConfig().getValue("test.provider-stub.url", String.class));
        return new WireMock(stub.getHost(), stub.getPort());
    }

    @Test
    void fullCodeFlowWithPkceConnectsAndStoresOnlyCiphertext() throws SQLException {
        Map<String, String> started = authorize(venue);
        assertThat(started).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", "integration-service-hubspot")
                .containsEntry("redirect_uri", "http://127.0.0.1/oauth/callback");
        Map<String, String> redirect = browse(started.get("authorizationUrl"));
        assertThat(redirect.get("state")).isEqualTo(started.get("state"));

        given().when().get("/oauth/callback?state=" + redirect.get("state") + "&code=" + redirect.get("code"))
                .then().statusCode(200)
                .body("status", equalTo("CONNECTED"))
                .body("provider", equalTo(PROVIDER))
                .body("venueId", equalTo(venue.toString()))
                .body("integrationId", equalTo(integration.toString()))
                .body("tokenVersion", equalTo(1));

        // The token request went through the stub: it carried the verifier whose S256 is the URL's challenge.
        ServeEvent exchange = providerStub().getServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/oauth/hubspot/token"))
                .filter(e -> e.getRequest().getBodyAsString().contains("code=" + redirect.get("code")))
                .findFirst().orElseThrow();
        Map<String, String> form = query(URI.create("http://x/?" + exchange.getRequest().getBodyAsString()));
        assertThat(form).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", "http://127.0.0.1/oauth/callback");
        assertThat(Pkce.s256(form.get("code_verifier"))).isEqualTo(started.get("code_challenge"));
        assertThat(exchange.getResponse().getStatus()).isEqualTo(200);
        JsonObject issued = new JsonObject(exchange.getResponse().getBodyAsString());

        try (Connection db = Database.superuser()) {
            try (PreparedStatement query = db.prepareStatement("select id, access_token_encrypted,"
                    + " refresh_token_encrypted, refresh_status, token_version from oauth_tokens where tenant_id = ?"
                    + " and venue_id = ? and integration_type = 'hubspot'")) {
                query.setObject(1, tenant);
                query.setObject(2, venue);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    byte[] access = row.getBytes("access_token_encrypted");
                    assertThat(new String(access, StandardCharsets.ISO_8859_1)).startsWith("CVLT")
                            .doesNotContain(issued.getString("access_token"));
                    assertThat(vault.open(new TenantId(tenant), SecretTable.OAUTH_TOKENS, "access_token_encrypted",
                            row.getObject("id", UUID.class), access)).isEqualTo(issued.getString("access_token"));
                    assertThat(row.getString("refresh_status")).isEqualTo("ACTIVE");
                }
            }
            assertThat(strings(db, "select status || '|' || coalesce(venue_id::text, '') from connections"
                    + " where tenant_id = '" + tenant + "' and integration_id = '" + integration + "'"))
                    .containsExactly("CONNECTED|" + venue);
            assertThat(strings(db, "select action from integration_activity_logs where tenant_id = '" + tenant
                    + "' and integration_id = '" + integration + "'")).containsExactly("CONNECTED");
            assertThat(strings(db, "select count(*) from oauth_authorization_states where tenant_id = '" + tenant + "'"))
                    .containsExactly("0");
        }

        // The state is single use: the same redirect again is refused and changes nothing.
        given().when().get("/oauth/callback?state=" + redirect.get("state") + "&code=" + redirect.get("code"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown or already used state"));
    }

    @Test
    void twoConcurrentCallbacksWithOneStateCompleteOnce() throws Exception {
        Map<String, String> redirect = browse(authorize(venue).get("authorizationUrl"));
        String callback = "/oauth/callback?state=" + redirect.get("state") + "&code=" + redirect.get("code");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> answers = List.of(
                    pool.submit(() -> given().when().get(callback).then().extract().statusCode()),
                    pool.submit(() -> given().when().get(callback).then().extract().statusCode()));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        } finally {
            pool.shutdownNow();
        }
        try (Connection db = Database.superuser()) {
            assertThat(strings(db, "select action from integration_activity_logs where tenant_id = '" + tenant + "'"))
                    .containsExactly("CONNECTED");
        }
    }

    @Test
    void theStateIsStoredAsAHashWithASealedVerifier() throws SQLException {
        Map<String, String> started = authorize(venue);
        try (Connection db = Database.superuser()) {
            List<String> rows = strings(db, "select row_to_json(s)::text from oauth_authorization_states s"
                    + " where tenant_id = '" + tenant + "'");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).doesNotContain(started.get("state")).contains("\"kms_key_id\":\"test:");
            assertThat(strings(db, "select encode(state_hash, 'hex') = encode(sha256(convert_to('" + started.get("state")
                    + "', 'UTF8')), 'hex') from oauth_authorization_states where tenant_id = '" + tenant + "'"))
                    .containsExactly("t");
        }
    }

    @Test
    void anExpiredStateIsRefused() throws SQLException {
        Map<String, String> started = authorize(venue);
        Map<String, String> redirect = browse(started.get("authorizationUrl"));
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update oauth_authorization_states set expires_at = now() - interval '1 second'"
                    + " where tenant_id = '" + tenant + "'");
        }
        given().when().get("/oauth/callback?state=" + redirect.get("state") + "&code=" + redirect.get("code"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("expired"));
        assertNothingConnected(venue);
    }

    @Test
    void accessDeniedEndsTheFlowWithAClearStatus() throws SQLException {
        Map<String, String> started = authorize(venue);
        given().when().get("/oauth/callback?state=" + started.get("state") + "&error=access_denied"
                        + "&error_description=User+said+no")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'access_denied': the user did not grant access"))
                .body("detail", org.hamcrest.Matchers.not(containsString("User said no")));
        assertNothingConnected(venue);
        // Used up as well: the state cannot be replayed with a code afterwards.
        given().when().get("/oauth/callback?state=" + started.get("state") + "&code=anything")
                .then().statusCode(400).body("detail", containsString("unknown or already used"));
    }

    /**
     * mock-oauth2-server issues tokens for any code (it is a mock), so codes the provider refuses are forced on the
     * WireMock token endpoint of square: invalid_grant is the caller's 400, a failing endpoint a 502.
     */
    @Test
    void aCodeTheProviderRefusesIsA400AndAFailingTokenEndpointA502() throws SQLException {
        String squareIntegration = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"name\":\"Square " + UUID.randomUUID() + "\",\"provider\":\"square\",\"category\":\"POS\"}")
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        String badCode = "bad-code-" + UUID.randomUUID();
        String brokenCode = "broken-code-" + UUID.randomUUID();
        providerStub().register(post(urlEqualTo("/oauth/square/token")).atPriority(2)
                .withRequestBody(containing("code=" + badCode))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}")));
        providerStub().register(post(urlEqualTo("/oauth/square/token")).atPriority(2)
                .withRequestBody(containing("code=" + brokenCode))
                .willReturn(aResponse().withStatus(503)));
        for (String[] attempt : new String[][] {{badCode, "400", "would not exchange the authorization code (invalid_grant)"},
                {brokenCode, "502", "token endpoint failed (token endpoint answered HTTP 503)"}}) {
            String state = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                    .body("{\"integrationId\":\"" + squareIntegration + "\"}")
                    .when().post("/api/v1/venues/" + venue + "/oauth/square/authorize")
                    .then().statusCode(200).extract().path("state");
            given().when().get("/oauth/callback?state=" + state + "&code=" + attempt[0])
                    .then().statusCode(Integer.parseInt(attempt[1])).contentType("application/problem+json")
                    .body("detail", containsString(attempt[2]));
        }
        assertThat(providerStub().find(postRequestedFor(urlEqualTo("/oauth/square/token"))
                .withRequestBody(containing("code=" + badCode)).withRequestBody(containing("code_verifier="))))
                .hasSize(1);
        assertNothingConnected(venue);
    }

    @Test
    void unknownOrMalformedStatesAreRefused() {
        given().when().get("/oauth/callback?code=abc").then().statusCode(400)
                .body("detail", containsString("'state'"));
        given().when().get("/oauth/callback?state=" + "A".repeat(43) + "&code=abc").then().statusCode(400)
                .body("detail", containsString("unknown or already used state"));
    }

    @Test
    void authorizeNeedsWriteTheTenantsIntegrationAndAnAllowedRedirect() {
        given().contentType(ContentType.JSON).body("{}").when().post(authorizePath(venue)).then().statusCode(401);
        given().auth().oauth2(token(tenant, "read")).contentType(ContentType.JSON).body("{}")
                .when().post(authorizePath(venue)).then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).contentType(ContentType.JSON).body("{}")
                .when().post(authorizePath(venue)).then().statusCode(403);
        // Another tenant's integration is not found; without one of its own, the other tenant is told to create one.
        given().auth().oauth2(token(UUID.randomUUID(), "write")).contentType(ContentType.JSON)
                .body("{\"integrationId\":\"" + integration + "\"}")
                .when().post(authorizePath(venue)).then().statusCode(404);
        given().auth().oauth2(token(UUID.randomUUID(), "write")).contentType(ContentType.JSON).body("{}")
                .when().post(authorizePath(venue)).then().statusCode(400)
                .body("detail", containsString("no integration for provider 'hubspot'"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"redirectUri\":\"https://attacker.example/oauth/callback\"}")
                .when().post(authorizePath(venue)).then().statusCode(400)
                .body("detail", containsString("redirectUri"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/venues/" + venue + "/oauth/stripe/authorize").then().statusCode(400)
                .body("detail", containsString("does not use OAuth 2.0"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).when().post(authorizePath(venue))
                .then().statusCode(200);
    }

    private void assertNothingConnected(UUID forVenue) throws SQLException {
        try (Connection db = Database.superuser()) {
            assertThat(strings(db, "select count(*) from oauth_tokens where tenant_id = '" + tenant
                    + "' and venue_id = '" + forVenue + "'")).containsExactly("0");
            assertThat(strings(db, "select count(*) from connections where tenant_id = '" + tenant + "'"))
                    .containsExactly("0");
            assertThat(strings(db, "select count(*) from integration_activity_logs where tenant_id = '" + tenant + "'"))
                    .containsExactly("0");
        }
    }

    static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

}
