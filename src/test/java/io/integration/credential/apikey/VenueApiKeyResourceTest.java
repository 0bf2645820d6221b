package io.integration.credential.apikey;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.integration.support.Secrets;
import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class VenueApiKeyResourceTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String apiKey = Secrets.newSecret();
    private final String apiSecret = Secrets.newSecret();
    private final String webhookSecret = Secrets.newSecret();

    private String path(UUID venueId, String provider, String name) {
        return "/api/v1/venues/" + venueId + "/api-keys/" + provider + "/" + name;
    }

    private String defaultPath() {
        return path(venue, "stripe", "default");
    }

    private static String body(String key, String secret, String webhook) {
        return "{\"apiKey\":\"" + key + "\",\"apiSecret\":\"" + secret + "\",\"webhookSecret\":\"" + webhook + "\"}";
    }

    private void storeDefaultKey() {
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body(body(apiKey, apiSecret, webhookSecret))
                .when().put(defaultPath())
                .then().statusCode(201);
    }

    @Test
    void storeReturnsOnlyMasksAndKeepsOnlyCiphertextInTheDatabase() throws SQLException {
        String response = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body(body(apiKey, apiSecret, webhookSecret))
                .when().put(defaultPath())
                .then().statusCode(201)
                .body("apiKeyMask", equalTo("••••" + apiKey.substring(apiKey.length() - 4)))
                .body("hasApiSecret", equalTo(true))
                .body("hasWebhookSecret", equalTo(true))
                .body("keyVersion", equalTo(1))
                .body("provider", equalTo("stripe"))
                .extract().asString();
        assertThat(response).doesNotContain(apiKey, apiSecret, webhookSecret);

        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select row_to_json(k)::text as whole_row,"
                        + " api_key_encrypted, api_secret_encrypted, webhook_secret_encrypted, kms_key_id,"
                        + " encryption_context::text as context, tenant_id from venue_api_keys k where venue_id = ?")) {
            query.setObject(1, venue);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject("tenant_id")).isEqualTo(tenant);
                assertThat(row.getString("whole_row")).doesNotContain(apiKey, apiSecret, webhookSecret);
                for (String column : new String[] {"api_key_encrypted", "api_secret_encrypted", "webhook_secret_encrypted"}) {
                    byte[] blob = row.getBytes(column);
                    assertThat(new String(blob, StandardCharsets.ISO_8859_1)).as(column)
                            .startsWith("CVLT")
                            .doesNotContain(apiKey, apiSecret, webhookSecret);
                }
                assertThat(row.getString("kms_key_id")).matches("test:[0-9]");
                assertThat(row.getString("context")).contains(tenant.toString()).contains("venue_api_keys");
            }
        }
    }

    @Test
    void replaceBumpsTheVersionAndRevealReturnsTheNewSecretAndIsAudited() throws SQLException {
        storeDefaultKey();
        String newKey = Secrets.newSecret();
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"apiKey\":\"" + newKey + "\"}")
                .when().put(defaultPath())
                .then().statusCode(200)
                .body("keyVersion", equalTo(2))
                .body("hasApiSecret", equalTo(false));

        given().auth().oauth2(TestTokens.forTenant(tenant).roles("secrets").subject("svc-payments", "Payments service").sign())
                .when().post(defaultPath() + "/reveal")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("apiKey", equalTo(newKey))
                .body("apiSecret", equalTo(null))
                .body("keyVersion", equalTo(2));

        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select action, actor_user_id, actor_display_name,"
                        + " details->>'keyName' as key_name from integration_activity_logs where tenant_id = ? order by created_at")) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                StringBuilder log = new StringBuilder();
                while (rows.next()) {
                    log.append(rows.getString("action")).append('|').append(rows.getString("actor_user_id")).append('|')
                            .append(rows.getString("actor_display_name")).append('|').append(rows.getString("key_name")).append('\n');
                }
                assertThat(log.toString()).contains("SECRET_REVEALED|svc-payments|Payments service|default");
                assertThat(log.toString().lines().filter(l -> l.startsWith("CREDENTIALS_UPDATED"))).hasSize(2);
            }
        }
    }

    @Test
    void listAndGetCarryMasksOnly() {
        storeDefaultKey();
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/venues/" + venue + "/api-keys")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].keyName", equalTo("default"))
                .body("nextCursor", equalTo(null))
                .body(not(containsString(apiKey)));
        given().auth().oauth2(token(tenant, "read")).when().get(defaultPath())
                .then().statusCode(200).body(not(containsString(apiSecret)));
    }

    @Test
    void aTamperedOrMovedCiphertextDoesNotOpenAndNothingLeaks() throws SQLException {
        storeDefaultKey();
        String otherPath = path(venue, "stripe", "other");
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"apiKey\":\"" + Secrets.newSecret() + "\"}").when().put(otherPath).then().statusCode(201);
        String secretsToken = token(tenant, "secrets");

        try (Connection db = Database.superuser()) {
            // Copy the default key's ciphertext into the other row: the row id in the context no longer matches.
            Database.execute(db, "update venue_api_keys set api_key_encrypted = (select api_key_encrypted from venue_api_keys"
                    + " where venue_id = '" + venue + "' and key_name = 'default') where venue_id = '" + venue + "' and key_name = 'other'");
        }
        String moved = given().auth().oauth2(secretsToken).when().post(otherPath + "/reveal")
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", containsString("could not be decrypted"))
                .extract().asString();
        assertThat(moved).doesNotContain(apiKey);

        try (Connection db = Database.superuser()) {
            // Flip one byte in the middle of the ciphertext body.
            Database.execute(db, "update venue_api_keys set api_secret_encrypted = set_byte(api_secret_encrypted,"
                    + " length(api_secret_encrypted) - 20, get_byte(api_secret_encrypted, length(api_secret_encrypted) - 20) # 1)"
                    + " where venue_id = '" + venue + "' and key_name = 'default'");
        }
        String tampered = given().auth().oauth2(secretsToken).when().post(defaultPath() + "/reveal")
                .then().statusCode(500).body("detail", containsString("could not be decrypted")).extract().asString();
        assertThat(tampered).doesNotContain(apiKey, apiSecret);

        // Moving a ciphertext to another tenant's row fails the same way.
        UUID foreignVenue = UUID.randomUUID();
        given().auth().oauth2(token(otherTenant, "write")).contentType(ContentType.JSON)
                .body("{\"apiKey\":\"" + Secrets.newSecret() + "\"}").when().put(path(foreignVenue, "stripe", "default"))
                .then().statusCode(201);
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update venue_api_keys set api_key_encrypted = (select api_key_encrypted from venue_api_keys"
                    + " where venue_id = '" + venue + "' and key_name = 'default') where venue_id = '" + foreignVenue + "'");
        }
        given().auth().oauth2(token(otherTenant, "secrets")).when().post(path(foreignVenue, "stripe", "default") + "/reveal")
                .then().statusCode(500).body("detail", containsString("could not be decrypted"));

        // Leave no deliberately broken rows behind for the platform-wide key rotation tests.
        try (Connection db = Database.superuser()) {
            Database.execute(db, "delete from venue_api_keys where venue_id in ('" + venue + "', '" + foreignVenue + "')");
        }
    }

    @Test
    void unauthenticatedForbiddenAndForeignTenantRequests() {
        storeDefaultKey();
        given().when().get(defaultPath()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(body("a", "b", "c")).when().put(defaultPath()).then().statusCode(401);
        given().when().post(defaultPath() + "/reveal").then().statusCode(401);

        given().auth().oauth2(token(tenant, "read")).contentType(ContentType.JSON).body(body(Secrets.newSecret(), "b", "c"))
                .when().put(defaultPath()).then().statusCode(403);
        given().auth().oauth2(token(tenant, "admin")).when().post(defaultPath() + "/reveal").then().statusCode(403);
        given().auth().oauth2(token(tenant, "write")).when().delete(defaultPath() + "/reveal").then().statusCode(405);

        given().auth().oauth2(token(otherTenant, "read")).when().get(defaultPath()).then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "secrets")).when().post(defaultPath() + "/reveal").then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "write")).when().delete(defaultPath()).then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "read")).when().get("/api/v1/venues/" + venue + "/api-keys")
                .then().statusCode(200).body("items", hasSize(0));
        // The foreign attempts changed nothing.
        given().auth().oauth2(token(tenant, "secrets")).when().post(defaultPath() + "/reveal")
                .then().statusCode(200).body("apiKey", equalTo(apiKey));
    }

    @Test
    void malformedInputIsABadRequest() {
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body("a", "b", "c"))
                .when().put(path(UUID.randomUUID(), "Stripe!", "default"))
                .then().statusCode(400).body("detail", containsString("provider"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body("a", "b", "c"))
                .when().put("/api/v1/venues/not-a-venue/api-keys/stripe/default")
                .then().statusCode(400).body("detail", containsString("venueId"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{\"apiSecret\":\"x\"}")
                .when().put(defaultPath())
                .then().statusCode(400).body("violations[0].field", equalTo("apiKey"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{\"apiKey\":")
                .when().put(defaultPath())
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token(tenant, "read")).when().get(defaultPath()).then().statusCode(404);
    }
}
