package io.integration.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.integration.support.Database;
import io.integration.support.EmbeddedServicesResource;
import io.integration.support.Secrets;
import io.integration.tenancy.SystemTransactions;
import io.integration.webhook.signature.SchemeSettings;
import io.integration.webhook.signature.SignatureSchemes;
import io.integration.webhook.signature.WebhookRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;

/** Processing of queued webhook events: signed delivery, retries with backoff, dead events, leases, replay. */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    WebhookDeliveryJob job;

    // To build further replicas of the job (each with its own lease owner), as other pods would run it.
    @Inject
    SystemTransactions system;
    @Inject
    WebhooksConfig config;
    @Inject
    Vertx vertx;
    @Inject
    io.integration.health.HealthRecorder health;

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String secret = Secrets.newSecret();
    private WireMockServer subscriber;

    @BeforeEach
    void startSubscriber() {
        subscriber = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().notifier(new ConsoleNotifier(false)));
        subscriber.start();
        subscriber.stubFor(post(urlEqualTo("/hooks/ok")).willReturn(aResponse().withStatus(204)));
        subscriber.stubFor(post(urlEqualTo("/hooks/down")).willReturn(aResponse().withStatus(503)));
    }

    @AfterEach
    void stopSubscriber() {
        subscriber.stop();
    }

    private String endpoint(String subscriberPath, boolean enqueueSync) {
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"apiKey\":\"" + Secrets.newSecret() + "\",\"webhookSecret\":\"" + secret + "\"}")
                .when().put("/api/v1/venues/" + venue + "/api-keys/github/default").then().statusCode(201);
        return given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"subscriberUrl\":\"http://127.0.0.1:" + subscriber.port() + subscriberPath + "\",\"enqueueSync\":"
                        + enqueueSync + "}")
                .when().put("/api/v1/venues/" + venue + "/webhook-endpoints/github")
                .then().statusCode(201).extract().path("inboundPath");
    }

    private String receive(String path, String body) {
        String delivery = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(body)
                .header("X-Hub-Signature-256", "sha256=" + hmacHex(secret, body))
                .header("X-GitHub-Delivery", delivery).header("X-GitHub-Event", "push")
                .when().post(path).then().statusCode(200);
        return eventIdOf(delivery);
    }

    /** Runs the job until nothing due is left (bounded). */
    private void drain() {
        for (int i = 0; i < 10 && job.deliverBatch(100).await().indefinitely() > 0; i++) {
            // keep going while events were claimed
        }
    }

    @Test
    void anEventIsDeliveredByteForByteSignedAndThenDelivered() throws SQLException {
        String path = endpoint("/hooks/ok", true);
        String body = "{\"ref\":\"refs/heads/main\" , \"n\": 1}";
        String id = receive(path, body);
        drain();

        assertThat(status(id)).isEqualTo("DELIVERED");
        List<LoggedRequest> received = subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/ok")));
        assertThat(received).hasSize(1);
        LoggedRequest request = received.get(0);
        assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(request.getHeader("webhook-id")).isEqualTo(id);
        Map<String, String> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            headers.put(name, request.getHeader(name));
        }
        // The subscriber's side: the Standard Webhooks verifier accepts it with the delivery secret.
        assertThat(new SignatureSchemes(Clock.systemUTC()).create(SchemeSettings.of("standard-webhooks"))
                .verify(WebhookRequest.of(request.getBody(), headers),
                        List.of(EmbeddedServicesResource.DELIVERY_SECRET.getBytes(StandardCharsets.US_ASCII)))
                .isVerified()).isTrue();
        assertThat(count("select count(*) from sync_queue where tenant_id = '" + tenant + "' and sync_type = 'WEBHOOK'"
                + " and venue_id = '" + venue + "' and integration_type = 'github'")).isEqualTo(1);
        drain();
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/ok")))).as("delivered once").hasSize(1);
    }

    @Test
    void aFailingSubscriberIsRetriedWithBackoffThenTheEventIsDeadAndCanBeReplayed() throws SQLException {
        String path = endpoint("/hooks/down", false);
        String id = receive(path, "{\"n\":2}");
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update webhooks set max_attempts = 3 where id = '" + id + "'");
        }
        drain();
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(count("select count(*) from webhooks where id = '" + id + "' and attempts = 1"
                + " and next_attempt_at > now() + interval '900 milliseconds' and last_error = 'subscriber answered 503'"))
                .as("first retry scheduled after the jittered base delay").isEqualTo(1);
        long firstDelay = count("select extract(epoch from next_attempt_at - updated_at) * 1000 from webhooks where id = '" + id + "'");

        for (int attempt = 2; attempt <= 3; attempt++) {
            makeDue(id);
            drain();
        }
        assertThat(status(id)).isEqualTo("DEAD");
        assertThat(firstDelay).isBetween(900L, 2100L);
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/down")))).hasSize(3);
        // Every attempt is an outcome of the venue's github integration.
        assertThat(healthRow()).isEqualTo("DOWN|3|3|3|0.00|webhook delivery: subscriber answered 503");

        given().auth().oauth2(token(tenant, "read")).queryParam("status", "DEAD").when().get("/api/v1/webhook-events")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id))
                .body("items[0].provider", equalTo("github")).body("items[0].lastError", equalTo("subscriber answered 503"));

        subscriber.stubFor(post(urlEqualTo("/hooks/down")).willReturn(aResponse().withStatus(200)));
        given().auth().oauth2(token(tenant, "write")).when().post("/api/v1/webhook-events/" + id + "/replay")
                .then().statusCode(202).body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        drain();
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(healthRow()).isEqualTo("DEGRADED|4|3|0|25.00|webhook delivery: subscriber answered 503");
    }

    @Test
    void aSubscriberFailingThreeTimesThenSucceedingGetsTheEventOnceWithTheAttemptsRecorded() throws SQLException {
        subscriber.stubFor(post(urlEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed-1"));
        subscriber.stubFor(post(urlEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs("failed-1")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed-2"));
        subscriber.stubFor(post(urlEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs("failed-2")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("healthy"));
        subscriber.stubFor(post(urlEqualTo("/hooks/flaky")).inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(aResponse().withStatus(200)));
        String path = endpoint("/hooks/flaky", false);
        String id = receive(path, "{\"n\":5}");
        for (int attempt = 1; attempt <= 4; attempt++) {
            drain();
            if (!"DELIVERED".equals(status(id))) {
                makeDue(id);
            }
        }
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(count("select attempts from webhooks where id = '" + id + "'")).isEqualTo(4);
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/flaky")))).hasSize(4);
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/webhook-events/" + id)
                .then().statusCode(200).body("status", equalTo("DELIVERED")).body("attempts", equalTo(4))
                .body("lastError", equalTo(null));
        assertThat(healthRow()).isEqualTo("DEGRADED|4|3|0|25.00|webhook delivery: subscriber answered 502");
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/integration-health/" + venue + "/github")
                .then().statusCode(200).body("status", equalTo("DEGRADED")).body("successRate", equalTo(25.0f))
                .body("totalChecks", equalTo(4)).body("consecutiveFailures", equalTo(0)).body("windowSize", equalTo(4))
                .body("lastError", equalTo("webhook delivery: subscriber answered 502"));
    }

    @Test
    void anEventLeasedByADeadReplicaIsTakenOverAfterTheLeaseExpires() throws SQLException {
        String path = endpoint("/hooks/ok", false);
        String id = receive(path, "{\"n\":3}");
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update webhooks set status = 'PROCESSING', lease_owner = 'dead-replica', attempts = 1,"
                    + " lease_expires_at = now() + interval '1 hour' where id = '" + id + "'");
        }
        drain();
        assertThat(status(id)).as("a live lease is respected").isEqualTo("PROCESSING");
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update webhooks set lease_expires_at = now() - interval '1 second' where id = '" + id + "'");
        }
        drain();
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/ok")))).hasSize(1);
        assertThat(healthRow()).as("only the attempt that was made counts").startsWith("HEALTHY|1|0|0|100.00|");
    }

    @Test
    void anEventWithoutSubscriberIsNoDeliveryAttemptAndLeavesHealthAlone() throws SQLException {
        String path = endpoint("/hooks/ok", true);
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update webhook_endpoints set subscriber_url = null where tenant_id = '" + tenant + "'");
        }
        String id = receive(path, "{\"n\":6}");
        drain();
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(count("select count(*) from integration_health where tenant_id = '" + tenant + "'")).isZero();
    }

    @Test
    void anEventHeldAtShutdownGoesBackToTheQueueUncountedAndAnotherReplicaDeliversIt() throws Exception {
        String path = endpoint("/hooks/ok", false);
        String id = receive(path, "{\"n\":6}");
        WebhookDeliveryJob stopping = new WebhookDeliveryJob(system, health, config, vertx);
        WebhookDeliveryJob survivor = new WebhookDeliveryJob(system, health, config, vertx);

        List<WebhookDeliveryJob.Claimed> held = stopping.claim(100).await().indefinitely();
        assertThat(held).extracting(event -> event.id().toString()).contains(id);
        assertThat(count("select attempts from webhooks where id = '" + id + "' and status = 'PROCESSING'")).isEqualTo(1);
        survivor.deliverBatch(100).await().indefinitely();
        assertThat(status(id)).as("the lease of the replica that holds it is respected").isEqualTo("PROCESSING");

        // What the ShutdownEvent observer runs on SIGTERM.
        assertThat(stopping.stop()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from webhooks where id = '" + id + "' and status = 'PENDING' and attempts = 0"
                + " and lease_owner is null and lease_expires_at is null and last_error is null"))
                .as("released, the attempt not counted").isEqualTo(1);
        assertThat(stopping.deliverBatch(100).await().indefinitely()).as("a stopped replica claims nothing").isZero();
        assertThat(status(id)).isEqualTo("PENDING");
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/ok")))).isEmpty();

        // Taken at once by another replica, without waiting for the lease to run out.
        survivor.deliverBatch(100).await().indefinitely();
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(count("select attempts from webhooks where id = '" + id + "'")).isEqualTo(1);
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/ok")))).hasSize(1);
    }

    @Test
    void aDeliveryInFlightAtShutdownIsFinishedNotCutOff() throws Exception {
        subscriber.stubFor(post(urlEqualTo("/hooks/slow")).willReturn(aResponse().withStatus(204).withFixedDelay(400)));
        String id = receive(endpoint("/hooks/slow", false), "{\"n\":7}");
        WebhookDeliveryJob replica = new WebhookDeliveryJob(system, health, config, vertx);

        CompletableFuture<Integer> batch = replica.deliverBatch(100).subscribeAsCompletionStage();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (replica.inFlight() == 0 && !batch.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(replica.inFlight()).as("the delivery has started").isPositive();
        replica.stop();

        assertThat(batch.get(5, TimeUnit.SECONDS)).isPositive();
        assertThat(status(id)).isEqualTo("DELIVERED");
        assertThat(count("select count(*) from webhooks where id = '" + id + "' and attempts = 1 and lease_owner is null"))
                .isEqualTo(1);
        assertThat(subscriber.findAll(postRequestedFor(urlEqualTo("/hooks/slow")))).hasSize(1);
    }

    @Test
    void bulkReplayAndTheEventApiGuards() throws SQLException {
        String path = endpoint("/hooks/down", false);
        String id = receive(path, "{\"n\":4}");
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update webhooks set status = 'DEAD', attempts = 10 where id = '" + id + "'");
        }
        given().auth().oauth2(token(tenant, "write")).queryParam("status", "DEAD").queryParam("provider", "github")
                .when().post("/api/v1/webhook-events/replay")
                .then().statusCode(202).body("replayed", equalTo(1));
        assertThat(status(id)).isEqualTo("PENDING");

        UUID other = UUID.randomUUID();
        given().when().get("/api/v1/webhook-events").then().statusCode(401);
        given().when().post("/api/v1/webhook-events/" + id + "/replay").then().statusCode(401);
        given().auth().oauth2(token(tenant, "read")).when().post("/api/v1/webhook-events/" + id + "/replay").then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get("/api/v1/webhook-events").then().statusCode(403);
        given().auth().oauth2(token(other, "read")).when().get("/api/v1/webhook-events/" + id).then().statusCode(404);
        given().auth().oauth2(token(other, "write")).when().post("/api/v1/webhook-events/" + id + "/replay").then().statusCode(404);
        given().auth().oauth2(token(other, "read")).when().get("/api/v1/webhook-events").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/webhook-events/nope").then().statusCode(400);
        given().auth().oauth2(token(tenant, "read")).queryParam("status", "LOST").when().get("/api/v1/webhook-events")
                .then().statusCode(400).body("detail", containsString("status"));
        given().auth().oauth2(token(tenant, "read")).queryParam("from", "yesterday").when().get("/api/v1/webhook-events")
                .then().statusCode(400).body("detail", containsString("ISO-8601"));
        given().auth().oauth2(token(tenant, "read")).queryParam("from", "2000-01-01T00:00:00Z")
                .queryParam("to", "2001-01-01T00:00:00Z").when().get("/api/v1/webhook-events")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(token(tenant, "read")).queryParam("provider", "github").when().get("/api/v1/webhook-events/" + id)
                .then().statusCode(200).body("status", equalTo("PENDING"));
    }

    /** status|total|failed|consecutive failures|success rate|last error of the venue's github health. */
    private String healthRow() throws SQLException {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select status || '|' || total_checks || '|' || failed_checks"
                        + " || '|' || consecutive_failures || '|' || success_rate || '|' || coalesce(last_error, '')"
                        + " from integration_health where tenant_id = ? and venue_id = ? and integration_type = 'github'")) {
            query.setObject(1, tenant);
            query.setObject(2, venue);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a health row").isTrue();
                return row.getString(1);
            }
        }
    }

    private void makeDue(String id) throws SQLException {
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update webhooks set next_attempt_at = now() where id = '" + id + "'");
        }
    }

    private String eventIdOf(String delivery) {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select q.id from webhooks q join integration_webhooks w"
                        + " on w.id = q.integration_webhook_id where w.provider_event_id = ?")) {
            query.setString(1, delivery);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(String id) throws SQLException {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select status from webhooks where id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
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

    private static String hmacHex(String key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
