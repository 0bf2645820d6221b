package io.integration.config;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.integration.support.Secrets;
import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class IntegrationConfigResourceTest {

    private static final String DEFAULT_PROVIDER = "square";
    private static final String DEFAULT_SETTINGS = "{\"locationId\":\"L8D7Q2\"}";
    private static final String SCHEDULE = "0 */15 * * * ?";

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String accessToken = Secrets.newSecret();
    private final String refreshToken = Secrets.newSecret();
    private final String apiKey = Secrets.newSecret();

    private static String path(UUID venueId, String provider) {
        return "/api/v1/venues/" + venueId + "/configs/" + provider;
    }

    private String defaultPath() {
        return path(venue, DEFAULT_PROVIDER);
    }

    private String writer() {
        return token(tenant, "write");
    }

    private String reader() {
        return token(tenant, "read");
    }

    private static String body(String settings, boolean syncEnabled, String schedule, String credentials) {
        return "{\"settings\":" + settings + ",\"enabled\":true,\"syncEnabled\":" + syncEnabled
                + (schedule == null ? "" : ",\"syncSchedule\":\"" + schedule + "\"")
                + (credentials == null ? "" : ",\"credentials\":" + credentials) + "}";
    }

    private String credentials() {
        return "{\"accessToken\":\"" + accessToken + "\",\"refreshToken\":\"" + refreshToken + "\",\"apiKey\":\""
                + apiKey + "\"}";
    }

    private void putDefaultConfig() {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_SETTINGS, true, SCHEDULE, credentials()))
                .when().put(defaultPath())
                .then().statusCode(201);
    }

    @Test
    void createStoresSettingsAndOnlyCiphertextAndAnswersWithMasks() throws SQLException {
        String response = given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_SETTINGS, true, SCHEDULE, credentials()))
                .when().put(defaultPath())
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("provider", equalTo(DEFAULT_PROVIDER))
                .body("venueId", equalTo(venue.toString()))
                .body("settings.locationId", equalTo("L8D7Q2"))
                .body("enabled", equalTo(true))
                .body("syncEnabled", equalTo(true))
                .body("syncSchedule", equalTo(SCHEDULE))
                .body("hasAccessToken", equalTo(true))
                .body("accessTokenMask", equalTo("••••" + accessToken.substring(accessToken.length() - 4)))
                .body("hasRefreshToken", equalTo(true))
                .body("hasApiKey", equalTo(true))
                .body("apiKeyMask", equalTo("••••" + apiKey.substring(apiKey.length() - 4)))
                .body("tokenVersion", equalTo(1))
                .body("kmsKeyId", containsString("test:"))
                .extract().asString();
        assertThat(response).doesNotContain(accessToken, refreshToken, apiKey);

        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select row_to_json(c)::text as whole_row, tenant_id,"
                        + " config->>'locationId' as location, enabled, sync_enabled, sync_schedule, token_version,"
                        + " access_token_encrypted, refresh_token_encrypted, api_key_encrypted, kms_key_id,"
                        + " encryption_context::text as context from integration_configs c where venue_id = ?")) {
            query.setObject(1, venue);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject("tenant_id")).isEqualTo(tenant);
                assertThat(row.getString("location")).isEqualTo("L8D7Q2");
                assertThat(row.getBoolean("enabled")).isTrue();
                assertThat(row.getBoolean("sync_enabled")).isTrue();
                assertThat(row.getString("sync_schedule")).isEqualTo(SCHEDULE);
                assertThat(row.getInt("token_version")).isEqualTo(1);
                assertThat(row.getString("whole_row")).doesNotContain(accessToken, refreshToken, apiKey);
                for (String column : List.of("access_token_encrypted", "refresh_token_encrypted", "api_key_encrypted")) {
                    assertThat(new String(row.getBytes(column), StandardCharsets.ISO_8859_1)).as(column)
                            .startsWith("CVLT")
                            .doesNotContain(accessToken, refreshToken, apiKey);
                }
                assertThat(row.getString("kms_key_id")).matches("test:[0-9]");
                assertThat(row.getString("context")).contains(tenant.toString()).contains("integration_configs");
                assertThat(row.next()).isFalse();
            }
        }
        assertThat(activityActions()).containsExactly("CREDENTIALS_UPDATED");
    }

    @Test
    void replaceKeepsSecretsWhenOmittedAndBumpsTheTokenVersionWhenGiven() throws SQLException {
        putDefaultConfig();
        given().auth().oauth2(writer()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("{\"locationId\":\"NEW1\"}", false, null, null))
                .when().put(defaultPath())
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("settings.locationId", equalTo("NEW1"))
                .body("syncEnabled", equalTo(false))
                .body("syncSchedule", nullValue())
                .body("hasApiKey", equalTo(true))
                .body("tokenVersion", equalTo(1));

        String newKey = Secrets.newSecret();
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_SETTINGS, false, null, "{\"apiKey\":\"" + newKey + "\"}"))
                .when().put(defaultPath())
                .then().statusCode(200)
                .body("tokenVersion", equalTo(2))
                .body("hasApiKey", equalTo(true))
                .body("hasAccessToken", equalTo(false))
                .body("accessTokenMask", nullValue())
                .body("apiKeyMask", equalTo("••••" + newKey.substring(newKey.length() - 4)));

        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select token_version, access_token_encrypted,"
                        + " api_key_encrypted, version from integration_configs where venue_id = ?")) {
            query.setObject(1, venue);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt("token_version")).isEqualTo(2);
                assertThat(row.getBytes("access_token_encrypted")).isNull();
                assertThat(new String(row.getBytes("api_key_encrypted"), StandardCharsets.ISO_8859_1))
                        .startsWith("CVLT").doesNotContain(newKey);
                assertThat(row.getLong("version")).isEqualTo(2);
            }
        }
        assertThat(activityActions()).containsExactly("CREDENTIALS_UPDATED", "CREDENTIALS_UPDATED");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
        putDefaultConfig();
        given().auth().oauth2(writer()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("{\"locationId\":\"A\"}", false, null, null))
                .when().put(defaultPath()).then().statusCode(200);
        given().auth().oauth2(writer()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("{\"locationId\":\"B\"}", false, null, null))
                .when().put(defaultPath())
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("current version is 1"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(body("{\"audienceId\":\"a1\"}", false, null, null))
                .when().put(path(venue, "mailchimp"))
                .then().statusCode(412).body("detail", containsString("does not exist"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).header("If-Match", "yesterday")
                .body(body(DEFAULT_SETTINGS, false, null, null))
                .when().put(defaultPath())
                .then().statusCode(400).body("detail", containsString("If-Match"));
        given().auth().oauth2(reader()).when().get(defaultPath())
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("settings.locationId", equalTo("A"));
    }

    @Test
    void settingsAreValidatedAgainstTheProviderDefinition() {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_SETTINGS, false, null, null))
                .when().put(path(venue, "acme-unknown"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("no provider definition for 'acme-unknown'"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("{\"locationId\":\"L1\",\"colour\":\"blue\"}", false, null, null))
                .when().put(defaultPath())
                .then().statusCode(400)
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("settings.colour"))
                .body("violations[0].message", containsString("not a setting of provider 'square'"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("{}", false, null, null))
                .when().put(defaultPath())
                .then().statusCode(400)
                .body("violations[0].field", equalTo("settings.locationId"))
                .body("violations[0].message", containsString("required"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("{\"locationId\":42}", false, null, null))
                .when().put(defaultPath())
                .then().statusCode(400)
                .body("violations[0].field", equalTo("settings.locationId"))
                .body("violations[0].message", equalTo("must be a JSON string"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("{\"audienceId\":\"a1\",\"doubleOptIn\":\"yes\"}", false, null, null))
                .when().put(path(venue, "mailchimp"))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("settings.doubleOptIn"))
                .body("violations[0].message", equalTo("must be a JSON boolean"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("{\"captureMethod\":\"later\"}", false, null, null))
                .when().put(path(venue, "stripe"))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("settings.captureMethod"))
                .body("violations[0].message", equalTo("must be one of [automatic, manual]"));
        // Every violation at once, so a client fixes them in one round trip.
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("{\"mentionOnFailure\":1,\"extra\":true}", true, null, null))
                .when().put(path(venue, "slack"))
                .then().statusCode(400)
                .body("violations.field", hasItem("settings.mentionOnFailure"))
                .body("violations.field", hasItem("settings.extra"))
                .body("violations.field", hasItem("settings.channel"))
                .body("violations.field", hasItem("syncSchedule"));
        // Accepted: the allowed value, a boolean, a setting left out because it is optional.
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("{\"captureMethod\":\"manual\"}", false, null, null))
                .when().put(path(venue, "stripe"))
                .then().statusCode(201).body("settings.captureMethod", equalTo("manual"));
        given().auth().oauth2(reader()).when().get("/api/v1/venues/" + venue + "/configs")
                .then().statusCode(200).body("items.provider", equalTo(List.of("stripe")));
    }

    @Test
    void theSyncScheduleMustBeAQuartzCronAndIsRequiredWhenSyncing() {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_SETTINGS, true, null, null))
                .when().put(defaultPath())
                .then().statusCode(400)
                .body("violations[0].field", equalTo("syncSchedule"))
                .body("violations[0].message", equalTo("is required when syncEnabled is true"));
        for (String invalid : List.of("*/15 * * * *", "every 5 minutes", "0 0 12 * * MON", "0 61 * * * ?")) {
            given().auth().oauth2(writer()).contentType(ContentType.JSON)
                    .body(body(DEFAULT_SETTINGS, true, invalid, null))
                    .when().put(defaultPath())
                    .then().statusCode(400)
                    .body("violations[0].field", equalTo("syncSchedule"))
                    .body("violations[0].message", containsString("Quartz cron expression"));
        }
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_SETTINGS, true, "0 0 3 ? * MON-FRI", null))
                .when().put(defaultPath())
                .then().statusCode(201).body("syncSchedule", equalTo("0 0 3 ? * MON-FRI"));
    }

    @Test
    void theDestinationIsStoredReturnedAndValidatedAndAReplaceWithoutItClearsIt() throws SQLException {
        String withDestination = "{\"settings\":" + DEFAULT_SETTINGS
                + ",\"destinationUrl\":\"http://orders.internal:8080/sync-batches\"}";
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(withDestination)
                .when().put(defaultPath())
                .then().statusCode(201).body("destinationUrl", equalTo("http://orders.internal:8080/sync-batches"));
        given().auth().oauth2(reader()).when().get(defaultPath())
                .then().statusCode(200).body("destinationUrl", equalTo("http://orders.internal:8080/sync-batches"));

        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"settings\":" + DEFAULT_SETTINGS + ",\"destinationUrl\":\"http://svc:pw@orders.internal/x\"}")
                .when().put(defaultPath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("destinationUrl"))
                .body("violations[0].message", containsString("absolute http(s) URL"));
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select destination_url from integration_configs"
                        + " where tenant_id = ? and venue_id = ?")) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("the rejected replace changed nothing")
                        .isEqualTo("http://orders.internal:8080/sync-batches");
            }
        }

        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(body(DEFAULT_SETTINGS, false, null, null))
                .when().put(defaultPath())
                .then().statusCode(200).body("destinationUrl", nullValue());
    }

    @Test
    void listPagesThroughAVenuesConfigsAndFiltersByEnabled() {
        List<String> providers = List.of("stripe", "hubspot", "github", "mailchimp", "slack");
        List<String> settings = List.of("{}", "{}", "{}", "{\"audienceId\":\"a\"}", "{\"channel\":\"C1\"}");
        for (int i = 0; i < providers.size(); i++) {
            given().auth().oauth2(writer()).contentType(ContentType.JSON)
                    .body(body(settings.get(i), false, null, null))
                    .when().put(path(venue, providers.get(i))).then().statusCode(201);
        }
        given().auth().oauth2(writer()).when().post(path(venue, "github") + "/disable").then().statusCode(200);
        given().auth().oauth2(token(otherTenant, "write")).contentType(ContentType.JSON)
                .body(body("{}", false, null, null)).when().put(path(venue, "hubspot")).then().statusCode(201);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(reader()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/venues/" + venue + "/configs")
                    .then().statusCode(200).extract().response();
            List<String> items = page.path("items.provider");
            sizes.add(items.size());
            seen.addAll(items);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(providers);

        given().auth().oauth2(reader()).queryParam("enabled", "false").when().get("/api/v1/venues/" + venue + "/configs")
                .then().statusCode(200).body("items.provider", equalTo(List.of("github")));
        given().auth().oauth2(reader()).queryParam("enabled", "maybe").when().get("/api/v1/venues/" + venue + "/configs")
                .then().statusCode(400).body("detail", containsString("enabled"));
        given().auth().oauth2(reader()).queryParam("cursor", "garbage!").when().get("/api/v1/venues/" + venue + "/configs")
                .then().statusCode(400).body("detail", containsString("cursor"));
    }

    @Test
    void enableDisableAndDeleteChangeTheStoredRow() throws SQLException {
        putDefaultConfig();
        given().auth().oauth2(writer()).when().post(defaultPath() + "/disable")
                .then().statusCode(200).body("enabled", equalTo(false)).body("hasApiKey", equalTo(true))
                .header("ETag", equalTo("\"1\""));
        assertThat(storedEnabled()).containsExactly(false);
        given().auth().oauth2(writer()).when().post(defaultPath() + "/disable").then().statusCode(200);
        given().auth().oauth2(writer()).when().post(defaultPath() + "/enable")
                .then().statusCode(200).body("enabled", equalTo(true)).body("settings.locationId", equalTo("L8D7Q2"));
        assertThat(storedEnabled()).containsExactly(true);

        given().auth().oauth2(writer()).when().delete(defaultPath()).then().statusCode(204);
        assertThat(storedEnabled()).isEmpty();
        given().auth().oauth2(reader()).when().get(defaultPath()).then().statusCode(404);
        given().auth().oauth2(writer()).when().delete(defaultPath()).then().statusCode(404);
        given().auth().oauth2(writer()).when().post(defaultPath() + "/enable").then().statusCode(404);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        putDefaultConfig();
        String body = body(DEFAULT_SETTINGS, false, null, null);
        given().when().get(defaultPath()).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().when().get("/api/v1/venues/" + venue + "/configs").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body).when().put(defaultPath()).then().statusCode(401);
        given().when().delete(defaultPath()).then().statusCode(401);
        given().when().post(defaultPath() + "/enable").then().statusCode(401);
        given().when().post(defaultPath() + "/disable").then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("write").expired().sign())
                .contentType(ContentType.JSON).body(body).when().put(defaultPath()).then().statusCode(401);
    }

    @Test
    void missingRoleOrTenantClaimIsForbidden() {
        putDefaultConfig();
        String body = body(DEFAULT_SETTINGS, false, null, null);
        given().auth().oauth2(reader()).contentType(ContentType.JSON).body(body).when().put(defaultPath())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reader()).when().delete(defaultPath()).then().statusCode(403);
        given().auth().oauth2(reader()).when().post(defaultPath() + "/enable").then().statusCode(403);
        given().auth().oauth2(reader()).when().post(defaultPath() + "/disable").then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get(defaultPath()).then().statusCode(403);
        given().auth().oauth2(token(tenant)).when().get("/api/v1/venues/" + venue + "/configs").then().statusCode(403);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("write").withoutTenantClaim().sign())
                .contentType(ContentType.JSON).body(body).when().put(defaultPath())
                .then().statusCode(403).body("detail", containsString("tenant_id"));
        // Nothing changed.
        given().auth().oauth2(reader()).when().get(defaultPath()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("syncEnabled", equalTo(true));
    }

    @Test
    void anotherTenantsConfigIsNotFoundForEveryOperation() throws SQLException {
        putDefaultConfig();
        String other = token(otherTenant, "admin");
        given().auth().oauth2(other).when().get(defaultPath())
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("config for provider 'square' of venue " + venue + " was not found"));
        given().auth().oauth2(other).when().delete(defaultPath()).then().statusCode(404);
        given().auth().oauth2(other).when().post(defaultPath() + "/enable").then().statusCode(404);
        given().auth().oauth2(other).when().post(defaultPath() + "/disable").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body(DEFAULT_SETTINGS, false, null, null)).when().put(defaultPath())
                .then().statusCode(412).body("detail", containsString("does not exist"));
        given().auth().oauth2(other).when().get("/api/v1/venues/" + venue + "/configs")
                .then().statusCode(200).body("items", hasSize(0));
        // The foreign tenant's PUT without If-Match creates its own row; ours is untouched.
        given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(body("{\"locationId\":\"THEIRS\"}", false, null, null)).when().put(defaultPath())
                .then().statusCode(201).body("hasApiKey", equalTo(false));
        given().auth().oauth2(reader()).when().get(defaultPath()).then().statusCode(200)
                .body("settings.locationId", equalTo("L8D7Q2")).body("hasApiKey", equalTo(true))
                .body("enabled", equalTo(true));
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement(
                        "select tenant_id from integration_configs where venue_id = ? order by tenant_id")) {
            query.setObject(1, venue);
            try (ResultSet rows = query.executeQuery()) {
                List<Object> tenants = new ArrayList<>();
                while (rows.next()) {
                    tenants.add(rows.getObject(1));
                }
                assertThat(tenants).containsExactlyInAnyOrder(tenant, otherTenant);
            }
        }
    }

    @Test
    void malformedInputIsABadRequestThatSaysWhatIsWrong() {
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"settings\": {")
                .when().put(defaultPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(body(DEFAULT_SETTINGS, false, null, null))
                .when().put("/api/v1/venues/not-a-venue/configs/square")
                .then().statusCode(400).body("detail", containsString("venueId"));
        given().auth().oauth2(reader()).when().get("/api/v1/venues/not-a-venue/configs/square")
                .then().statusCode(400).body("detail", containsString("UUID"));
        given().auth().oauth2(reader()).when().get("/api/v1/venues/not-a-venue/configs")
                .then().statusCode(400).body("detail", containsString("UUID"));
        given().auth().oauth2(writer()).when().delete("/api/v1/venues/1234/configs/square")
                .then().statusCode(400).body("detail", containsString("venueId"));
        given().auth().oauth2(writer()).when().post("/api/v1/venues/1234/configs/square/enable")
                .then().statusCode(400).body("detail", containsString("venueId"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body(body(DEFAULT_SETTINGS, false, null, null))
                .when().put(path(venue, "Square!"))
                .then().statusCode(400).body("detail", containsString("provider"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"settings\":[],\"enabled\":true}")
                .when().put(defaultPath())
                .then().statusCode(400).body("detail", containsString("settings"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"settings\":{\"locationId\":\"L\"},\"tenantId\":\"" + otherTenant + "\"}")
                .when().put(defaultPath())
                .then().statusCode(400).body("detail", containsString("tenantId"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"settings\":{\"locationId\":\"L\"},\"credentials\":{\"password\":\"x\"}}")
                .when().put(defaultPath())
                .then().statusCode(400).body("detail", containsString("password"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("")
                .when().put(defaultPath())
                .then().statusCode(400);
        given().auth().oauth2(writer()).contentType(ContentType.TEXT).body("hello")
                .when().put(defaultPath())
                .then().statusCode(415);
        // Nothing half-written.
        given().auth().oauth2(reader()).when().get("/api/v1/venues/" + venue + "/configs")
                .then().statusCode(200).body("items", hasSize(0)).body(not(containsString("locationId")));
    }

    private List<String> activityActions() throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select action from integration_activity_logs"
                        + " where tenant_id = ? and details->>'venueId' = ? order by created_at")) {
            query.setObject(1, tenant);
            query.setString(2, venue.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1));
                }
            }
        }
        return actions;
    }

    private List<Boolean> storedEnabled() throws SQLException {
        List<Boolean> values = new ArrayList<>();
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement(
                        "select enabled from integration_configs where tenant_id = ? and venue_id = ?")) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getBoolean(1));
                }
            }
        }
        return values;
    }
}
