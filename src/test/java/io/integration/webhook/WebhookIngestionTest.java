package io.integration.webhook;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.integration.support.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Inbound webhooks end to end: routing token, signature, durable storage before the 2xx, dedupe, rejections. */
@QuarkusTest
class WebhookIngestionTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String secret = Secrets.newSecret();

    private String setUpEndpoint(String provider, String... webhookSecrets) {
        int n = 0;
        for (String webhookSecret : webhookSecrets) {
            given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                    .body("{\"apiKey\":\"" + Secrets.newSecret() + "\",\"webhookSecret\":\"" + webhookSecret + "\"}")
                    .when().put("/api/v1/venues/" + venue + "/api-keys/" + provider + "/key-" + n++)
                    .then().statusCode(201);
        }
        return given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/venues/" + venue + "/webhook-endpoints/" + provider)
                .then().statusCode(201)
                .body("inboundPath", containsString("/webhooks/in/"))
                .extract().path("inboundPath");
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

    private static int deliverGitHub(String path, String body, String signingSecret, String deliveryId) {
        return given().contentType(ContentType.JSON).body(body)
                .header("X-Hub-Signature-256", "sha256=" + hmacHex(signingSecret, body))
                .header("X-GitHub-Delivery", deliveryId).header("X-GitHub-Event", "push")
                .when().post(path).statusCode();
    }

    @Test
    void aSignedEventIsStoredByteForByteAndQueuedBeforeTheAcknowledgement() throws SQLException {
        String path = setUpEndpoint("github", secret);
        String body = "{\"ref\":\"refs/heads/main\",  \"spacing\" : \"kept exactly\"}";
        String delivery = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(body)
                .header("X-Hub-Signature-256", "sha256=" + hmacHex(secret, body))
                .header("X-GitHub-Delivery", delivery).header("X-GitHub-Event", "push")
                .when().post(path)
                .then().statusCode(200).body("status", equalTo("accepted"));

        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select w.payload, w.outcome, w.signature_valid, w.event_type,"
                        + " w.headers->>'x-github-delivery' as delivery, q.status, q.event_type as queued_type,"
                        + " q.payload->>'ref' as queued_ref"
                        + " from integration_webhooks w join webhooks q on q.integration_webhook_id = w.id"
                        + " where w.tenant_id = ? and w.provider_event_id = ?")) {
            query.setObject(1, tenant);
            query.setString(2, delivery);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(new String(row.getBytes("payload"), StandardCharsets.UTF_8)).isEqualTo(body);
                assertThat(row.getString("outcome")).isEqualTo("ACCEPTED");
                assertThat(row.getBoolean("signature_valid")).isTrue();
                assertThat(row.getString("event_type")).isEqualTo("push");
                assertThat(row.getString("delivery")).isEqualTo(delivery);
                assertThat(row.getString("status")).isEqualTo("PENDING");
                assertThat(row.getString("queued_ref")).isEqualTo("refs/heads/main");
                assertThat(row.next()).isFalse();
            }
        }
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneEventAreAllAcknowledgedAndStoredOnce() throws Exception {
        String path = setUpEndpoint("github", secret);
        String body = "{\"action\":\"opened\"}";
        String delivery = UUID.randomUUID().toString();
        ExecutorService providers = Executors.newFixedThreadPool(25);
        List<Future<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            deliveries.add(providers.submit(() -> deliverGitHub(path, body, secret, delivery)));
        }
        for (Future<Integer> status : deliveries) {
            assertThat(status.get()).isEqualTo(200);
        }
        providers.shutdown();
        assertThat(count("select count(*) from integration_webhooks where tenant_id = '" + tenant
                + "' and provider_event_id = '" + delivery + "' and outcome = 'ACCEPTED'")).isEqualTo(1);
        assertThat(count("select count(*) from webhooks where tenant_id = '" + tenant + "'")).isEqualTo(1);
    }

    @Test
    void badMissingOrStaleSignaturesAreRejectedAuditedWithoutPayloadAndNotQueued() throws SQLException {
        String github = setUpEndpoint("github", secret);
        String body = "{\"a\":1}";
        assertThat(deliverGitHub(github, body, Secrets.newSecret(), UUID.randomUUID().toString())).isEqualTo(401);
        given().contentType(ContentType.JSON).body(body).header("X-GitHub-Delivery", "d").when().post(github)
                .then().statusCode(401).contentType("application/problem+json").body("detail", equalTo("missing_signature"));
        String modified = "{\"a\":2}";
        given().contentType(ContentType.JSON).body(modified).header("X-Hub-Signature-256", "sha256=" + hmacHex(secret, body))
                .when().post(github).then().statusCode(401).body("detail", equalTo("signature_mismatch"));

        String stripe = setUpEndpoint("stripe", secret);
        long stale = Instant.now().minusSeconds(3600).getEpochSecond();
        given().contentType(ContentType.JSON).body(body)
                .header("Stripe-Signature", "t=" + stale + ",v1=" + hmacHex(secret, stale + "." + body))
                .when().post(stripe).then().statusCode(401).body("detail", equalTo("timestamp_out_of_tolerance"));
        long now = Instant.now().getEpochSecond();
        given().contentType(ContentType.JSON).body("{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}")
                .header("Stripe-Signature", "t=" + now + ",v1=" + hmacHex(secret, now + ".{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}"))
                .when().post(stripe).then().statusCode(200);

        assertThat(count("select count(*) from integration_webhooks where tenant_id = '" + tenant
                + "' and outcome = 'REJECTED' and payload is null and signature_valid = false")).isEqualTo(4);
        assertThat(count("select count(*) from webhooks where tenant_id = '" + tenant + "'")).isEqualTo(1);
    }

    @Test
    void aSecretBeingRotatedVerifiesWithEitherTheOldOrTheNewSecret() {
        String next = Secrets.newSecret();
        String path = setUpEndpoint("github", secret, next);
        assertThat(deliverGitHub(path, "{\"n\":1}", secret, UUID.randomUUID().toString())).isEqualTo(200);
        assertThat(deliverGitHub(path, "{\"n\":2}", next, UUID.randomUUID().toString())).isEqualTo(200);
        assertThat(deliverGitHub(path, "{\"n\":3}", Secrets.newSecret(), UUID.randomUUID().toString())).isEqualTo(401);
    }

    @Test
    void unknownTooLargeAndWrongTypeAreAnsweredFastAndEnqueueNothing() throws SQLException {
        String path = setUpEndpoint("github", secret);
        given().contentType(ContentType.JSON).body("{}").when().post("/webhooks/in/" + RoutingTokens.newToken())
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").when().post("/webhooks/in/not-a-token").then().statusCode(404);
        String big = "{\"x\":\"" + "a".repeat(1_048_577) + "\"}";
        given().contentType(ContentType.JSON).body(big).header("X-Hub-Signature-256", "sha256=" + hmacHex(secret, big))
                .when().post(path).then().statusCode(413);
        given().contentType(ContentType.TEXT).body("hello").header("X-Hub-Signature-256", "sha256=" + hmacHex(secret, "hello"))
                .when().post(path).then().statusCode(415);
        assertThat(count("select count(*) from integration_webhooks where tenant_id = '" + tenant
                + "' and outcome = 'REJECTED' and payload is null and rejection_reason in ('body_too_large', 'unsupported_content_type')"))
                .isEqualTo(2);
        assertThat(count("select count(*) from webhooks where tenant_id = '" + tenant + "'")).isZero();
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("integration_webhooks_received_total").contains("reason=\"body_too_large\"")
                .contains("reason=\"unknown_token\"");
    }

    @Test
    void aTenantsRoutingTokenNeverTouchesAnotherTenantsRows() throws SQLException {
        String pathA = setUpEndpoint("github", secret);
        UUID venueB = UUID.randomUUID();
        String secretB = Secrets.newSecret();
        given().auth().oauth2(token(otherTenant, "write")).contentType(ContentType.JSON)
                .body("{\"apiKey\":\"" + Secrets.newSecret() + "\",\"webhookSecret\":\"" + secretB + "\"}")
                .when().put("/api/v1/venues/" + venueB + "/api-keys/github/default").then().statusCode(201);
        String pathB = given().auth().oauth2(token(otherTenant, "write")).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/venues/" + venueB + "/webhook-endpoints/github")
                .then().statusCode(201).extract().path("inboundPath");

        String delivery = UUID.randomUUID().toString();
        assertThat(deliverGitHub(pathA, "{\"to\":\"A\"}", secret, delivery)).isEqualTo(200);
        // B's secret on A's path is refused: the token decides the tenant, the tenant decides the secrets.
        assertThat(deliverGitHub(pathA, "{\"to\":\"A\"}", secretB, UUID.randomUUID().toString())).isEqualTo(401);
        // The same provider event id at B's endpoint is B's own event, not a duplicate of A's.
        assertThat(deliverGitHub(pathB, "{\"to\":\"B\"}", secretB, delivery)).isEqualTo(200);

        assertThat(count("select count(*) from integration_webhooks where provider_event_id = '" + delivery + "'"
                + " and outcome = 'ACCEPTED'")).isEqualTo(2);
        assertThat(count("select count(*) from integration_webhooks where provider_event_id = '" + delivery + "'"
                + " and ((tenant_id = '" + tenant + "' and venue_id = '" + venue + "' and convert_from(payload, 'UTF8') = '{\"to\":\"A\"}')"
                + " or (tenant_id = '" + otherTenant + "' and venue_id = '" + venueB + "' and convert_from(payload, 'UTF8') = '{\"to\":\"B\"}'))"))
                .isEqualTo(2);
        assertThat(count("select count(*) from integration_webhooks where tenant_id = '" + otherTenant + "'")).isEqualTo(1);
        assertThat(count("select count(*) from webhooks where tenant_id = '" + otherTenant + "'")).isEqualTo(1);
        assertThat(count("select count(*) from webhooks where tenant_id = '" + tenant + "'")).isEqualTo(1);
    }

    @Test
    void theEndpointApiIssuesRotatesAndHidesTheToken() {
        String path = setUpEndpoint("github", secret);
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/venues/" + venue + "/webhook-endpoints/github")
                .then().statusCode(200).body("inboundPath", nullValue()).body("enabled", equalTo(true));
        String rotated = given().auth().oauth2(token(tenant, "write")).when()
                .post("/api/v1/venues/" + venue + "/webhook-endpoints/github/rotate-token")
                .then().statusCode(200).extract().path("inboundPath");
        assertThat(rotated).isNotEqualTo(path);
        assertThat(deliverGitHub(path, "{}", secret, UUID.randomUUID().toString())).isEqualTo(404);
        assertThat(deliverGitHub(rotated, "{}", secret, UUID.randomUUID().toString())).isEqualTo(200);

        String endpoint = "/api/v1/venues/" + venue + "/webhook-endpoints/github";
        given().when().get(endpoint).then().statusCode(401);
        given().auth().oauth2(token(tenant, "read")).contentType(ContentType.JSON).body("{}").when().put(endpoint).then().statusCode(403);
        given().auth().oauth2(token(otherTenant, "read")).when().get(endpoint).then().statusCode(404);
        given().auth().oauth2(token(otherTenant, "write")).when().post(endpoint + "/rotate-token").then().statusCode(404);
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{\"subscriberUrl\":\"ftp://x\"}")
                .when().put(endpoint).then().statusCode(400).body("violations[0].field", equalTo("subscriberUrl"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{")
                .when().put(endpoint).then().statusCode(400);
        given().auth().oauth2(token(tenant, "read")).when().get("/api/v1/venues/nope/webhook-endpoints/github").then().statusCode(400);
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{}")
                .when().put("/api/v1/venues/" + venue + "/webhook-endpoints/square")
                .then().statusCode(400).body("detail", containsString("does not send signed webhooks"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body("{\"enabled\":false}")
                .when().put(endpoint).then().statusCode(200).body("enabled", equalTo(false));
        assertThat(deliverGitHub(rotated, "{}", secret, UUID.randomUUID().toString())).isEqualTo(404);
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = Database.superuser(); PreparedStatement query = db.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
