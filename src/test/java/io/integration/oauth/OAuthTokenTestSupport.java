package io.integration.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.integration.oauth.OAuthConnectFlowTest.strings;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.integration.support.Database;
import io.integration.support.Secrets;
import io.restassured.http.ContentType;

/**
 * What the OAuth refresh tests share: a tenant and venue of their own, the square token endpoint of the provider stub
 * (WireMock), and helpers that store tokens and connect through the API. HTTP and database only, so the subclasses
 * that need no beans also run against the packaged application.
 */
abstract class OAuthTokenTestSupport {

    static final String PROVIDER = "square";
    static final String TOKEN_PATH = "/oauth/square/token";

    protected final UUID tenant = UUID.randomUUID();
    protected final UUID venue = UUID.randomUUID();
    protected final String oldAccess = Secrets.newSecret();
    protected final String oldRefresh = Secrets.newSecret();
    protected final String newAccess = Secrets.newSecret();
    protected final String newRefresh = Secrets.newSecret();

    static WireMock stub() {
        URI stub = URI.create(ConfigProvider.getConfig().getValue("test.provider-stub.url", String.class));
        return new WireMock(stub.getHost(), stub.getPort());
    }

    void storeTokens(UUID forVenue, String access, String refresh, Instant expiresAt) {
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"accessToken\":\"" + access + "\",\"refreshToken\":\"" + refresh + "\",\"expiresAt\":\""
                        + expiresAt + "\",\"scopes\":[\"ORDERS_READ\"]}")
                .when().put("/api/v1/venues/" + forVenue + "/oauth-tokens/" + PROVIDER)
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }

    UUID connect(UUID forVenue) {
        String integration = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"name\":\"Square " + UUID.randomUUID() + "\",\"provider\":\"square\",\"category\":\"POS\"}")
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        return UUID.fromString(given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + forVenue + "\",\"credentials\":{\"accessToken\":\"" + oldAccess + "\"}}")
                .when().post("/api/v1/integrations/" + integration + "/connections")
                .then().statusCode(201).extract().path("id"));
    }

    /** The token endpoint answers this refresh token with the new tokens (after a delay, so callers overlap). */
    void stubRefresh(String refreshToken, String body, int delayMs) {
        stub().register(post(urlEqualTo(TOKEN_PATH)).atPriority(2)
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(body).withFixedDelay(delayMs)));
    }

    String tokens(String access, String refresh) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":3600"
                + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + ",\"scope\":\"ORDERS_READ PAYMENTS_READ\"}";
    }

    int refreshCalls(String refreshToken) {
        return stub().find(postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refreshToken))).size();
    }

    String accessTokenPath(UUID forVenue) {
        return "/api/v1/venues/" + forVenue + "/oauth-tokens/" + PROVIDER + "/access-token";
    }

    String column(String column) throws SQLException {
        try (Connection db = Database.superuser()) {
            return strings(db, "select " + column + "::text from oauth_tokens where tenant_id = '" + tenant
                    + "' and venue_id = '" + venue + "'").get(0);
        }
    }
}
