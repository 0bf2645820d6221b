package io.integration.sync.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.integration.support.Secrets;
import io.integration.sync.SyncWorkerLoop;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 7 end to end: a venue's sync job enqueued through the API, claimed and run by the built-in worker loop through
 * the REST pull connector (real vault, real OAuth lifecycle against the provider stub's token endpoints, real cost
 * meter), delivered signed to a WireMock destination; then its history, health and cost read back through the API.
 */
@QuarkusTest
class SyncJourneyTest {

    private static final String HUBSPOT_TOKEN_PATH = "/oauth/hubspot/token";

    @Inject
    SyncWorkerLoop loop;
    @Inject
    RestPullSyncRunner runner;

    private final PullFixture fixture = new PullFixture();

    @BeforeEach
    void start() {
        fixture.start();
    }

    @AfterEach
    void stop() {
        fixture.stop();
    }

    // --- the journey's steps, through the API ---------------------------------------------------------------------

    private UUID enqueue(String provider, String syncType) {
        return UUID.fromString(given().auth().oauth2(fixture.writer()).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + fixture.venue + "\",\"provider\":\"" + provider + "\",\"syncType\":\"" + syncType
                        + "\",\"priority\":100}")
                .when().post("/api/v1/sync-jobs").then().statusCode(201).extract().path("id"));
    }

    /**
     * Runs the built-in worker loop (the scheduler is off in tests) until it has made one attempt at the job. The loop
     * claims across tenants, so another test's leftover job of the provider may be claimed first: hence the loop.
     */
    private JsonPath runOnce(UUID job, String provider) throws Throwable {
        for (int tick = 0; tick < 20 && job(job).getInt("attempts") == 0; tick++) {
            VertxContextSupport.subscribeAndAwait(() -> loop.claimAndRun("test-worker", runner, List.of(provider), 5));
        }
        JsonPath after = job(job);
        assertThat(after.getInt("attempts")).as("the worker made one attempt").isEqualTo(1);
        return after;
    }

    private JsonPath job(UUID job) {
        return given().auth().oauth2(fixture.reader()).when().get("/api/v1/sync-jobs/" + job)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> logs(UUID job) {
        return given().auth().oauth2(fixture.reader()).queryParam("jobId", job.toString())
                .when().get("/api/v1/sync-logs").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private JsonPath health(String provider) {
        return given().auth().oauth2(fixture.reader())
                .when().get("/api/v1/integration-health/" + fixture.venue + "/" + provider)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<Map<String, Object>> costs(String provider) {
        return given().auth().oauth2(fixture.reader()).queryParam("venueId", fixture.venue.toString())
                .queryParam("provider", provider)
                .when().get("/api/v1/integration-costs").then().statusCode(200).extract().jsonPath().getList("items");
    }

    private String connectionStatus(UUID connection) {
        return given().auth().oauth2(fixture.reader()).when().get("/api/v1/connections/" + connection)
                .then().statusCode(200).extract().path("status");
    }

    private List<JsonNode> deliveredRecords() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (LoggedRequest batch : fixture.deliveries("/batches")) {
            assertThat(PullFixture.verified(batch)).as("signed with the delivery secret").isTrue();
            JsonNode body = PullFixture.body(batch);
            assertThat(body.path("venueId").asText()).isEqualTo(fixture.venue.toString());
            body.path("records").forEach(records::add);
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Map<String, Object> log) {
        return (Map<String, Object>) log.get("records");
    }

    // --- OAuth: the store API and the hubspot token endpoint on the provider stub -----------------------------------

    /** The token endpoint answers this refresh token (ahead of the stub's proxy to the OAuth server) with new tokens. */
    private void stubHubspotRefresh(String refresh, String newAccess) {
        fixture.stub(post(urlEqualTo(HUBSPOT_TOKEN_PATH)).withRequestBody(containing("refresh_token=" + refresh))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + newAccess + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                                + "\"refresh_token\":\"" + Secrets.newSecret() + "\"}")));
    }

    private int refreshCalls(String refresh) {
        return fixture.provider.find(postRequestedFor(urlEqualTo(HUBSPOT_TOKEN_PATH))
                .withRequestBody(containing("refresh_token=" + refresh))).size();
    }

    private void stubContacts(String accessToken, int status) {
        fixture.stub(get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(status == 200
                        ? aResponse().withHeader("Content-Type", "application/json")
                                .withBody("{\"results\":[{\"id\":\"7\",\"properties\":{\"email\":\"Ann@Example.com\"}}]}")
                        : aResponse().withStatus(status)));
    }

    private int contactCalls(String accessToken) {
        return fixture.provider.find(getRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))).size();
    }

    /** The OAuth store's hubspot token, its refresh token, and the token a refresh gets. */
    private record HubspotTokens(String stored, String refresh, String fresh) {
    }

    /**
     * A hubspot connection and a stored token expiring at {@code expiresAt}; the provider rejects the stored token and
     * accepts the one the token endpoint gives for the refresh token.
     */
    private HubspotTokens hubspotWithStoredToken(Instant expiresAt) {
        HubspotTokens tokens = new HubspotTokens(Secrets.newSecret(), Secrets.newSecret(), Secrets.newSecret());
        UUID connection = fixture.connect("hubspot", "CRM", "{\"accessToken\":\"" + tokens.stored() + "\"}");
        fixture.map(connection, "/properties/email", "email", "LOWERCASE", "{}");
        fixture.configure("hubspot", "{}", "/batches");
        fixture.storeOAuthToken("hubspot", tokens.stored(), tokens.refresh(), expiresAt);
        stubHubspotRefresh(tokens.refresh(), tokens.fresh());
        stubContacts(tokens.stored(), 401);
        stubContacts(tokens.fresh(), 200);
        return tokens;
    }

    // --- tests ----------------------------------------------------------------------------------------------------

    @Test
    void aFullRunOfThreePagesIsDeliveredLoggedHealthyAndCostedAndTheNextIncrementalRunSendsTheCursor() throws Throwable {
        fixture.connectGithub();
        fixture.stubGithubThreePages();

        UUID full = enqueue("github", "FULL");
        JsonPath fullJob = runOnce(full, "github");

        assertThat(fullJob.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(fullJob.getString("lastError")).isNull();
        List<Map<String, Object>> fullLogs = logs(full);
        assertThat(fullLogs).hasSize(1);
        assertThat(fullLogs.get(0)).containsEntry("status", "SUCCEEDED").containsEntry("syncType", "FULL")
                .containsEntry("workerId", "test-worker");
        assertThat(counts(fullLogs.get(0))).containsEntry("fetched", 5).containsEntry("created", 5)
                .containsEntry("failed", 0);
        List<JsonNode> records = deliveredRecords();
        assertThat(records).extracting(r -> r.path("id").asText()).containsExactly("1", "2", "3", "4", "5");
        assertThat(records.get(0).path("data").path("title").asText()).isEqualTo("First");
        assertThat(records.get(0).path("data").at("/author/login").asText()).isEqualTo("ANN");
        assertThat(records.get(1).path("data").path("comments").isNumber()).isTrue();

        JsonPath health = health("github");
        assertThat(health.getLong("totalChecks")).isEqualTo(1);
        assertThat(health.getLong("failedChecks")).isZero();
        assertThat(health.getInt("consecutiveFailures")).isZero();
        assertThat(health.getString("status")).isEqualTo("HEALTHY");
        assertThat(health.getString("lastSuccessAt")).isNotNull();
        List<Map<String, Object>> costs = costs("github");
        assertThat(costs).hasSize(1);
        assertThat(costs.get(0)).containsEntry("apiCalls", 3).containsEntry("cost", "0.000000")
                .containsEntry("currency", "USD");

        // The next run: INCREMENTAL from the cursor the full run kept, which github receives as `since`.
        fixture.stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + fixture.apiKey))
                .withQueryParam("since", equalTo("2024-03-09T08:30:00+02:00"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + PullFixture.issue(6, "Sixth", "fay", "2024-03-10T00:00:00Z", "6") + "]")));
        UUID incremental = enqueue("github", "INCREMENTAL");
        JsonPath incrementalJob = runOnce(incremental, "github");

        assertThat(incrementalJob.getString("status")).isEqualTo("SUCCEEDED");
        List<LoggedRequest> calls = fixture.provider.find(getRequestedFor(urlPathEqualTo("/user/issues"))
                .withHeader("Authorization", equalTo("Bearer " + fixture.apiKey)));
        assertThat(calls).hasSize(4);
        assertThat(calls.get(3).queryParameter("since").firstValue()).isEqualTo("2024-03-09T08:30:00+02:00");
        assertThat(counts(logs(incremental).get(0))).containsEntry("fetched", 1).containsEntry("created", 1);
        assertThat(deliveredRecords()).extracting(r -> r.path("id").asText()).endsWith("6");
        assertThat(health("github").getLong("totalChecks")).isEqualTo(2);
        assertThat(costs("github").get(0)).containsEntry("apiCalls", 4);
    }

    /** Runs a hubspot FULL job: it succeeds after exactly one token-endpoint call, with one call with the new token. */
    private UUID runWithOneRefresh(HubspotTokens tokens) throws Throwable {
        UUID job = enqueue("hubspot", "FULL");
        assertThat(runOnce(job, "hubspot").getString("status")).isEqualTo("SUCCEEDED");
        assertThat(refreshCalls(tokens.refresh())).as("one token-endpoint call").isEqualTo(1);
        assertThat(contactCalls(tokens.fresh())).isEqualTo(1);
        return job;
    }

    @Test
    void anExpiredOAuthTokenIsRefreshedOnceBeforeTheRunAndTheRunUsesTheNewToken() throws Throwable {
        HubspotTokens tokens = hubspotWithStoredToken(Instant.now().minus(Duration.ofHours(1)));

        UUID job = runWithOneRefresh(tokens);

        assertThat(contactCalls(tokens.stored())).as("the expired token never reaches the provider").isZero();
        assertThat(deliveredRecords()).extracting(r -> r.at("/data/email").asText()).containsExactly("ann@example.com");
        assertThat(counts(logs(job).get(0))).containsEntry("fetched", 1).containsEntry("created", 1);
        assertThat(costs("hubspot").get(0)).as("hubspot costs 0.0001 per call")
                .containsEntry("apiCalls", 1).containsEntry("cost", "0.000100");
    }

    @Test
    void anOAuthProviderRejectingAValidTokenGetsOneRefreshAndThePageIsRetried() throws Throwable {
        HubspotTokens tokens = hubspotWithStoredToken(Instant.now().plus(Duration.ofHours(1)));

        UUID job = runWithOneRefresh(tokens);

        assertThat(contactCalls(tokens.stored())).as("the rejected call").isEqualTo(1);
        assertThat(logs(job)).singleElement().satisfies(log -> assertThat(log).containsEntry("status", "SUCCEEDED"));
        assertThat(deliveredRecords()).hasSize(1);
        assertThat(health("hubspot").getInt("consecutiveFailures")).isZero();
        assertThat(costs("hubspot").get(0)).as("the rejected call and its retry")
                .containsEntry("apiCalls", 2).containsEntry("cost", "0.000200");
    }

    @Test
    void anApiKeyRejectedWith401KillsTheJobAndMarksTheConnectionError() throws Throwable {
        UUID connection = fixture.connectGithub();
        fixture.stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + fixture.apiKey))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));

        UUID job = enqueue("github", "FULL");
        JsonPath after = runOnce(job, "github");

        assertThat(after.getString("status")).as("not retryable").isEqualTo("DEAD");
        assertThat(after.getString("lastError")).startsWith("PROVIDER_AUTH_REJECTED").doesNotContain(fixture.apiKey);
        assertThat(logs(job)).singleElement().satisfies(log -> assertThat(log).containsEntry("status", "FAILED"));
        assertThat(connectionStatus(connection)).isEqualTo("ERROR");
        List<String> authFailures = given().auth().oauth2(fixture.reader()).queryParam("action", "SYNC_AUTH_FAILED")
                .when().get("/api/v1/activity").then().statusCode(200).extract().jsonPath().getList("items.connectionId");
        assertThat(authFailures).containsExactly(connection.toString());
        JsonPath health = health("github");
        assertThat(health.getLong("totalChecks")).isEqualTo(1);
        assertThat(health.getLong("failedChecks")).isEqualTo(1);
        assertThat(health.getInt("consecutiveFailures")).isEqualTo(1);
        assertThat(health.getString("lastError")).startsWith("sync: PROVIDER_AUTH_REJECTED");
        assertThat(health.getString("lastSuccessAt")).isNull();
        assertThat(costs("github").get(0)).as("the rejected call counts").containsEntry("apiCalls", 1);
    }

    @Test
    void aProvider503PutsTheJobBackWithBackoffAndLogsTheFailedAttempt() throws Throwable {
        UUID connection = fixture.connectGithub();
        fixture.stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + fixture.apiKey))
                .willReturn(aResponse().withStatus(503)));

        UUID job = enqueue("github", "FULL");
        JsonPath after = runOnce(job, "github");

        try {
            assertThat(after.getString("status")).isEqualTo("PENDING");
            assertThat(after.getString("lastError")).isEqualTo("PROVIDER_UNAVAILABLE: provider answered 503 for /user/issues");
            List<Map<String, Object>> logs = logs(job);
            assertThat(logs).hasSize(1);
            assertThat(logs.get(0)).containsEntry("status", "FAILED").containsEntry("attempt", 1)
                    .containsEntry("error", "PROVIDER_UNAVAILABLE: provider answered 503 for /user/issues");
            Instant failedAt = Instant.parse((String) logs.get(0).get("finishedAt"));
            Instant nextAttempt = Instant.parse(after.getString("nextAttemptAt"));
            assertThat(Duration.between(failedAt, nextAttempt))
                    .as("backoff of at least half the base (100 ms in tests)").isGreaterThanOrEqualTo(Duration.ofMillis(50));
            assertThat(deliveredRecords()).isEmpty();
            assertThat(connectionStatus(connection)).as("a provider outage is not the connection's fault")
                    .isEqualTo("CONNECTED");
            JsonPath health = health("github");
            assertThat(health.getLong("failedChecks")).isEqualTo(1);
            assertThat(health.getInt("consecutiveFailures")).isEqualTo(1);
            assertThat(health.getString("lastError")).isEqualTo("sync: PROVIDER_UNAVAILABLE: provider answered 503 for /user/issues");
        } finally {
            // Not left for other tests' worker loops to claim.
            given().auth().oauth2(fixture.writer()).when().post("/api/v1/sync-jobs/" + job + "/cancel")
                    .then().statusCode(200);
        }
    }
}
