package io.integration.credential.rotation;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.integration.credential.envelope.EnvelopeEncryptor;
import io.integration.support.Database;
import io.integration.support.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Key rotation end to end: activate a new version, re-wrap every stored data key while the API serves reads and
 * writes, resume after a replica dies mid-way, and retire the old version only once nothing uses it.
 */
@QuarkusTest
class KeyRotationTest {

    private static final String ADMIN = "/api/v1/admin/kms";
    private static final UUID PLATFORM = UUID.randomUUID();

    @Inject
    KeyRotationJob job;

    @Inject
    EnvelopeEncryptor encryptor;

    /** Stores one key per (tenant, venue) and remembers the plaintext that was written. */
    private final Map<String, String> written = new ConcurrentHashMap<>();

    private String system() {
        return token(PLATFORM, "system");
    }

    private String keyPath(UUID venue) {
        return "/api/v1/venues/" + venue + "/api-keys/stripe/default";
    }

    private void store(UUID tenant, UUID venue) {
        String secret = Secrets.newSecret();
        int status = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"apiKey\":\"" + secret + "\",\"webhookSecret\":\"" + Secrets.newSecret() + "\"}")
                .when().put(keyPath(venue)).statusCode();
        assertThat(status).isIn(200, 201);
        written.put(tenant + "/" + venue, secret);
    }

    private String reveal(UUID tenant, UUID venue) {
        return given().auth().oauth2(token(tenant, "secrets")).when().post(keyPath(venue) + "/reveal")
                .then().statusCode(200).extract().path("apiKey");
    }

    private String activeKey() {
        List<Map<String, Object>> keys = given().auth().oauth2(system()).when().get(ADMIN + "/keys")
                .then().statusCode(200).extract().path("");
        return keys.stream().filter(k -> "ACTIVE".equals(k.get("state"))).map(k -> (String) k.get("keyRef"))
                .findFirst().orElseThrow();
    }

    private String nextKey(String active) {
        int version = Integer.parseInt(active.substring(active.indexOf(':') + 1));
        return "test:" + (version + 1);
    }

    private void activate(String keyRef) {
        given().auth().oauth2(system()).contentType(ContentType.JSON).body("{\"keyRef\":\"" + keyRef + "\"}")
                .when().post(ADMIN + "/keys/active")
                .then().statusCode(200).body("state", equalTo("ACTIVE"));
    }

    private String startRotation() {
        return given().auth().oauth2(system()).when().post(ADMIN + "/rotations")
                .then().statusCode(202).body("status", equalTo("RUNNING")).extract().path("id");
    }

    private void runToCompletion(String runId) {
        runUntilFinished(runId);
        assertThat(runStatus(runId)).isEqualTo("COMPLETED");
    }

    private void runUntilFinished(String runId) {
        for (int i = 0; i < 100 && "RUNNING".equals(runStatus(runId)); i++) {
            job.work(1_000).await().indefinitely();
        }
    }

    private String runStatus(String runId) {
        return given().auth().oauth2(system()).when().get(ADMIN + "/rotations/" + runId)
                .then().statusCode(200).extract().path("status");
    }

    @Test
    void rotationUnderLoadMovesEveryRowToTheNewVersionAndLosesNothing() throws Exception {
        List<UUID> tenants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID[]> keys = new ArrayList<>();
        for (UUID tenant : tenants) {
            for (int v = 0; v < 30; v++) {
                UUID venue = UUID.randomUUID();
                store(tenant, venue);
                keys.add(new UUID[] {tenant, venue});
            }
        }
        String oldKey = activeKey();
        String newKey = nextKey(oldKey);
        activate(newKey);
        String runId = startRotation();
        given().auth().oauth2(system()).when().post(ADMIN + "/rotations").then().statusCode(409);
        given().auth().oauth2(system()).when().post(ADMIN + "/keys/" + oldKey + "/retire")
                .then().statusCode(409).body("detail", containsString("rows still have data keys"));

        // Readers and writers of three tenants keep going while the job re-wraps batch by batch.
        AtomicBoolean rotating = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            load.add(clients.submit(() -> {
                int i = client;
                while (rotating.get()) {
                    UUID[] key = keys.get(i % keys.size());
                    try {
                        if (i % 3 == 0) {
                            store(key[0], key[1]);
                        } else {
                            String expected = written.get(key[0] + "/" + key[1]);
                            String actual = reveal(key[0], key[1]);
                            if (!actual.startsWith(Secrets.PREFIX)) {
                                failures.add("reveal returned something that is not a secret of the test");
                            } else if (!actual.equals(expected) && written.get(key[0] + "/" + key[1]).equals(expected)) {
                                // A concurrent writer may have replaced it between our read of 'written' and the reveal.
                                failures.add("reveal of " + key[1] + " returned a stale value");
                            }
                        }
                    } catch (AssertionError | RuntimeException e) {
                        failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    i += 8;
                }
            }));
        }
        runToCompletion(runId);
        rotating.set(false);
        for (Future<?> f : load) {
            f.get();
        }
        clients.shutdown();
        assertThat(failures).isEmpty();

        // Nothing is left on the old version; every blob's header names the new one; every value reads back.
        try (Connection db = Database.superuser(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select kms_key_id, api_key_encrypted, webhook_secret_encrypted"
                        + " from venue_api_keys where tenant_id in ('" + tenants.get(0) + "', '" + tenants.get(1) + "', '"
                        + tenants.get(2) + "')")) {
            while (rows.next()) {
                assertThat(rows.getString("kms_key_id")).isEqualTo(newKey);
                assertThat(encryptor.keyRefOf(rows.getBytes("api_key_encrypted")).toString()).isEqualTo(newKey);
                assertThat(encryptor.keyRefOf(rows.getBytes("webhook_secret_encrypted")).toString()).isEqualTo(newKey);
            }
        }
        for (UUID[] key : keys) {
            assertThat(reveal(key[0], key[1])).isEqualTo(written.get(key[0] + "/" + key[1]));
        }
        // Each affected tenant's activity log records the rotation.
        for (UUID tenant : tenants) {
            assertThat(count("select count(*) from integration_activity_logs where tenant_id = '" + tenant
                    + "' and action = 'KEY_ROTATED' and details->>'targetKey' = '" + newKey + "'")).isEqualTo(1);
        }

        // Now the old version can be retired, and is then refused.
        given().auth().oauth2(system()).when().post(ADMIN + "/keys/" + oldKey + "/retire")
                .then().statusCode(200).body("state", equalTo("RETIRED"));
        given().auth().oauth2(system()).contentType(ContentType.JSON).body("{\"keyRef\":\"" + oldKey + "\"}")
                .when().post(ADMIN + "/keys/active").then().statusCode(400).body("detail", containsString("retired"));
        given().auth().oauth2(system()).when().post(ADMIN + "/keys/" + newKey + "/retire")
                .then().statusCode(409).body("detail", containsString("active"));
    }

    @Test
    void aRunAbandonedByADeadReplicaIsResumedAfterItsLeaseExpires() throws SQLException {
        UUID tenant = UUID.randomUUID();
        List<UUID> venues = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            UUID venue = UUID.randomUUID();
            store(tenant, venue);
            venues.add(venue);
        }
        String newKey = nextKey(activeKey());
        activate(newKey);
        String runId = startRotation();

        // This replica does two batches (40 rows each), then "dies": its lease is handed to a replica that never returns.
        assertThat(job.work(2).await().indefinitely()).isEqualTo(2);
        try (Connection db = Database.superuser()) {
            Database.execute(db, "update key_rotation_runs set lease_owner = 'dead-replica',"
                    + " lease_expires_at = now() + interval '1 hour' where id = '" + runId + "'");
        }
        long leftBehind = count("select count(*) from venue_api_keys where kms_key_id <> '" + newKey + "'");
        assertThat(leftBehind).isPositive();
        assertThat(job.work(1_000).await().indefinitely()).as("a live lease is respected").isZero();
        assertThat(runStatus(runId)).isEqualTo("RUNNING");

        try (Connection db = Database.superuser()) {
            Database.execute(db, "update key_rotation_runs set lease_expires_at = now() - interval '1 second'"
                    + " where id = '" + runId + "'");
        }
        runToCompletion(runId);

        assertThat(count("select count(*) from venue_api_keys where kms_key_id <> '" + newKey + "'")).isZero();
        Response run = given().auth().oauth2(system()).when().get(ADMIN + "/rotations/" + runId);
        assertThat(run.<Integer>path("rowsRewrapped")).isGreaterThanOrEqualTo(venues.size());
        for (UUID venue : venues) {
            assertThat(reveal(tenant, venue)).isEqualTo(written.get(tenant + "/" + venue));
        }
    }

    @Test
    void aRowWhoseDataKeyDoesNotUnwrapIsReportedAndDoesNotBlockTheRest() throws SQLException {
        UUID tenant = UUID.randomUUID();
        UUID healthy = UUID.randomUUID();
        UUID broken = UUID.randomUUID();
        store(tenant, healthy);
        store(tenant, broken);
        try (Connection db = Database.superuser()) {
            // A ciphertext moved to another row: its wrapped data key no longer authenticates under that row's context.
            Database.execute(db, "update venue_api_keys set api_key_encrypted = (select api_key_encrypted from venue_api_keys"
                    + " where venue_id = '" + healthy + "') where venue_id = '" + broken + "'");
        }
        String oldKey = activeKey();
        String newKey = nextKey(oldKey);
        activate(newKey);
        String runId = startRotation();
        runUntilFinished(runId);

        Response run = given().auth().oauth2(system()).when().get(ADMIN + "/rotations/" + runId);
        assertThat(run.<String>path("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        List<Map<String, Object>> failed = run.path("failedRows");
        assertThat(failed).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("table", "venue_api_keys").containsEntry("tenant", tenant.toString());
            assertThat((String) row.get("reason")).contains("does not authenticate").doesNotContain(Secrets.PREFIX);
        });
        assertThat(count("select count(*) from venue_api_keys where venue_id = '" + healthy + "' and kms_key_id = '"
                + newKey + "'")).isEqualTo(1);
        assertThat(reveal(tenant, healthy)).isEqualTo(written.get(tenant + "/" + healthy));
        // The broken row still names the old version, so that version cannot be retired yet.
        given().auth().oauth2(system()).when().post(ADMIN + "/keys/" + oldKey + "/retire")
                .then().statusCode(409).body("detail", containsString("1 rows"));
        try (Connection db = Database.superuser()) {
            Database.execute(db, "delete from venue_api_keys where venue_id = '" + broken + "'");
        }
    }

    @Test
    void adminEndpointsNeedTheSystemRole() {
        given().when().get(ADMIN + "/keys").then().statusCode(401);
        given().auth().oauth2(token(UUID.randomUUID(), "admin")).when().get(ADMIN + "/keys").then().statusCode(403);
        given().auth().oauth2(token(UUID.randomUUID(), "admin", "secrets")).when().post(ADMIN + "/rotations")
                .then().statusCode(403);
        given().auth().oauth2(system()).contentType(ContentType.JSON).body("{\"keyRef\":\"nope\"}")
                .when().post(ADMIN + "/keys/active").then().statusCode(400).body("detail", containsString("<key id>:<version>"));
        given().auth().oauth2(system()).contentType(ContentType.JSON).body("{\"keyRef\":\"test:9\"}")
                .when().post(ADMIN + "/keys/active").then().statusCode(400).body("detail", containsString("holds no key"));
        given().auth().oauth2(system()).when().get(ADMIN + "/rotations/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(system()).when().get(ADMIN + "/rotations/xyz").then().statusCode(400);
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = Database.superuser(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
