package io.integration.oauth;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.integration.support.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class OAuthTokenResourceTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String accessToken = Secrets.newSecret();
    private final String refreshToken = Secrets.newSecret();

    private String path(String provider) {
        return "/api/v1/venues/" + venue + "/oauth-tokens/" + provider;
    }

    private String body(String access, String refresh) {
        return "{\"accessToken\":\"" + access + "\",\"refreshToken\":\"" + refresh + "\",\"expiresAt\":\"2030-01-01T00:00:00Z\","
                + "\"scopes\":[\"ORDERS_READ\",\"PAYMENTS_READ\"]}";
    }

    private void storeDefaultTokens() {
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body(accessToken, refreshToken))
                .when().put(path("square")).then().statusCode(201);
    }

    @Test
    void storeKeepsOnlyCiphertextAndReturnsMasksExpiryAndScopes() throws SQLException {
        String response = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body(body(accessToken, refreshToken))
                .when().put(path("square"))
                .then().statusCode(201)
                .body("provider", equalTo("square"))
                .body("accessTokenMask", equalTo("••••" + accessToken.substring(accessToken.length() - 4)))
                .body("hasRefreshToken", equalTo(true))
                .body("hasIdToken", equalTo(false))
                .body("expiresAt", equalTo("2030-01-01T00:00:00Z"))
                .body("scopes", hasSize(2))
                .body("tokenVersion", equalTo(1))
                .body("refreshStatus", equalTo("ACTIVE"))
                .extract().asString();
        assertThat(response).doesNotContain(accessToken, refreshToken);
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select row_to_json(t)::text as whole_row, kms_key_id,"
                        + " access_token_encrypted, refresh_token_encrypted from oauth_tokens t where venue_id = ?")) {
            query.setObject(1, venue);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("whole_row")).doesNotContain(Secrets.PREFIX);
                assertThat(row.getString("kms_key_id")).startsWith("test:");
                assertThat(new String(row.getBytes("access_token_encrypted"), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .startsWith("CVLT");
                assertThat(row.next()).isFalse();
            }
        }
    }

    @Test
    void replacingBumpsTheVersionAndDoesNotDuplicate() throws SQLException {
        storeDefaultTokens();
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body(Secrets.newSecret(), Secrets.newSecret()))
                .when().put(path("square"))
                .then().statusCode(200).body("tokenVersion", equalTo(2));
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select count(*) from oauth_tokens where venue_id = ?")) {
            query.setObject(1, venue);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(1);
            }
        }
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/venues/" + venue + "/oauth-tokens")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue());
    }

    @Test
    void onlyOAuthProvidersTakeTokens() {
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body(accessToken, refreshToken))
                .when().put(path("stripe"))
                .then().statusCode(400).body("detail", containsString("does not use OAuth 2.0"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body(accessToken, refreshToken))
                .when().put(path("nosuchprovider"))
                .then().statusCode(400).body("detail", containsString("nosuchprovider"));
    }

    @Test
    void unauthenticatedForbiddenForeignAndMalformedRequests() {
        storeDefaultTokens();
        given().when().get(path("square")).then().statusCode(401);
        given().contentType(ContentType.JSON).body(body("a", "b")).when().put(path("square")).then().statusCode(401);
        given().when().get("/api/v1/venues/" + venue + "/oauth-tokens").then().statusCode(401);
        given().auth().oauth2(token(tenant, "read")).contentType(ContentType.JSON).body(body("a", "b"))
                .when().put(path("square")).then().statusCode(403);
        given().auth().oauth2(token(tenant, "read")).when().delete(path("square")).then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get(path("square")).then().statusCode(403);

        given().auth().oauth2(token(otherTenant, "read")).when().get(path("square")).then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "write")).when().delete(path("square")).then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "read")).when().get("/api/v1/venues/" + venue + "/oauth-tokens")
                .then().statusCode(200).body("items", hasSize(0));

        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{\"accessToken\":")
                .when().put(path("square")).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{\"refreshToken\":\"x\"}")
                .when().put(path("square")).then().statusCode(400).body("violations[0].field", equalTo("accessToken"));
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/venues/nope/oauth-tokens/square").then().statusCode(400);
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/venues/" + venue + "/oauth-tokens/Square!")
                .then().statusCode(400).body("detail", containsString("provider"));

        given().auth().oauth2(token(tenant, "read")).when().get(path("square")).then().statusCode(200)
                .body("tokenVersion", equalTo(1));
        given().auth().oauth2(token(tenant, "write")).when().delete(path("square")).then().statusCode(204);
        given().auth().oauth2(token(tenant, "read")).when().get(path("square")).then().statusCode(404);
    }
}
