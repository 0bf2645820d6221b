package io.integration.sync.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.integration.support.Database;
import io.integration.support.Secrets;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;

/**
 * The REST pull connector against WireMock providers (the shared provider stub, driven through its admin API) and a
 * WireMock destination: real database, real vault, real signatures.
 */
@QuarkusTest
class RestPullConnectorTest {

    @Inject
    RestPullConnector connector;
    @Inject
    SyncTargetLoader loader;
    @Inject
    ProviderPageClient pageClient;
    @Inject
    DestinationDelivery delivery;
    @Inject
    ConnectionAuthFailures authFailures;
    @Inject
    ProviderAuthorization storedCredentials;
    @Inject
    RestPullConfig config;
    @Inject
    TenantTransactions transactions;

    private final PullFixture fixture = new PullFixture();
    private final UUID tenant = fixture.tenant;
    private final UUID venue = fixture.venue;
    private final String apiKey = fixture.apiKey;

    @BeforeEach
    void startStubs() {
        fixture.start();
    }

    @AfterEach
    void stopStubs() {
        fixture.stop();
    }

    private PullRequest request(String providerSlug, PullMode mode, String previousCursor) {
        return new PullRequest(new TenantId(tenant), venue, providerSlug, null, mode, previousCursor, UUID.randomUUID());
    }




    // --- tests ----------------------------------------------------------------------------------------------------

    @Test
    void threeLinkHeaderPagesAreMappedAndDeliveredSignedAndTheNextIncrementalRunSendsTheCursor() throws Exception {
        UUID connection = fixture.connectGithub();
        fixture.stubGithubThreePages();

        PullResult full = connector.pull(request("github", PullMode.FULL, null)).await().indefinitely();

        assertThat(full.fetched()).isEqualTo(5);
        assertThat(full.created()).isEqualTo(5);
        assertThat(full.failed()).isZero();
        assertThat(full.pages()).isEqualTo(3);
        assertThat(full.providerCalls()).isEqualTo(3);
        // By instant, not by text: 08:30+02:00 on the 9th is the greatest.
        assertThat(full.cursor()).isEqualTo("2024-03-09T08:30:00+02:00");
        List<LoggedRequest> batches = fixture.deliveries("/batches");
        assertThat(batches).isNotEmpty().allSatisfy(batch -> assertThat(PullFixture.verified(batch)).as("signature").isTrue());
        assertThat(batches).allSatisfy(batch -> assertThat(batch.getHeader("Idempotency-Key"))
                .isEqualTo(batch.getHeader("webhook-id")).startsWith("batch_"));
        List<JsonNode> records = new ArrayList<>();
        for (LoggedRequest batch : batches) {
            JsonNode body = PullFixture.body(batch);
            assertThat(body.path("provider").asText()).isEqualTo("github");
            assertThat(body.path("venueId").asText()).isEqualTo(venue.toString());
            assertThat(body.path("connectionId").asText()).isEqualTo(connection.toString());
            assertThat(body.path("syncType").asText()).isEqualTo("FULL");
            body.path("records").forEach(records::add);
        }
        assertThat(records).extracting(r -> r.path("id").asText()).containsExactly("1", "2", "3", "4", "5");
        JsonNode first = records.get(0).path("data");
        assertThat(first.path("title").asText()).isEqualTo("First");
        assertThat(first.at("/author/login").asText()).isEqualTo("ANN");
        assertThat(first.path("comments").asInt()).isEqualTo(1);
        assertThat(records.get(1).path("data").path("comments").isNumber()).as("\"2\" parsed to a number").isTrue();
        assertThat(first.has("body")).as("only mapped fields are delivered").isFalse();
        assertThat(first.size()).isEqualTo(3);

        // Next run: INCREMENTAL from the stored cursor, which the provider receives as `since`.
        fixture.stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .withQueryParam("since", equalTo(full.cursor()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + PullFixture.issue(6, "Sixth", "fay", "2024-03-10T00:00:00Z", "6") + "]")));
        PullResult incremental = connector.pull(request("github", PullMode.INCREMENTAL, full.cursor()))
                .await().indefinitely();

        assertThat(incremental.fetched()).isEqualTo(1);
        assertThat(incremental.created()).isEqualTo(1);
        assertThat(incremental.cursor()).isEqualTo("2024-03-10T00:00:00Z");
        List<LoggedRequest> calls = fixture.provider.find(getRequestedFor(urlPathEqualTo("/user/issues"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey)));
        LoggedRequest last = calls.get(calls.size() - 1);
        assertThat(last.queryParameter("since").firstValue()).isEqualTo("2024-03-09T08:30:00+02:00");
        assertThat(last.queryParameter("per_page").firstValue()).isEqualTo("100");
        assertThat(last.queryParameter("state").firstValue()).isEqualTo("all");
        JsonNode lastBatch = PullFixture.body(fixture.deliveries("/batches").get(fixture.deliveries("/batches").size() - 1));
        assertThat(lastBatch.path("syncType").asText()).isEqualTo("INCREMENTAL");
        assertThat(lastBatch.at("/records/0/id").asText()).isEqualTo("6");
    }

    @Test
    void aRecordFailingItsTransformIsCountedFailedAndTheOthersAreDelivered() throws Exception {
        fixture.connectGithub();
        fixture.stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + PullFixture.issue(1, "One", "ann", "2024-01-01T00:00:00Z", "1") + ","
                                + PullFixture.issue(2, "Two", "bob", "2024-01-02T00:00:00Z", "\"many\"") + ","
                                + "{\"title\":\"no id\",\"comments\":3},"
                                + PullFixture.issue(3, "Three", "cy", "2024-01-03T00:00:00Z", "3") + "]")));

        PullResult result = connector.pull(request("github", PullMode.FULL, null)).await().indefinitely();

        assertThat(result.fetched()).isEqualTo(4);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.created()).isEqualTo(2);
        List<String> delivered = new ArrayList<>();
        for (LoggedRequest batch : fixture.deliveries("/batches")) {
            PullFixture.body(batch).path("records").forEach(r -> delivered.add(r.path("id").asText()));
        }
        assertThat(delivered).containsExactly("1", "3");
    }

    @Test
    void threeCursorPagesOfAnOAuthProviderAreDeliveredInBatchesOfTheConfiguredSize() throws Exception {
        String accessToken = Secrets.newSecret();
        UUID connection = fixture.connect("hubspot", "CRM", "{\"accessToken\":\"" + accessToken + "\"}");
        // The same token in the OAuth store, so the run is the same whether or not the OAuth hook is wired.
        fixture.storeOAuthToken("hubspot", accessToken, null, Instant.parse("2999-01-01T00:00:00Z"));
        fixture.map(connection, "/properties/email", "email", "LOWERCASE", "{}");
        fixture.configure("hubspot", "{}", "/batches");
        String auth = "Bearer " + accessToken;
        for (int page = 1; page <= 3; page++) {
            StringBuilder results = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                int id = page * 100 + i;
                results.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id)
                        .append("\",\"properties\":{\"email\":\"User").append(id).append("@Example.com\"}}");
            }
            String paging = page < 3 ? ",\"paging\":{\"next\":{\"after\":\"cursor-" + (page + 1) + "\"}}" : "";
            fixture.stub(get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization", equalTo(auth))
                    .withQueryParam("after", page == 1 ? absent() : equalTo("cursor-" + page))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"results\":[" + results + "]" + paging + "}")));
        }

        PullResult result = connector.pull(request("hubspot", PullMode.FULL, null)).await().indefinitely();

        assertThat(result.fetched()).isEqualTo(150);
        assertThat(result.created()).isEqualTo(150);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.providerCalls()).isEqualTo(3);
        assertThat(result.cursor()).as("hubspot declares no incremental field").isNull();
        List<LoggedRequest> batches = fixture.deliveries("/batches");
        assertThat(batches).hasSize((int) Math.ceil(150.0 / config.batchSize()));
        assertThat(batches).allSatisfy(batch -> assertThat(PullFixture.verified(batch)).isTrue());
        assertThat(PullFixture.body(batches.get(0)).at("/records/0/data/email").asText()).isEqualTo("user100@example.com");
        assertThat(PullFixture.body(batches.get(0)).path("batch").asInt()).isZero();
        assertThat(batches).extracting(b -> b.getHeader("webhook-id")).doesNotHaveDuplicates();
        List<LoggedRequest> calls = fixture.provider.find(getRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts"))
                .withHeader("Authorization", equalTo(auth)));
        assertThat(calls).extracting(c -> c.queryParameter("limit").firstValue()).containsOnly("100");
        assertThat(calls).extracting(c -> c.queryParameter("archived").firstValue()).containsOnly("false");
    }

    @Test
    void aProvider5xxIsARetryableFailureThatDeliversNothingAndLeavesTheConnectionAlone() throws SQLException {
        UUID connection = fixture.connectGithub();
        fixture.stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"" + Secrets.PREFIX + "echo\"}")));

        PullFailedException failure = failureOf(connector.pull(request("github", PullMode.FULL, null)));

        assertThat(failure.reason()).isEqualTo(PullFailedException.Reason.PROVIDER_UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.providerStatus()).isEqualTo(503);
        assertThat(failure.getMessage()).isEqualTo("provider answered 503 for /user/issues").doesNotContain(apiKey);
        assertThat(failure.counts().providerCalls()).isEqualTo(1);
        assertThat(fixture.deliveries("/batches")).isEmpty();
        assertThat(connectionStatus(connection)).isEqualTo("CONNECTED");
    }

    @Test
    void aProvider401MarksTheConnectionErrorWithAnActivityLogEntryAndIsNotRetryable() throws SQLException {
        UUID connection = fixture.connectGithub();
        fixture.stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));

        PullFailedException failure = failureOf(connector.pull(request("github", PullMode.FULL, null)));

        assertThat(failure.reason()).isEqualTo(PullFailedException.Reason.PROVIDER_AUTH_REJECTED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.providerStatus()).isEqualTo(401);
        assertThat(failure.counts().providerCalls()).as("an API key is not refreshed: one call").isEqualTo(1);
        assertThat(connectionStatus(connection)).isEqualTo("ERROR");
        try (Connection db = Database.superuser(); PreparedStatement query = db.prepareStatement(
                "select action, actor_user_id, details::text from integration_activity_logs"
                        + " where tenant_id = ? and connection_id = ?")) {
            query.setObject(1, tenant);
            query.setObject(2, connection);
            try (ResultSet rows = query.executeQuery()) {
                List<String> actions = new ArrayList<>();
                String details = null;
                while (rows.next()) {
                    actions.add(rows.getString(1));
                    if ("SYNC_AUTH_FAILED".equals(rows.getString(1))) {
                        assertThat(rows.getString(2)).isEqualTo(ConnectionAuthFailures.ACTOR_ID);
                        details = rows.getString(3);
                    }
                }
                assertThat(actions).containsOnlyOnce("SYNC_AUTH_FAILED");
                assertThat(PullFixture.JSON.readTree(details).path("providerStatus").asInt()).isEqualTo(401);
                assertThat(details).doesNotContain(apiKey);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
        given().auth().oauth2(token(tenant, "read")).queryParam("action", "SYNC_AUTH_FAILED")
                .when().get("/api/v1/activity").then().statusCode(200)
                .body("items.connectionId", org.hamcrest.Matchers.contains(connection.toString()));
    }

    @Test
    void anOAuthRejectionIsRefreshedOnceAndThePageRetriedWithTheNewToken() throws Throwable {
        String stale = Secrets.newSecret();
        String fresh = Secrets.newSecret();
        UUID connection = fixture.connect("hubspot", "CRM", "{\"accessToken\":\"" + stale + "\"}");
        // Since the OAuth lifecycle is wired, OAUTH2 providers' tokens come from the OAuth store (here still valid).
        fixture.storeOAuthToken("hubspot", stale, null, Instant.parse("2999-01-01T00:00:00Z"));
        fixture.map(connection, "/properties/email", "email", "NONE", "{}");
        fixture.configure("hubspot", "{}", "/batches");
        fixture.stub(get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization", equalTo("Bearer " + stale))
                .willReturn(aResponse().withStatus(401)));
        fixture.stub(get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization", equalTo("Bearer " + fresh))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"results\":[{\"id\":\"7\",\"properties\":{\"email\":\"a@b.c\"}}]}")));
        List<String> rejectedTokens = new CopyOnWriteArrayList<>();
        List<Long> metered = new CopyOnWriteArrayList<>();
        // Stands in for the OAuth lifecycle: the stored token first, a refreshed one after a rejection.
        ProviderAuthorization refreshing = new ProviderAuthorization() {
            @Override
            public Uni<ProviderCredential> authorize(SyncTarget target) {
                return Uni.createFrom().item(new ProviderCredential("Authorization", "Bearer " + stale));
            }

            @Override
            public Uni<Optional<ProviderCredential>> reauthorize(SyncTarget target, ProviderCredential rejected) {
                rejectedTokens.add(rejected.headerValue());
                return Uni.createFrom().item(Optional.of(new ProviderCredential("Authorization", "Bearer " + fresh)));
            }
        };
        // A meter like the cost recorder: Panache work in a tenant transaction. That needs a safe duplicated Vert.x
        // context, which the run keeps when it is started on one (as a @Scheduled worker or subscribeAndAwait does).
        ProviderCallMeter meter = (t, v, p, calls) -> transactions.inTenantTransaction(t, () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("select count(*) from connections where venue_id = :venue",
                                        Long.class)
                                .setParameter("venue", v)
                                .getSingleResult()))
                .invoke(connections -> metered.add(calls * 100 + connections))
                .replaceWithVoid();
        RestPullConnector withRefresh = new RestPullConnector(loader, refreshing, pageClient, delivery, authFailures,
                List.of(meter), config);

        PullResult result = VertxContextSupport.subscribeAndAwait(() -> withRefresh.pull(request("hubspot", PullMode.FULL, null)));

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.providerCalls()).as("the rejected call and its retry").isEqualTo(2);
        assertThat(rejectedTokens).containsExactly("Bearer " + stale);
        assertThat(metered).as("two calls metered; the meter's tenant transaction saw the venue's connection")
                .containsExactly(201L);
    }

    @Test
    void aDestination500IsRetryableAndTheFailureCarriesNoCursor() {
        fixture.connectGithub();
        configureDestination("/broken");
        fixture.stubGithubThreePages();
        List<Long> metered = new CopyOnWriteArrayList<>();
        ProviderCallMeter meter = (t, v, p, calls) -> {
            metered.add(calls);
            return Uni.createFrom().voidItem();
        };
        RestPullConnector metering = new RestPullConnector(loader, storedCredentials, pageClient, delivery,
                authFailures, List.of(meter), config);

        PullFailedException failure = failureOf(metering.pull(request("github", PullMode.INCREMENTAL,
                "2024-01-01T00:00:00Z")));

        assertThat(failure.reason()).isEqualTo(PullFailedException.Reason.DESTINATION_UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("destination answered 500 for batch batch_");
        assertThat(failure.counts().created()).isZero();
        assertThat(fixture.deliveries("/broken")).hasSize(1);
        assertThat(metered).as("provider calls are metered on failure too").hasSize(1);
    }

    @Test
    void missingPiecesAreNonRetryableNotConfiguredFailuresBeforeAnyProviderCall() {
        PullFailedException noSync = failureOf(connector.pull(request("stripe", PullMode.FULL, null)));
        assertThat(noSync.reason()).isEqualTo(PullFailedException.Reason.NOT_CONFIGURED);
        assertThat(noSync.getMessage()).isEqualTo("provider 'stripe' declares no sync block for the REST pull connector");

        PullFailedException noConnection = failureOf(connector.pull(request("github", PullMode.FULL, null)));
        assertThat(noConnection.getMessage()).contains("has no active connection");

        UUID connection = fixture.connect("github", "DEVELOPER", "{\"apiKey\":\"" + apiKey + "\"}");
        PullFailedException noMappings = failureOf(connector.pull(request("github", PullMode.FULL, null)));
        assertThat(noMappings.getMessage()).isEqualTo("connection " + connection
                + " has no field mappings; define them before syncing");

        fixture.map(connection, "/title", "title", "NONE", "{}");
        UUID otherConnection = UUID.randomUUID();
        PullFailedException wrongConnection = failureOf(connector.pull(new PullRequest(new TenantId(tenant), venue,
                "github", otherConnection, PullMode.FULL, null, null)));
        assertThat(wrongConnection.getMessage()).isEqualTo("venue " + venue + " has no active connection "
                + otherConnection + " to 'github'");
        PullFailedException noDestination = failureOf(connector.pull(request("github", PullMode.FULL, null)));
        assertThat(noDestination.getMessage()).contains("has no destinationUrl");
        assertThat(noDestination.retryable()).isFalse();
        assertThat(noDestination.counts().providerCalls()).isZero();
    }

    private void configureDestination(String path) {
        given().auth().oauth2(fixture.writer()).contentType(ContentType.JSON)
                .body("{\"settings\":{},\"destinationUrl\":\"http://127.0.0.1:" + fixture.destination.port() + path + "\"}")
                .when().put("/api/v1/venues/" + venue + "/configs/github").then().statusCode(200);
    }

    private static PullFailedException failureOf(Uni<PullResult> run) {
        return catchThrowableOfType(PullFailedException.class, () -> run.await().indefinitely());
    }

    private String connectionStatus(UUID connection) throws SQLException {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select status from connections where id = ?")) {
            query.setObject(1, connection);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1);
            }
        }
    }
}
