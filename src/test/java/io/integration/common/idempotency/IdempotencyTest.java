package io.integration.common.idempotency;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Idempotency-Key on the catalog's creating POST: replay, 422 on reuse, one row under concurrency, per tenant. */
@QuarkusTest
class IdempotencyTest {

    private static final String PATH = "/api/v1/integrations";

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    @Inject
    IdempotencyKeyPurge purge;

    private static String body(String name) {
        return "{\"name\":\"" + name + "\",\"provider\":\"stripe\",\"category\":\"PAYMENT\"}";
    }

    private Response post(UUID owner, String key, String body) {
        return given().auth().oauth2(token(owner, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, key)
                .body(body)
                .when().post(PATH)
                .then().extract().response();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponse() throws SQLException {
        String key = "create-" + UUID.randomUUID();
        Response first = post(tenant, key, body("Stripe EU"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header(IdempotencyFilters.REPLAYED_HEADER)).isNull();

        Response again = post(tenant, key, body("Stripe EU"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header(IdempotencyFilters.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.contentType()).startsWith("application/json");

        assertThat(integrationIds(tenant)).containsExactly(UUID.fromString(first.path("id")));
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select status, response_status, expires_at > now()"
                        + " + interval '23 hours' as kept_a_day from idempotency_keys where tenant_id = ? and idempotency_key = ?")) {
            query.setObject(1, tenant);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("COMPLETED");
                assertThat(row.getInt("response_status")).isEqualTo(201);
                assertThat(row.getBoolean("kept_a_day")).isTrue();
            }
        }
        // Without a key, nothing is deduplicated: the same body is a new request (here a 409 duplicate).
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body("Stripe EU"))
                .when().post(PATH).then().statusCode(409);
    }

    @Test
    void aRetriedConnectWithTheSameKeyReplaysAndLogsOnce() throws SQLException {
        String integration = post(tenant, "setup-" + UUID.randomUUID(), body("Stripe for connect")).path("id");
        String key = "connect-" + UUID.randomUUID();
        String connect = "{\"venueId\":\"" + UUID.randomUUID() + "\",\"credentials\":{\"apiKey\":\""
                + io.integration.support.Secrets.newSecret() + "\"}}";
        Response first = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, key).body(connect)
                .when().post("/api/v1/integrations/" + integration + "/connections");
        Response again = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, key).body(connect)
                .when().post("/api/v1/integrations/" + integration + "/connections");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header(IdempotencyFilters.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.<Integer>path("tokenVersion")).isEqualTo(1);
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select count(*) from integration_activity_logs"
                        + " where connection_id = ?::uuid and action = 'CONNECTED'")) {
            query.setString(1, first.path("id"));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("the replay did not run the connect again").isEqualTo(1);
            }
        }
    }

    @Test
    void theSameKeyWithADifferentBodyIsUnprocessable() {
        String key = "create-" + UUID.randomUUID();
        assertThat(post(tenant, key, body("First")).statusCode()).isEqualTo(201);

        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, key)
                .body(body("Second"))
                .when().post(PATH)
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("different request"));
        // The same bytes with the JSON members reordered are different bytes: also a 422.
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, key)
                .body("{\"provider\":\"stripe\",\"name\":\"First\",\"category\":\"PAYMENT\"}")
                .when().post(PATH)
                .then().statusCode(422);
        assertThat(integrationIds(tenant)).hasSize(1);
    }

    @Test
    void twentyParallelIdenticalCreatesWithOneKeyCreateOneRow() throws Exception {
        String key = "burst-" + UUID.randomUUID();
        String body = body("Burst");
        String writer = token(tenant, "write");
        int parallel = 20;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < parallel; i++) {
                Callable<Response> call = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return given().auth().oauth2(writer).contentType(ContentType.JSON)
                            .header(IdempotencyFilters.KEY_HEADER, key).body(body)
                            .when().post(PATH).then().extract().response();
                };
                futures.add(pool.submit(call));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }

            List<UUID> rows = integrationIds(tenant);
            assertThat(rows).hasSize(1);
            List<Response> executed = responses.stream()
                    .filter(r -> r.statusCode() == 201 && r.header(IdempotencyFilters.REPLAYED_HEADER) == null).toList();
            assertThat(executed).hasSize(1);
            for (Response response : responses) {
                // Losers replay the winner's response, or (if it took longer than the wait) are told to retry.
                assertThat(response.statusCode()).isIn(201, 409);
                if (response.statusCode() == 201) {
                    assertThat(UUID.fromString(response.path("id"))).isEqualTo(rows.get(0));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyOfOneTenantDoesNotReplayForAnother() {
        String key = "shared-" + UUID.randomUUID();
        Response mine = post(tenant, key, body("Same name"));
        Response theirs = post(otherTenant, key, body("Same name"));

        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.header(IdempotencyFilters.REPLAYED_HEADER)).isNull();
        assertThat((String) theirs.path("id")).isNotEqualTo(mine.path("id"));
        assertThat(integrationIds(tenant)).containsExactly(UUID.fromString(mine.path("id")));
        assertThat(integrationIds(otherTenant)).containsExactly(UUID.fromString(theirs.path("id")));
        // And the other tenant's different body under the same key is no 422 for us.
        assertThat(post(tenant, key, body("Same name")).header(IdempotencyFilters.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void aFailedRequestFreesItsKeyForACorrectedRetry() {
        String key = "fix-" + UUID.randomUUID();
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, key)
                .body("{\"name\":\"\",\"provider\":\"stripe\",\"category\":\"PAYMENT\"}")
                .when().post(PATH)
                .then().statusCode(400);
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, key)
                .body("{\"name\":\"x\",\"provider\":\"acme-unknown\",\"category\":\"PAYMENT\"}")
                .when().post(PATH)
                .then().statusCode(400);
        Response fixed = post(tenant, key, body("Fixed"));
        assertThat(fixed.statusCode()).isEqualTo(201);
        assertThat(fixed.header(IdempotencyFilters.REPLAYED_HEADER)).isNull();
        assertThat(keyCount(tenant)).isEqualTo(1);
    }

    @Test
    void invalidKeysAndUnauthorizedCallersClaimNothing() {
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, "k".repeat(256)).body(body("Long key"))
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, "").body(body("Empty key"))
                .when().post(PATH)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).header(IdempotencyFilters.KEY_HEADER, "anon-" + UUID.randomUUID())
                .body(body("Anonymous"))
                .when().post(PATH)
                .then().statusCode(401);
        given().auth().oauth2(token(tenant, "read")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, "reader-" + UUID.randomUUID()).body(body("Reader"))
                .when().post(PATH)
                .then().statusCode(403);
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .header(IdempotencyFilters.KEY_HEADER, "bad-json").body("{\"name\":")
                .when().post(PATH)
                .then().statusCode(400).body("detail", containsString("not valid JSON"));
        assertThat(keyCount(tenant)).isZero();
        assertThat(integrationIds(tenant)).isEmpty();
        given().auth().oauth2(token(tenant, "read")).when().get(PATH)
                .then().statusCode(200).body("nextCursor", nullValue());
    }

    @Test
    void expiredKeysAreReusableAndPurged() throws SQLException {
        String key = "old-" + UUID.randomUUID();
        assertThat(post(tenant, key, body("Old"))).extracting(Response::statusCode).isEqualTo(201);
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update idempotency_keys set expires_at = now() - interval '1 second'"
                    + " where tenant_id = '" + tenant + "'");
        }
        // Past its TTL the key is a new request: a different body is accepted, not a 422.
        Response reused = post(tenant, key, body("New"));
        assertThat(reused.statusCode()).isEqualTo(201);
        assertThat(reused.header(IdempotencyFilters.REPLAYED_HEADER)).isNull();
        assertThat(integrationIds(tenant)).hasSize(2);

        try (Connection db = Database.superuser()) {
            Database.execute(db, "update idempotency_keys set expires_at = now() - interval '1 second'"
                    + " where tenant_id = '" + tenant + "'");
        }
        purge.purgeExpiredKeys().await().atMost(java.time.Duration.ofSeconds(10));
        assertThat(keyCount(tenant)).isZero();
    }

    private static List<UUID> integrationIds(UUID owner) {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select id from integrations where tenant_id = ?")) {
            query.setObject(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add((UUID) rows.getObject(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static long keyCount(UUID owner) {
        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement("select count(*) from idempotency_keys where tenant_id = ?")) {
            query.setObject(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
