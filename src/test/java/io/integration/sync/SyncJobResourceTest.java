package io.integration.sync;

import static io.integration.support.TestTokens.token;
import static io.integration.sync.SyncFixtures.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The tenant's sync job and sync log API: enqueue, list, read, cancel, history; roles and tenant isolation. */
@QuarkusTest
class SyncJobResourceTest {

    private static final String JOBS = "/api/v1/sync-jobs";
    private static final String DEFAULT_PROVIDER = "square";

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();

    private ValidatableResponse enqueue(String body) {
        return given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).body(body)
                .when().post(JOBS).then();
    }

    private String createDefaultJob(String syncType) {
        return enqueue("{\"venueId\":\"" + venue + "\",\"provider\":\"" + DEFAULT_PROVIDER + "\",\"syncType\":\"" + syncType
                + "\",\"payload\":{\"since\":\"2026-11-01\"}}")
                .statusCode(201).extract().path("id");
    }

    @Test
    void enqueueCreatesAPendingJobDueNow() throws Exception {
        String id = enqueue("{\"venueId\":\"" + venue + "\",\"provider\":\"square\",\"syncType\":\"FULL\",\"priority\":5,"
                + "\"payload\":{\"since\":\"2026-11-01\"}}")
                .statusCode(201)
                .header("Location", containsString("/api/v1/sync-jobs/"))
                .body("venueId", equalTo(venue.toString()))
                .body("provider", equalTo("square"))
                .body("syncType", equalTo("FULL"))
                .body("status", equalTo("PENDING"))
                .body("priority", equalTo(5))
                .body("attempts", equalTo(0))
                .body("maxAttempts", equalTo(5))
                .body("payload.since", equalTo("2026-11-01"))
                .body("nextAttemptAt", notNullValue())
                .extract().path("id");
        given().auth().oauth2(token(tenant, "read")).when().get(JOBS + "/" + id).then()
                .statusCode(200).body("id", equalTo(id)).body("status", equalTo("PENDING"));
        assertThat(SyncFixtures.strings("select tenant_id || ' ' || status || ' ' || priority from sync_queue where id = '" + id + "'"))
                .containsExactly(tenant + " PENDING 5");
    }

    @Test
    void enqueueWithAnIdempotencyKeyEnqueuesOnce() throws Exception {
        String body = "{\"venueId\":\"" + venue + "\",\"provider\":\"square\",\"syncType\":\"INCREMENTAL\"}";
        String first = given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).header("Idempotency-Key", "sync-1")
                .body(body).when().post(JOBS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON).header("Idempotency-Key", "sync-1")
                .body(body).when().post(JOBS).then().statusCode(201).body("id", equalTo(first))
                .header("Idempotent-Replayed", "true");
        assertThat(count("select count(*) from sync_queue where tenant_id = '" + tenant + "'")).isEqualTo(1);
    }

    @Test
    void invalidEnqueueRequestsAre400AndWriteNothing() throws Exception {
        enqueue("{\"venueId\":\"" + venue + "\",\"provider\":\"nosuchprovider\",\"syncType\":\"FULL\"}")
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("nosuchprovider"));
        enqueue("{\"venueId\":\"" + venue + "\",\"provider\":\"square\",\"syncType\":\"SOMETIMES\"}")
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("syncType"));
        enqueue("{\"provider\":\"square\",\"syncType\":\"FULL\"}")
                .statusCode(400).body("violations[0].field", equalTo("venueId"));
        enqueue("{\"venueId\":\"not-a-uuid\",\"provider\":\"square\",\"syncType\":\"FULL\"}")
                .statusCode(400).body("detail", containsString("venueId"));
        enqueue("{\"venueId\":\"" + venue + "\",\"provider\":\"square\",\"syncType\":\"FULL\",\"priority\":1000}")
                .statusCode(400).body("violations[0].field", equalTo("priority"));
        enqueue("{\"venueId\":\"" + venue + "\",\"provider\":\"square\",\"syncType\":\"FULL\",\"payload\":[1,2]}")
                .statusCode(400).contentType("application/problem+json");
        assertThat(count("select count(*) from sync_queue where tenant_id = '" + tenant + "'")).isZero();
    }

    @Test
    void everyEndpointWantsATokenAndTheRightRole() {
        String id = createDefaultJob("FULL");
        given().contentType(ContentType.JSON).body("{}").when().post(JOBS).then().statusCode(401)
                .contentType("application/problem+json");
        given().when().get(JOBS).then().statusCode(401);
        given().when().get(JOBS + "/" + id).then().statusCode(401);
        given().when().post(JOBS + "/" + id + "/cancel").then().statusCode(401);
        given().when().get("/api/v1/sync-logs").then().statusCode(401);
        given().auth().oauth2(token(tenant, "read")).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + venue + "\",\"provider\":\"square\",\"syncType\":\"FULL\"}")
                .when().post(JOBS).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token(tenant, "read")).when().post(JOBS + "/" + id + "/cancel").then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get(JOBS).then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get("/api/v1/sync-logs").then().statusCode(403);
        // Tenant users cannot act as workers.
        given().auth().oauth2(token(tenant, "admin")).contentType(ContentType.JSON)
                .body("{\"workerId\":\"w\",\"providers\":[\"square\"]}").when().post(JOBS + "/claim").then().statusCode(403);
        given().auth().oauth2(token(tenant, "admin")).contentType(ContentType.JSON).body("{\"workerId\":\"w\"}")
                .when().post(JOBS + "/" + id + "/complete").then().statusCode(403);
    }

    @Test
    void anotherTenantsJobIsNotFound() {
        String id = createDefaultJob("FULL");
        UUID stranger = UUID.randomUUID();
        given().auth().oauth2(token(stranger, "read")).when().get(JOBS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token(stranger, "write")).when().post(JOBS + "/" + id + "/cancel").then().statusCode(404);
        given().auth().oauth2(token(stranger, "read")).when().get(JOBS).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(token(stranger, "read")).queryParam("jobId", id).when().get("/api/v1/sync-logs").then()
                .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(token(tenant, "read")).when().get(JOBS + "/" + id).then().statusCode(200);
    }

    @Test
    void listFiltersAndPaginates() {
        createDefaultJob("FULL");
        createDefaultJob("INCREMENTAL");
        createDefaultJob("INCREMENTAL");
        enqueue("{\"venueId\":\"" + UUID.randomUUID() + "\",\"provider\":\"hubspot\",\"syncType\":\"FULL\"}").statusCode(201);
        String token = token(tenant, "read");
        given().auth().oauth2(token).when().get(JOBS).then().statusCode(200).body("items", hasSize(4));
        given().auth().oauth2(token).queryParam("venueId", venue.toString()).when().get(JOBS).then().body("items", hasSize(3));
        given().auth().oauth2(token).queryParam("provider", "hubspot").when().get(JOBS).then().body("items", hasSize(1));
        given().auth().oauth2(token).queryParam("syncType", "incremental").when().get(JOBS).then().body("items", hasSize(2));
        given().auth().oauth2(token).queryParam("status", "PENDING").when().get(JOBS).then().body("items", hasSize(4));
        given().auth().oauth2(token).queryParam("status", "RUNNING").when().get(JOBS).then().body("items", hasSize(0));
        String next = given().auth().oauth2(token).queryParam("limit", 3).when().get(JOBS).then()
                .body("items", hasSize(3)).body("nextCursor", notNullValue()).extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 3).queryParam("cursor", next).when().get(JOBS).then()
                .body("items", hasSize(1)).body("nextCursor", nullValue());
        given().auth().oauth2(token).queryParam("status", "SOON").when().get(JOBS).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("status"));
        given().auth().oauth2(token).queryParam("venueId", "x").when().get(JOBS).then().statusCode(400);
        given().auth().oauth2(token).queryParam("cursor", "garbage").when().get(JOBS).then().statusCode(400);
        given().auth().oauth2(token).when().get(JOBS + "/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(token).when().get(JOBS + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(token).queryParam("status", "LOST").when().get("/api/v1/sync-logs").then().statusCode(400);
        given().auth().oauth2(token).queryParam("jobId", "x").when().get("/api/v1/sync-logs").then().statusCode(400);
    }

    @Test
    void cancelAPendingJob() throws Exception {
        String id = createDefaultJob("FULL");
        given().auth().oauth2(token(tenant, "write")).when().post(JOBS + "/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("finishedAt", notNullValue());
        given().auth().oauth2(token(tenant, "write")).when().post(JOBS + "/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("CANCELLED"));
        // Nothing ran, so there is no attempt in the history.
        assertThat(count("select count(*) from sync_logs where sync_job_id = '" + id + "'")).isZero();
    }
}
