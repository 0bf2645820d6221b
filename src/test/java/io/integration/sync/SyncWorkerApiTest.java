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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The external worker API end to end over HTTP: a system-role worker claims, heartbeats, completes and fails jobs. */
@QuarkusTest
class SyncWorkerApiTest {

    private static final String JOBS = "/api/v1/sync-jobs";
    // No other test enqueues shopify jobs, and ours have the highest priority: a claim of one job gets ours.
    private static final String PROVIDER = "shopify";

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String system = token(UUID.randomUUID(), "system");

    private String enqueue() {
        return given().auth().oauth2(token(tenant, "write")).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + venue + "\",\"provider\":\"" + PROVIDER + "\",\"syncType\":\"INCREMENTAL\",\"priority\":100,"
                        + "\"payload\":{\"scope\":\"orders\"}}")
                .when().post(JOBS).then().statusCode(201).extract().path("id");
    }

    private ValidatableResponse worker(String path, String body) {
        return given().auth().oauth2(system).contentType(ContentType.JSON).body(body).when().post(JOBS + path).then();
    }

    private ValidatableResponse claim(String workerId) {
        return worker("/claim", "{\"workerId\":\"" + workerId + "\",\"providers\":[\"" + PROVIDER + "\"],\"limit\":1,\"leaseSeconds\":30}")
                .statusCode(200);
    }

    @AfterEach
    void cancelLeftovers() throws Exception {
        SyncFixtures.execute("update sync_queue set status = 'CANCELLED', lease_owner = null where tenant_id = '" + tenant
                + "' and status in ('PENDING', 'RUNNING')");
    }

    @Test
    void aWorkerClaimsHeartbeatsAndCompletesAJobIdempotently() {
        String id = enqueue();
        claim("ext-1")
                .body("jobs", hasSize(1))
                .body("jobs[0].id", equalTo(id))
                .body("jobs[0].tenantId", equalTo(tenant.toString()))
                .body("jobs[0].venueId", equalTo(venue.toString()))
                .body("jobs[0].provider", equalTo(PROVIDER))
                .body("jobs[0].syncType", equalTo("INCREMENTAL"))
                .body("jobs[0].payload.scope", equalTo("orders"))
                .body("jobs[0].attempt", equalTo(1))
                .body("jobs[0].leaseExpiresAt", notNullValue())
                .body("jobs[0].cursor", nullValue());
        // Nothing else of this venue and provider is handed out while it runs.
        String queued = enqueue();
        claim("ext-2").body("jobs", hasSize(0));

        worker("/" + id + "/heartbeat", "{\"workerId\":\"ext-1\",\"progress\":{\"page\":2}}").statusCode(200)
                .body("jobId", equalTo(id)).body("leaseExpiresAt", notNullValue());
        given().auth().oauth2(token(tenant, "read")).when().get(JOBS + "/" + id).then().statusCode(200)
                .body("status", equalTo("RUNNING")).body("leaseOwner", equalTo("ext-1")).body("progress.page", equalTo(2));
        worker("/" + id + "/heartbeat", "{\"workerId\":\"ext-2\"}").statusCode(409).contentType("application/problem+json");
        worker("/" + id + "/complete", "{\"workerId\":\"ext-2\"}").statusCode(409)
                .body("detail", containsString("another worker holds it"));

        String complete = "{\"workerId\":\"ext-1\",\"recordsFetched\":120,\"recordsCreated\":100,\"recordsUpdated\":15,"
                + "\"recordsDeleted\":5,\"recordsFailed\":0,\"cursor\":\"2026-11-23T10:00:00Z\"}";
        String logId = worker("/" + id + "/complete", complete).statusCode(200)
                .body("jobId", equalTo(id)).body("jobStatus", equalTo("SUCCEEDED"))
                .body("log.status", equalTo("SUCCEEDED")).body("log.workerId", equalTo("ext-1"))
                .body("log.records.fetched", equalTo(120)).body("log.records.deleted", equalTo(5))
                .extract().path("log.id");
        worker("/" + id + "/complete", complete).statusCode(200).body("log.id", equalTo(logId));
        given().auth().oauth2(token(tenant, "read")).queryParam("jobId", id).when().get("/api/v1/sync-logs").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(logId))
                .body("items[0].records.created", equalTo(100)).body("items[0].attempt", equalTo(1))
                .body("items[0].startedAt", notNullValue()).body("items[0].finishedAt", notNullValue());

        // The next job of the venue starts from the reported cursor; a retryable failure sends it back with backoff.
        claim("ext-1").body("jobs[0].id", equalTo(queued)).body("jobs[0].cursor", equalTo("2026-11-23T10:00:00Z"));
        worker("/" + queued + "/fail", "{\"workerId\":\"ext-1\",\"error\":\"provider answered 503\",\"retryable\":true}")
                .statusCode(200).body("jobStatus", equalTo("PENDING")).body("nextAttemptAt", notNullValue())
                .body("log.status", equalTo("FAILED")).body("log.error", equalTo("provider answered 503"));
        worker("/" + queued + "/fail", "{\"workerId\":\"ext-1\",\"error\":\"again\",\"retryable\":true}").statusCode(409);
    }

    @Test
    void cancellingARunningJobTakesTheLeaseAwayFromItsWorker() throws Exception {
        String id = enqueue();
        claim("ext-1").body("jobs[0].id", equalTo(id));
        given().auth().oauth2(token(tenant, "write")).when().post(JOBS + "/" + id + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("leaseOwner", nullValue());
        worker("/" + id + "/complete", "{\"workerId\":\"ext-1\"}").statusCode(409)
                .body("detail", containsString("CANCELLED"));
        worker("/" + id + "/heartbeat", "{\"workerId\":\"ext-1\"}").statusCode(409);
        given().auth().oauth2(token(tenant, "read")).queryParam("jobId", id).queryParam("status", "CANCELLED")
                .when().get("/api/v1/sync-logs").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].workerId", equalTo("ext-1"));
        given().auth().oauth2(token(tenant, "write")).when().post(JOBS + "/" + id + "/cancel").then().statusCode(409);
        assertThat(count("select count(*) from sync_logs where sync_job_id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void invalidWorkerRequestsAre400() {
        String id = enqueue();
        worker("/claim", "{\"workerId\":\"w\",\"providers\":[]}").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("providers"));
        worker("/claim", "{\"workerId\":\"w\",\"providers\":[\"nosuchprovider\"]}").statusCode(400)
                .body("detail", containsString("nosuchprovider"));
        worker("/claim", "{\"workerId\":\"w\",\"providers\":[\"shopify\"],\"leaseSeconds\":999999}").statusCode(400)
                .body("detail", containsString("leaseSeconds"));
        worker("/claim", "{\"workerId\":\"w\",\"providers\":[\"shopify\"],\"limit\":0}").statusCode(400);
        worker("/claim", "{\"workerId\":\"not valid!\",\"providers\":[\"shopify\"]}").statusCode(400)
                .body("violations[0].field", equalTo("workerId"));
        worker("/claim", "{\"providers\":[\"shopify\"]}").statusCode(400);
        worker("/" + id + "/complete", "{\"workerId\":\"w\",\"recordsFetched\":-1}").statusCode(400)
                .body("violations[0].field", equalTo("recordsFetched"));
        worker("/" + id + "/fail", "{\"workerId\":\"w\",\"error\":\"x\"}").statusCode(400)
                .body("violations[0].field", equalTo("retryable"));
        worker("/" + id + "/fail", "{\"workerId\":\"w\",\"retryable\":true}").statusCode(400);
        worker("/not-a-uuid/complete", "{\"workerId\":\"w\"}").statusCode(400);
        worker("/" + UUID.randomUUID() + "/complete", "{\"workerId\":\"w\"}").statusCode(404);
        worker("/" + id + "/complete", "{\"workerId\":\"w\"}").statusCode(409).body("detail", containsString("PENDING"));
        given().contentType(ContentType.JSON).body("{\"workerId\":\"w\",\"providers\":[\"shopify\"]}")
                .when().post(JOBS + "/claim").then().statusCode(401);
    }
}
