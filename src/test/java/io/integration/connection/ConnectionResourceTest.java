package io.integration.connection;

import static io.integration.support.EmbeddedServicesResource.GOOD_KEY;
import static io.integration.support.EmbeddedServicesResource.REVOKED_KEY;
import static io.integration.support.EmbeddedServicesResource.SLOW_KEY;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.integration.support.Secrets;
import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConnectionResourceTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();

    private String writer() {
        return TestTokens.forTenant(tenant).roles("write").subject("user-42", "Ada Lovelace").sign();
    }

    private String createIntegration(UUID owner, String provider, String category) {
        return given().auth().oauth2(token(owner, "write")).contentType(ContentType.JSON)
                .body("{\"name\":\"" + provider + " " + UUID.randomUUID() + "\",\"provider\":\"" + provider
                        + "\",\"category\":\"" + category + "\"}")
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");
    }

    private String connect(String integrationId, String body) {
        return given().auth().oauth2(writer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/integrations/" + integrationId + "/connections")
                .then().statusCode(201).extract().path("id");
    }

    private String apiKeyBody(String key) {
        return "{\"venueId\":\"" + venue + "\",\"credentials\":{\"apiKey\":\"" + key + "\"}}";
    }

    private String createDefaultConnection(String key) {
        return connect(createIntegration(tenant, "stripe", "PAYMENT"), apiKeyBody(key));
    }

    @Test
    void connectStoresEncryptedCredentialsReturnsAMaskAndLogsTheActor() throws SQLException {
        String integration = createIntegration(tenant, "stripe", "PAYMENT");
        String response = given().auth().oauth2(writer()).contentType(ContentType.JSON).body(apiKeyBody(GOOD_KEY))
                .when().post("/api/v1/integrations/" + integration + "/connections")
                .then().statusCode(201)
                .body("status", equalTo("CONNECTED"))
                .body("provider", equalTo("stripe"))
                .body("credentialMask", equalTo("••••" + GOOD_KEY.substring(GOOD_KEY.length() - 4)))
                .body("tokenVersion", equalTo(1))
                .extract().asString();
        assertThat(response).doesNotContain(GOOD_KEY);
        String id = io.restassured.path.json.JsonPath.from(response).getString("id");

        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select row_to_json(c)::text as whole_row, kms_key_id,"
                        + " status, tenant_id from connections c where id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("whole_row")).doesNotContain(GOOD_KEY);
                assertThat(row.getString("kms_key_id")).startsWith("test:");
                assertThat(row.getObject("tenant_id")).isEqualTo(tenant);
            }
        }
        given().auth().oauth2(token(tenant, "read")).queryParam("connectionId", id)
                .when().get("/api/v1/activity")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("CONNECTED"))
                .body("items[0].actorUserId", equalTo("user-42"))
                .body("items[0].actorDisplayName", equalTo("Ada Lovelace"));
    }

    @Test
    void aSecondConnectOfTheSameVenueUpdatesInsteadOfDuplicating() throws Exception {
        String integration = createIntegration(tenant, "stripe", "PAYMENT");
        String first = connect(integration, apiKeyBody(Secrets.newSecret()));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(apiKeyBody(GOOD_KEY))
                .when().post("/api/v1/integrations/" + integration + "/connections")
                .then().statusCode(200)
                .body("id", equalTo(first))
                .body("tokenVersion", equalTo(2));

        // Concurrent first connects of another venue: exactly one row, every call succeeds.
        UUID concurrentVenue = UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(clients.submit(() -> given().auth().oauth2(writer()).contentType(ContentType.JSON)
                    .body("{\"venueId\":\"" + concurrentVenue + "\",\"credentials\":{\"apiKey\":\"" + Secrets.newSecret() + "\"}}")
                    .post("/api/v1/integrations/" + integration + "/connections").statusCode()));
        }
        for (Future<Integer> call : calls) {
            assertThat(call.get()).isIn(200, 201);
        }
        clients.shutdown();
        assertThat(count("select count(*) from connections where venue_id = '" + concurrentVenue + "'")).isEqualTo(1);
        assertThat(count("select count(*) from connections where venue_id = '" + venue + "'")).isEqualTo(1);
    }

    @Test
    void testAgainstTheProviderRecordsSuccessInTheLogAndHealth() throws SQLException {
        String id = createDefaultConnection(GOOD_KEY);
        given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/test")
                .then().statusCode(200)
                .body("outcome", equalTo("TEST_SUCCESS"))
                .body("providerStatus", equalTo(200))
                .body("connection.status", equalTo("CONNECTED"))
                .body("connection.lastTestStatus", equalTo("TEST_SUCCESS"));
        assertActivity(id, "TEST_SUCCESS");
        assertThat(healthRow()).isEqualTo("HEALTHY|1|0|0|100.00");
        assertThat(costRow("stripe")).isEqualTo("1|0.000000|USD"); // one provider call per test, priced by the definition
    }

    @Test
    void aProviderRejectingTheCredentialsMarksTheConnectionInError() throws SQLException {
        String id = createDefaultConnection(REVOKED_KEY);
        String body = given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/test")
                .then().statusCode(200)
                .body("outcome", equalTo("TEST_FAILED"))
                .body("providerStatus", equalTo(401))
                .body("message", containsString("rejected the credentials"))
                .body("connection.status", equalTo("ERROR"))
                .extract().asString();
        assertThat(body).doesNotContain(REVOKED_KEY).doesNotContain("invalid_api_key");
        assertActivity(id, "TEST_FAILED");
        assertThat(healthRow()).isEqualTo("HEALTHY|1|1|1|0.00".replace("HEALTHY", "DEGRADED"));
        assertThat(costRow("stripe")).isEqualTo("1|0.000000|USD"); // a rejected call is still a call
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsATimedOutFailure() throws SQLException {
        String id = createDefaultConnection(SLOW_KEY);
        given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/test")
                .then().statusCode(200)
                .body("outcome", equalTo("TEST_FAILED"))
                .body("providerStatus", nullValue())
                .body("message", equalTo("provider did not answer within 1000 ms"));
        assertActivity(id, "TEST_FAILED");
        assertThat(healthRow()).startsWith("DEGRADED|1|1|1");
        assertThat(costRow("stripe")).isEqualTo("1|0.000000|USD"); // sent, unanswered: counted
    }

    @Test
    void aProviderThatRefusesTheConnectionIsAFailureNamingTheHost() throws SQLException {
        String integration = createIntegration(tenant, "mailchimp", "EMAIL");
        String id = connect(integration, "{\"venueId\":\"" + venue + "\",\"credentials\":{\"username\":\"ops\",\"password\":\""
                + Secrets.newSecret() + "\"}}");
        given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/test")
                .then().statusCode(200)
                .body("outcome", equalTo("TEST_FAILED"))
                .body("message", equalTo("could not connect to the provider at 127.0.0.1:1"));
        assertActivity(id, "TEST_FAILED");
        assertThat(count("select count(*) from integration_health where venue_id = '" + venue
                + "' and integration_type = 'mailchimp' and consecutive_failures = 1")).isEqualTo(1);
        // No request reached the provider: no API call is counted.
        assertThat(count("select count(*) from integration_costs where venue_id = '" + venue + "'")).isZero();
    }

    @Test
    void disconnectDestroysTheCredentialsKeepsTheRowAndIsLogged() throws SQLException {
        String id = createDefaultConnection(GOOD_KEY);
        given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/disconnect")
                .then().statusCode(200)
                .body("status", equalTo("DISCONNECTED"))
                .body("credentialMask", nullValue());
        given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/disconnect")
                .then().statusCode(200).body("status", equalTo("DISCONNECTED"));
        assertThat(count("select count(*) from connections where id = '" + id + "' and access_token_encrypted is null"
                + " and refresh_token_encrypted is null and credential_mask is null and disconnected_at is not null")).isEqualTo(1);
        assertThat(count("select count(*) from integration_activity_logs where connection_id = '" + id
                + "' and action = 'DISCONNECTED'")).isEqualTo(1);
        given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/test")
                .then().statusCode(409).body("detail", containsString("holds no credentials"));
    }

    @Test
    void revealReturnsThePlaintextToTheSecretsRoleOnlyAndIsAudited() throws SQLException {
        String id = createDefaultConnection(GOOD_KEY);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("secrets").subject("svc-sync", "Sync worker").sign())
                .when().post("/api/v1/connections/" + id + "/reveal")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("credential", equalTo(GOOD_KEY))
                .body("tokenVersion", equalTo(1));
        assertThat(count("select count(*) from integration_activity_logs where connection_id = '" + id
                + "' and action = 'SECRET_REVEALED' and actor_user_id = 'svc-sync'")).isEqualTo(1);
        given().when().post("/api/v1/connections/" + id + "/reveal").then().statusCode(401);
        given().auth().oauth2(token(tenant, "admin")).when().post("/api/v1/connections/" + id + "/reveal").then().statusCode(403);
        given().auth().oauth2(token(otherTenant, "secrets")).when().post("/api/v1/connections/" + id + "/reveal").then().statusCode(404);
        given().auth().oauth2(token(tenant, "secrets")).when().post("/api/v1/connections/nope/reveal").then().statusCode(400);
        given().auth().oauth2(writer()).when().post("/api/v1/connections/" + id + "/disconnect").then().statusCode(200);
        given().auth().oauth2(token(tenant, "secrets")).when().post("/api/v1/connections/" + id + "/reveal").then().statusCode(409);
    }

    @Test
    void credentialsMustFitTheProvidersAuthMode() {
        String stripe = createIntegration(tenant, "stripe", "PAYMENT");
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + venue + "\",\"credentials\":{\"accessToken\":\"x\"}}")
                .when().post("/api/v1/integrations/" + stripe + "/connections")
                .then().statusCode(400).body("detail", containsString("credentials.apiKey"));
        String mailchimp = createIntegration(tenant, "mailchimp", "EMAIL");
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + venue + "\",\"credentials\":{\"username\":\"ops\"}}")
                .when().post("/api/v1/integrations/" + mailchimp + "/connections")
                .then().statusCode(400).body("detail", containsString("credentials.password"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"venueId\":\"" + venue + "\"}")
                .when().post("/api/v1/integrations/" + stripe + "/connections")
                .then().statusCode(400).body("detail", containsString("'credentials' is required"));
        assertThat(given().auth().oauth2(token(tenant, "read")).get("/api/v1/connections").<List<?>>path("items")).isEmpty();
    }

    @Test
    void listFiltersAndPages() {
        String integration = createIntegration(tenant, "stripe", "PAYMENT");
        for (int i = 0; i < 3; i++) {
            connect(integration, "{\"venueId\":\"" + UUID.randomUUID() + "\",\"credentials\":{\"apiKey\":\"" + Secrets.newSecret() + "\"}}");
        }
        createIntegration(otherTenant, "stripe", "PAYMENT");
        String next = given().auth().oauth2(token(tenant, "read")).queryParam("limit", 2).queryParam("integrationId", integration)
                .when().get("/api/v1/connections")
                .then().statusCode(200).body("items", hasSize(2)).body(not(containsString(Secrets.PREFIX)))
                .extract().path("nextCursor");
        given().auth().oauth2(token(tenant, "read")).queryParam("limit", 2).queryParam("cursor", next)
                .queryParam("integrationId", integration)
                .when().get("/api/v1/connections")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
        given().auth().oauth2(token(tenant, "read")).queryParam("status", "ERROR").when().get("/api/v1/connections")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void everyEndpointRefusesMissingTokensRolesAndForeignTenants() {
        String id = createDefaultConnection(GOOD_KEY);
        String integration = createIntegration(tenant, "stripe", "PAYMENT");
        String connectPath = "/api/v1/integrations/" + integration + "/connections";

        given().contentType(ContentType.JSON).body(apiKeyBody(GOOD_KEY)).when().post(connectPath).then().statusCode(401);
        given().when().get("/api/v1/connections").then().statusCode(401);
        given().when().get("/api/v1/connections/" + id).then().statusCode(401);
        given().when().post("/api/v1/connections/" + id + "/disconnect").then().statusCode(401);
        given().when().post("/api/v1/connections/" + id + "/test").then().statusCode(401);
        given().when().get("/api/v1/activity").then().statusCode(401);

        String reader = token(tenant, "read");
        given().auth().oauth2(reader).contentType(ContentType.JSON).body(apiKeyBody(GOOD_KEY)).when().post(connectPath).then().statusCode(403);
        given().auth().oauth2(reader).when().post("/api/v1/connections/" + id + "/disconnect").then().statusCode(403);
        given().auth().oauth2(reader).when().post("/api/v1/connections/" + id + "/test").then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get("/api/v1/connections/" + id).then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get("/api/v1/activity").then().statusCode(403);

        String foreignWriter = token(otherTenant, "write");
        given().auth().oauth2(foreignWriter).contentType(ContentType.JSON).body(apiKeyBody(GOOD_KEY)).when().post(connectPath)
                .then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "read")).when().get("/api/v1/connections/" + id).then().statusCode(404);
        given().auth().oauth2(foreignWriter).when().post("/api/v1/connections/" + id + "/disconnect").then().statusCode(404);
        given().auth().oauth2(foreignWriter).when().post("/api/v1/connections/" + id + "/test").then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "read")).queryParam("connectionId", id).when().get("/api/v1/activity")
                .then().statusCode(200).body("items", hasSize(0));
        // Untouched by the foreign attempts.
        given().auth().oauth2(reader).when().get("/api/v1/connections/" + id).then().statusCode(200)
                .body("status", equalTo("CONNECTED"));
    }

    @Test
    void malformedInputIsABadRequest() {
        String integration = createIntegration(tenant, "stripe", "PAYMENT");
        String connectPath = "/api/v1/integrations/" + integration + "/connections";
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"venueId\":").when().post(connectPath)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"venueId\":\"not-a-uuid\"}").when().post(connectPath)
                .then().statusCode(400).body("detail", containsString("venueId"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(apiKeyBody(GOOD_KEY))
                .when().post("/api/v1/integrations/nope/connections").then().statusCode(400);
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/connections/nope").then().statusCode(400);
        given().auth().oauth2(writer()).when().post("/api/v1/connections/nope/test").then().statusCode(400);
        given().auth().oauth2(token(tenant, "read")).queryParam("status", "BROKEN").when().get("/api/v1/connections")
                .then().statusCode(400).body("detail", containsString("status"));
        given().auth().oauth2(token(tenant, "read")).queryParam("action", "EXPLODED").when().get("/api/v1/activity")
                .then().statusCode(400).body("detail", containsString("action"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(apiKeyBody(GOOD_KEY))
                .when().post("/api/v1/integrations/" + UUID.randomUUID() + "/connections").then().statusCode(404);
    }

    private void assertActivity(String connectionId, String action) throws SQLException {
        assertThat(count("select count(*) from integration_activity_logs where connection_id = '" + connectionId
                + "' and action = '" + action + "' and actor_user_id = 'user-42' and actor_display_name = 'Ada Lovelace'"))
                .isEqualTo(1);
    }

    private String healthRow() throws SQLException {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select status || '|' || total_checks || '|' || failed_checks"
                        + " || '|' || consecutive_failures || '|' || success_rate from integration_health"
                        + " where tenant_id = ? and venue_id = ?")) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    /** api_calls|cost|currency of the venue's provider this month. */
    private String costRow(String provider) throws SQLException {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select api_calls || '|' || cost || '|' || currency"
                        + " from integration_costs where tenant_id = ? and venue_id = ? and integration_type = ?"
                        + " and period_start = date_trunc('month', now() at time zone 'UTC')::date")) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            query.setString(3, provider);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = Database.superuser(); PreparedStatement query = db.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
