package io.integration.oauth;

import static io.integration.oauth.OAuthConnectFlowTest.strings;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The access-token endpoint over HTTP only (also run against the native executable by its IT): 50 concurrent callers
 * on an expired token cause one refresh; roles and tenant confinement.
 */
@QuarkusTest
class OAuthAccessTokenEndpointTest extends OAuthTokenTestSupport {

    @Test
    void fiftyConcurrentRequestsOnAnExpiredTokenCauseOneRefresh() throws Exception {
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().minusSeconds(60));
        stubRefresh(oldRefresh, tokens(newAccess, newRefresh), 400);
        String secrets = token(tenant, "secrets");

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(secrets).when().get(accessTokenPath(venue))
                        .then().statusCode(200).header("Cache-Control", "no-store")
                        .extract().path("accessToken")));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(newAccess);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(refreshCalls(oldRefresh)).isEqualTo(1);
        assertThat(column("token_version")).isEqualTo("2");
        try (Connection db = Database.superuser()) {
            assertThat(strings(db, "select action || '|' || count(*) from integration_activity_logs where tenant_id = '"
                    + tenant + "' and action in ('TOKEN_REFRESHED', 'ACCESS_TOKEN_ISSUED') group by action order by action"))
                    .containsExactly("ACCESS_TOKEN_ISSUED|50", "TOKEN_REFRESHED|1");
        }
    }

    @Test
    void theAccessTokenEndpointNeedsSecretsOrSystemAndStaysInTheTenant() {
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().plusSeconds(3600));
        given().when().get(accessTokenPath(venue)).then().statusCode(401);
        for (String role : List.of("read", "write", "admin")) {
            given().auth().oauth2(token(tenant, role)).when().get(accessTokenPath(venue)).then().statusCode(403);
        }
        given().auth().oauth2(token(UUID.randomUUID(), "secrets")).when().get(accessTokenPath(venue))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token(tenant, "system")).when().get(accessTokenPath(venue))
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("accessToken", equalTo(oldAccess)).body("tokenType", equalTo("Bearer"))
                .body("scopes", org.hamcrest.Matchers.contains("ORDERS_READ"));
        given().auth().oauth2(token(tenant, "secrets")).when().get(accessTokenPath(UUID.randomUUID()))
                .then().statusCode(404);
    }
}
