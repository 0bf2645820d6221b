package io.integration.sync.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.integration.support.Database;
import io.integration.support.EmbeddedServicesResource;
import io.integration.support.Secrets;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.integration.webhook.signature.SchemeSettings;
import io.integration.webhook.signature.SignatureSchemes;
import io.integration.webhook.signature.WebhookRequest;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String apiKey = Secrets.newSecret();
    private final List<StubMapping> providerStubs = new ArrayList<>();
    private WireMock provider;
    private String providerUrl;
    private WireMockServer destination;

    @BeforeEach
    void startStubs() {
        providerUrl = ConfigProvider.getConfig().getValue("test.provider-stub.url", String.class);
        URI stub = URI.create(providerUrl);
        provider = new WireMock(stub.getHost(), stub.getPort());
        destination = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
        destination.start();
        destination.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        destination.stubFor(post(urlPathEqualTo("/batches")).willReturn(aResponse().withStatus(202)));
        destination.stubFor(post(urlPathEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
    }

    @AfterEach
    void stopStubs() {
        providerStubs.forEach(provider::removeStubMapping);
        destination.stop();
    }

    // --- fixtures: everything through the API, as a platform service would set it up ---------------------------

    private String writer() {
        return token(tenant, "write");
    }

    private UUID connect(String providerSlug, String category, String credentials) {
        String integration = given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"name\":\"pull " + providerSlug + "\",\"provider\":\"" + providerSlug + "\",\"category\":\"" + category + "\"}")
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");
        String connection = given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + venue + "\",\"credentials\":" + credentials + "}")
                .when().post("/api/v1/integrations/" + integration + "/connections").then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(connection);
    }

    private UUID connectGithub() {
        UUID connection = connect("github", "DEVELOPER", "{\"apiKey\":\"" + apiKey + "\"}");
        map(connection, "/title", "title", "TRIM", "{}");
        map(connection, "/user/login", "/author/login", "UPPERCASE", "{}");
        map(connection, "/comments", "comments", "NUMBER", "{}");
        configure("github", "{}", "/batches");
        return connection;
    }

    private void map(UUID connection, String source, String target, String transform, String transformConfig) {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"sourceField\":\"" + source + "\",\"targetField\":\"" + target + "\",\"transform\":\"" + transform
                        + "\",\"transformConfig\":" + transformConfig + "}")
                .when().post("/api/v1/connections/" + connection + "/field-mappings").then().statusCode(201);
    }

    private void configure(String providerSlug, String settings, String destinationPath) {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"settings\":" + settings + ",\"destinationUrl\":\"http://127.0.0.1:" + destination.port()
                        + destinationPath + "\"}")
                .when().put("/api/v1/venues/" + venue + "/configs/" + providerSlug).then().statusCode(201);
    }

    private void stub(MappingBuilder mapping) {
        providerStubs.add(provider.register(mapping.atPriority(1)));
    }

    private static String issue(int id, String title, String login, String updatedAt, String comments) {
        return "{\"id\":" + id + ",\"title\":\"" + title + "\",\"user\":{\"login\":\"" + login + "\"},\"updated_at\":\""
                + updatedAt + "\",\"comments\":" + comments + ",\"body\":\"" + Secrets.PREFIX + "record-body\"}";
    }

    private String link(int page) {
        return "<" + providerUrl + "/user/issues?per_page=100&page=" + page + ">; rel=\"next\", <" + providerUrl
                + "/user/issues?per_page=100&page=3>; rel=\"last\"";
    }

    /** Three GitHub pages chained by Link headers: five issues, the greatest updated_at on page 2. */
    private void stubGithubThreePages() {
        String auth = "Bearer " + apiKey;
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo(auth))
                .withQueryParam("page", absent())
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withHeader("Link", link(2))
                        .withBody("[" + issue(1, " First ", "ann", "2024-03-01T10:00:00Z", "1") + ","
                                + issue(2, "Second", "bob", "2024-03-02T10:00:00Z", "\"2\"") + "]")));
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo(auth))
                .withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withHeader("Link", link(3))
                        .withBody("[" + issue(3, "Third", "cy", "2024-03-09T08:30:00+02:00", "0") + ","
                                + issue(4, "Fourth", "dee", "2024-03-04T10:00:00Z", "4") + "]")));
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo(auth))
                .withQueryParam("page", equalTo("3"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + issue(5, "Fifth", "eve", "2024-03-05T10:00:00Z", "5") + "]")));
    }

    private PullRequest request(String providerSlug, PullMode mode, String previousCursor) {
        return new PullRequest(new TenantId(tenant), venue, providerSlug, null, mode, previousCursor, UUID.randomUUID());
    }

    private List<LoggedRequest> deliveries(String path) {
        return destination.findAll(postRequestedFor(urlPathEqualTo(path)));
    }

    private static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBody());
    }

    private static boolean verified(LoggedRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, request.getHeader(name));
        }
        return new SignatureSchemes(Clock.systemUTC()).create(SchemeSettings.of("standard-webhooks"))
                .verify(WebhookRequest.of(request.getBody(), headers),
                        List.of(EmbeddedServicesResource.DELIVERY_SECRET.getBytes(StandardCharsets.US_ASCII)))
                .isVerified();
    }

    // --- tests ----------------------------------------------------------------------------------------------------

    @Test
    void threeLinkHeaderPagesAreMappedAndDeliveredSignedAndTheNextIncrementalRunSendsTheCursor() throws Exception {
        UUID connection = connectGithub();
        stubGithubThreePages();

        PullResult full = connector.pull(request("github", PullMode.FULL, null)).await().indefinitely();

        assertThat(full.fetched()).isEqualTo(5);
        assertThat(full.created()).isEqualTo(5);
        assertThat(full.failed()).isZero();
        assertThat(full.pages()).isEqualTo(3);
        assertThat(full.providerCalls()).isEqualTo(3);
        // By instant, not by text: 08:30+02:00 on the 9th is the greatest.
        assertThat(full.cursor()).isEqualTo("2024-03-09T08:30:00+02:00");
        List<LoggedRequest> batches = deliveries("/batches");
        assertThat(batches).isNotEmpty().allSatisfy(batch -> assertThat(verified(batch)).as("signature").isTrue());
        assertThat(batches).allSatisfy(batch -> assertThat(batch.getHeader("Idempotency-Key"))
                .isEqualTo(batch.getHeader("webhook-id")).startsWith("batch_"));
        List<JsonNode> records = new ArrayList<>();
        for (LoggedRequest batch : batches) {
            JsonNode body = body(batch);
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
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .withQueryParam("since", equalTo(full.cursor()))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + issue(6, "Sixth", "fay", "2024-03-10T00:00:00Z", "6") + "]")));
        PullResult incremental = connector.pull(request("github", PullMode.INCREMENTAL, full.cursor()))
                .await().indefinitely();

        assertThat(incremental.fetched()).isEqualTo(1);
        assertThat(incremental.created()).isEqualTo(1);
        assertThat(incremental.cursor()).isEqualTo("2024-03-10T00:00:00Z");
        List<LoggedRequest> calls = provider.find(getRequestedFor(urlPathEqualTo("/user/issues"))
                .withHeader("Authorization", equalTo("Bearer " + apiKey)));
        LoggedRequest last = calls.get(calls.size() - 1);
        assertThat(last.queryParameter("since").firstValue()).isEqualTo("2024-03-09T08:30:00+02:00");
        assertThat(last.queryParameter("per_page").firstValue()).isEqualTo("100");
        assertThat(last.queryParameter("state").firstValue()).isEqualTo("all");
        JsonNode lastBatch = body(deliveries("/batches").get(deliveries("/batches").size() - 1));
        assertThat(lastBatch.path("syncType").asText()).isEqualTo("INCREMENTAL");
        assertThat(lastBatch.at("/records/0/id").asText()).isEqualTo("6");
    }

    @Test
    void aRecordFailingItsTransformIsCountedFailedAndTheOthersAreDelivered() throws Exception {
        connectGithub();
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("[" + issue(1, "One", "ann", "2024-01-01T00:00:00Z", "1") + ","
                                + issue(2, "Two", "bob", "2024-01-02T00:00:00Z", "\"many\"") + ","
                                + "{\"title\":\"no id\",\"comments\":3},"
                                + issue(3, "Three", "cy", "2024-01-03T00:00:00Z", "3") + "]")));

        PullResult result = connector.pull(request("github", PullMode.FULL, null)).await().indefinitely();

        assertThat(result.fetched()).isEqualTo(4);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.created()).isEqualTo(2);
        List<String> delivered = new ArrayList<>();
        for (LoggedRequest batch : deliveries("/batches")) {
            body(batch).path("records").forEach(r -> delivered.add(r.path("id").asText()));
        }
        assertThat(delivered).containsExactly("1", "3");
    }

    @Test
    void threeCursorPagesOfAnOAuthProviderAreDeliveredInBatchesOfTheConfiguredSize() throws Exception {
        String accessToken = Secrets.newSecret();
        UUID connection = connect("hubspot", "CRM", "{\"accessToken\":\"" + accessToken + "\"}");
        // The same token in the OAuth store, so the run is the same whether or not the OAuth hook is wired.
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"accessToken\":\"" + accessToken + "\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}")
                .when().put("/api/v1/venues/" + venue + "/oauth-tokens/hubspot").then().statusCode(201);
        map(connection, "/properties/email", "email", "LOWERCASE", "{}");
        configure("hubspot", "{}", "/batches");
        String auth = "Bearer " + accessToken;
        for (int page = 1; page <= 3; page++) {
            StringBuilder results = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                int id = page * 100 + i;
                results.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id)
                        .append("\",\"properties\":{\"email\":\"User").append(id).append("@Example.com\"}}");
            }
            String paging = page < 3 ? ",\"paging\":{\"next\":{\"after\":\"cursor-" + (page + 1) + "\"}}" : "";
            stub(get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization", equalTo(auth))
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
        List<LoggedRequest> batches = deliveries("/batches");
        assertThat(batches).hasSize((int) Math.ceil(150.0 / config.batchSize()));
        assertThat(batches).allSatisfy(batch -> assertThat(verified(batch)).isTrue());
        assertThat(body(batches.get(0)).at("/records/0/data/email").asText()).isEqualTo("user100@example.com");
        assertThat(body(batches.get(0)).path("batch").asInt()).isZero();
        assertThat(batches).extracting(b -> b.getHeader("webhook-id")).doesNotHaveDuplicates();
        List<LoggedRequest> calls = provider.find(getRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts"))
                .withHeader("Authorization", equalTo(auth)));
        assertThat(calls).extracting(c -> c.queryParameter("limit").firstValue()).containsOnly("100");
        assertThat(calls).extracting(c -> c.queryParameter("archived").firstValue()).containsOnly("false");
    }

    @Test
    void aProvider5xxIsARetryableFailureThatDeliversNothingAndLeavesTheConnectionAlone() throws SQLException {
        UUID connection = connectGithub();
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
                .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"" + Secrets.PREFIX + "echo\"}")));

        PullFailedException failure = failureOf(connector.pull(request("github", PullMode.FULL, null)));

        assertThat(failure.reason()).isEqualTo(PullFailedException.Reason.PROVIDER_UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.providerStatus()).isEqualTo(503);
        assertThat(failure.getMessage()).isEqualTo("provider answered 503 for /user/issues").doesNotContain(apiKey);
        assertThat(failure.counts().providerCalls()).isEqualTo(1);
        assertThat(deliveries("/batches")).isEmpty();
        assertThat(connectionStatus(connection)).isEqualTo("CONNECTED");
    }

    @Test
    void aProvider401MarksTheConnectionErrorWithAnActivityLogEntryAndIsNotRetryable() throws SQLException {
        UUID connection = connectGithub();
        stub(get(urlPathEqualTo("/user/issues")).withHeader("Authorization", equalTo("Bearer " + apiKey))
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
                assertThat(JSON.readTree(details).path("providerStatus").asInt()).isEqualTo(401);
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
        UUID connection = connect("hubspot", "CRM", "{\"accessToken\":\"" + stale + "\"}");
        map(connection, "/properties/email", "email", "NONE", "{}");
        configure("hubspot", "{}", "/batches");
        stub(get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization", equalTo("Bearer " + stale))
                .willReturn(aResponse().withStatus(401)));
        stub(get(urlPathEqualTo("/crm/v3/objects/contacts")).withHeader("Authorization", equalTo("Bearer " + fresh))
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
        connectGithub();
        configureDestination("/broken");
        stubGithubThreePages();
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
        assertThat(deliveries("/broken")).hasSize(1);
        assertThat(metered).as("provider calls are metered on failure too").hasSize(1);
    }

    @Test
    void missingPiecesAreNonRetryableNotConfiguredFailuresBeforeAnyProviderCall() {
        PullFailedException noSync = failureOf(connector.pull(request("stripe", PullMode.FULL, null)));
        assertThat(noSync.reason()).isEqualTo(PullFailedException.Reason.NOT_CONFIGURED);
        assertThat(noSync.getMessage()).isEqualTo("provider 'stripe' declares no sync block for the REST pull connector");

        PullFailedException noConnection = failureOf(connector.pull(request("github", PullMode.FULL, null)));
        assertThat(noConnection.getMessage()).contains("has no active connection");

        UUID connection = connect("github", "DEVELOPER", "{\"apiKey\":\"" + apiKey + "\"}");
        PullFailedException noMappings = failureOf(connector.pull(request("github", PullMode.FULL, null)));
        assertThat(noMappings.getMessage()).isEqualTo("connection " + connection
                + " has no field mappings; define them before syncing");

        map(connection, "/title", "title", "NONE", "{}");
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
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"settings\":{},\"destinationUrl\":\"http://127.0.0.1:" + destination.port() + path + "\"}")
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
