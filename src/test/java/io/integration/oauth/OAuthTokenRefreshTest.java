package io.integration.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.integration.oauth.OAuthConnectFlowTest.strings;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.provider.ProviderCatalog;
import io.integration.support.Database;
import io.integration.support.Secrets;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantSqlTransactions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Refresh against WireMock's square token endpoint (failures forced): one refresh under 50 concurrent callers, also
 * with two instances on two pools; rotation; invalid_grant and repeated failures end in EXPIRED; 503 backs off.
 */
@QuarkusTest
class OAuthTokenRefreshTest extends OAuthTokenTestSupport {


    @Inject
    OAuthAccessTokens accessTokens;

    @Inject
    OAuthTokenRefreshJob job;

    @Inject
    CredentialVault vault;

    @Inject
    TokenEndpoint endpoint;

    @Inject
    ProviderCatalog providers;

    @Inject
    OAuthConfig config;

    @Inject
    Pool apiPool;

    private String decrypt(String column) throws SQLException {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select id, " + column + " from oauth_tokens"
                        + " where tenant_id = ? and venue_id = ?")) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return vault.open(new TenantId(tenant), SecretTable.OAUTH_TOKENS, column, row.getObject("id", UUID.class),
                        row.getBytes(column));
            }
        }
    }

    private void backoffElapsed() throws SQLException {
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update oauth_tokens set next_refresh_at = now() - interval '1 second'"
                    + " where tenant_id = '" + tenant + "'");
        }
    }

    @Test
    void twoInstancesOnTwoPoolsRacingRefreshOnce() throws Exception {
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().minusSeconds(60));
        stubRefresh(oldRefresh, tokens(newAccess, newRefresh), 400);
        // Instance A: the service's bean (worker pool). Instance B: another refresher on the API pool with its own
        // single flight, as a second replica would be.
        TokenRefresher other = new TokenRefresher(TenantSqlTransactions.on(apiPool), vault, endpoint, providers, config);
        TenantId id = new TenantId(tenant);
        List<Uni<String>> calls = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            calls.add(accessTokens.validToken(id, venue, PROVIDER).map(AccessToken::value));
            calls.add(other.validToken(id, venue, PROVIDER).map(current -> current.token().value()));
        }
        List<String> values = Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(30));
        assertThat(values).hasSize(50).containsOnly(newAccess);
        assertThat(refreshCalls(oldRefresh)).isEqualTo(1);
        assertThat(column("token_version")).isEqualTo("2");
    }

    @Test
    void refreshTokenRotationIsPersistedAndAMissingOneKeepsTheOld() throws Exception {
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().minusSeconds(60));
        stubRefresh(oldRefresh, tokens(newAccess, newRefresh), 0);
        TenantId id = new TenantId(tenant);
        AccessToken first = accessTokens.validToken(id, venue, PROVIDER).await().atMost(Duration.ofSeconds(10));
        assertThat(first.value()).isEqualTo(newAccess);
        assertThat(first.expiresAt()).isAfter(Instant.now().plusSeconds(3500));
        assertThat(decrypt("refresh_token_encrypted")).isEqualTo(newRefresh);
        assertThat(decrypt("access_token_encrypted")).isEqualTo(newAccess);
        assertThat(column("refresh_status")).isEqualTo("ACTIVE");
        assertThat(column("scopes")).isEqualTo("{ORDERS_READ,PAYMENTS_READ}");

        // The provider answers 401 to the new token; this refresh returns no refresh token: the rotated one stays.
        String third = Secrets.newSecret();
        stubRefresh(newRefresh, tokens(third, null), 0);
        AccessToken second = accessTokens.refreshAfterRejection(id, venue, PROVIDER, newAccess)
                .await().atMost(Duration.ofSeconds(10));
        assertThat(second.value()).isEqualTo(third);
        assertThat(decrypt("refresh_token_encrypted")).isEqualTo(newRefresh);
        assertThat(column("token_version")).isEqualTo("3");
        // A late caller rejected with the old token gets the current one without another refresh.
        assertThat(accessTokens.refreshAfterRejection(id, venue, PROVIDER, newAccess).await().atMost(Duration.ofSeconds(10))
                .value()).isEqualTo(third);
        assertThat(refreshCalls(newRefresh)).isEqualTo(1);
        assertThat(refreshCalls(oldRefresh)).isEqualTo(1);
    }

    @Test
    void invalidGrantExpiresTheConnectionWithAReasonAndStopsRefreshing() throws Exception {
        UUID connection = connect(venue);
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().minusSeconds(60));
        stub().register(post(urlEqualTo(TOKEN_PATH)).atPriority(2).withRequestBody(containing("refresh_token=" + oldRefresh))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}")));
        String secrets = token(tenant, "secrets");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(secrets).when().get(accessTokenPath(venue))
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("must be reconnected"))
                    .body("detail", containsString("invalid_grant"));
        }
        assertThatThrownBy(() -> accessTokens.validToken(new TenantId(tenant), venue, PROVIDER).await().indefinitely())
                .isInstanceOf(OAuthReconnectRequiredException.class);
        assertThat(job.refreshDueTokens().await().indefinitely()).isGreaterThanOrEqualTo(0);
        assertThat(refreshCalls(oldRefresh)).isEqualTo(1);
        assertThat(column("refresh_status")).isEqualTo("EXPIRED");
        try (Connection db = Database.superuser()) {
            assertThat(strings(db, "select status || '|' || status_reason from connections where id = '" + connection + "'"))
                    .containsExactly("EXPIRED|the provider rejected the refresh token (invalid_grant)");
            assertThat(strings(db, "select details->>'reason' from integration_activity_logs where tenant_id = '" + tenant
                    + "' and action = 'TOKEN_EXPIRED' and connection_id = '" + connection + "'"))
                    .containsExactly("the provider rejected the refresh token (invalid_grant)");
        }
        // A new store (or a reconnect) makes it usable again.
        storeTokens(venue, newAccess, newRefresh, Instant.now().plusSeconds(3600));
        given().auth().oauth2(secrets).when().get(accessTokenPath(venue)).then().statusCode(200)
                .body("accessToken", equalTo(newAccess));
    }

    @Test
    void aTransient503BacksOffThenTheRetrySucceeds() throws Exception {
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().minusSeconds(60));
        String scenario = "flaky-" + UUID.randomUUID();
        stub().register(post(urlEqualTo(TOKEN_PATH)).atPriority(2).withRequestBody(containing("refresh_token=" + oldRefresh))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
        stub().register(post(urlEqualTo(TOKEN_PATH)).atPriority(2).withRequestBody(containing("refresh_token=" + oldRefresh))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(tokens(newAccess, null))));
        String secrets = token(tenant, "secrets");

        given().auth().oauth2(secrets).when().get(accessTokenPath(venue))
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("HTTP 503"));
        assertThat(column("refresh_status")).isEqualTo("FAILING");
        assertThat(column("refresh_failures")).isEqualTo("1");
        try (Connection db = Database.superuser()) {
            // Backoff base 10s with jitter: the next attempt is 5 to 10 seconds away.
            assertThat(strings(db, "select next_refresh_at between now() + interval '4 seconds' and now() + interval '11 seconds'"
                    + " from oauth_tokens where tenant_id = '" + tenant + "'")).containsExactly("t");
        }
        // Within the backoff nobody calls the provider again.
        given().auth().oauth2(secrets).when().get(accessTokenPath(venue))
                .then().statusCode(503).body("detail", containsString("next is due at"));
        assertThat(refreshCalls(oldRefresh)).isEqualTo(1);

        backoffElapsed();
        given().auth().oauth2(secrets).when().get(accessTokenPath(venue))
                .then().statusCode(200).body("accessToken", equalTo(newAccess));
        assertThat(refreshCalls(oldRefresh)).isEqualTo(2);
        assertThat(column("refresh_status")).isEqualTo("ACTIVE");
        assertThat(column("refresh_failures")).isEqualTo("0");
        assertThat(decrypt("refresh_token_encrypted")).isEqualTo(oldRefresh);
        try (Connection db = Database.superuser()) {
            assertThat(strings(db, "select action from integration_activity_logs where tenant_id = '" + tenant
                    + "' and action like 'TOKEN_%' order by created_at"))
                    .containsExactly("TOKEN_REFRESH_FAILED", "TOKEN_REFRESHED");
        }
    }

    @Test
    void repeatedFailuresExpireTheTokenAfterTheConfiguredCount() throws Exception {
        UUID connection = connect(venue);
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().minusSeconds(60));
        stub().register(post(urlEqualTo(TOKEN_PATH)).atPriority(2).withRequestBody(containing("refresh_token=" + oldRefresh))
                .willReturn(aResponse().withStatus(502)));
        String secrets = token(tenant, "secrets");
        for (int attempt = 1; attempt <= 2; attempt++) {
            given().auth().oauth2(secrets).when().get(accessTokenPath(venue)).then().statusCode(503);
            backoffElapsed();
        }
        given().auth().oauth2(secrets).when().get(accessTokenPath(venue)).then().statusCode(409)
                .body("detail", containsString("3 consecutive refresh failures"));
        assertThat(refreshCalls(oldRefresh)).isEqualTo(3);
        assertThat(column("refresh_status")).isEqualTo("EXPIRED");
        try (Connection db = Database.superuser()) {
            assertThat(strings(db, "select status from connections where id = '" + connection + "'"))
                    .containsExactly("EXPIRED");
        }
        backoffElapsed();
        given().auth().oauth2(secrets).when().get(accessTokenPath(venue)).then().statusCode(409);
        assertThat(refreshCalls(oldRefresh)).isEqualTo(3);
    }

    @Test
    void theBackgroundRefresherRefreshesANearExpiryTokenAndLeavesAFreshOneAlone() throws Exception {
        UUID freshVenue = UUID.randomUUID();
        String freshRefresh = Secrets.newSecret();
        storeTokens(venue, oldAccess, oldRefresh, Instant.now().plusSeconds(120));
        storeTokens(freshVenue, Secrets.newSecret(), freshRefresh, Instant.now().plusSeconds(3600));
        stubRefresh(oldRefresh, tokens(newAccess, newRefresh), 0);
        stubRefresh(freshRefresh, tokens(Secrets.newSecret(), Secrets.newSecret()), 0);

        assertThat(job.refreshDueTokens().await().atMost(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);

        assertThat(refreshCalls(oldRefresh)).isEqualTo(1);
        assertThat(refreshCalls(freshRefresh)).isZero();
        assertThat(decrypt("access_token_encrypted")).isEqualTo(newAccess);
        try (Connection db = Database.superuser()) {
            assertThat(strings(db, "select token_version from oauth_tokens where tenant_id = '" + tenant
                    + "' and venue_id = '" + freshVenue + "'")).containsExactly("1");
        }
        // A second pass finds nothing due for this tenant.
        job.refreshDueTokens().await().atMost(Duration.ofSeconds(30));
        assertThat(refreshCalls(newRefresh)).isZero();
    }
}
