package io.integration.cost;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.integration.health.HealthRecorder;
import io.integration.support.Telemetry;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CostResourceTest {

    private static final String PATH = "/api/v1/integration-costs";

    @Inject
    TenantTransactions transactions;
    @Inject
    HealthRecorder health;
    @Inject
    CostRecorder costs;

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final UUID otherVenue = UUID.randomUUID();

    /** hubspot costs 0.0001 USD a call, stripe nothing. */
    @BeforeEach
    void recordCalls() {
        Telemetry telemetry = new Telemetry(transactions, health, costs);
        telemetry.calls(tenant, venue, "hubspot", 7, Instant.parse("2026-09-10T00:00:00Z"));
        telemetry.calls(tenant, venue, "hubspot", 1500, Instant.parse("2026-10-10T00:00:00Z"));
        telemetry.calls(tenant, venue, "stripe", 40, Instant.parse("2026-10-11T00:00:00Z"));
        telemetry.calls(tenant, otherVenue, "hubspot", 3, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static RequestSpecification as(UUID owner, String... roles) {
        return given().auth().oauth2(token(owner, roles));
    }

    @Test
    void monthlyRowsWithExactDecimalStrings() {
        as(tenant, "read").queryParam("venueId", venue.toString()).queryParam("provider", "hubspot").when().get(PATH)
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.period", contains("2026-09", "2026-10"))
                .body("items.periodStart", contains("2026-09-01", "2026-10-01"))
                .body("items.periodEnd", contains("2026-09-30", "2026-10-31"))
                .body("items.apiCalls", contains(7, 1500))
                .body("items.cost", contains("0.000700", "0.150000"))
                .body("items.currency", contains("USD", "USD"));
    }

    @Test
    void theMonthRangeIsInclusiveAndPaged() {
        as(tenant, "read").queryParam("from", "2026-10").queryParam("to", "2026-10").when().get(PATH)
                .then().statusCode(200).body("items", hasSize(2)).body("items.provider", contains("hubspot", "stripe"));
        as(tenant, "read").queryParam("from", "2026-10").when().get(PATH)
                .then().statusCode(200).body("items", hasSize(3));
        as(tenant, "read").queryParam("to", "2026-09").when().get(PATH)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].period", equalTo("2026-09"));

        String cursor = as(tenant, "read").queryParam("limit", 3).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(3)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(tenant, "read").queryParam("limit", 3).queryParam("cursor", cursor).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].venueId", equalTo(otherVenue.toString()));
    }

    @Test
    void theSummaryTotalsPerProviderAndCurrency() {
        as(tenant, "read").when().get(PATH + "/summary")
                .then().statusCode(200)
                .body("from", nullValue())
                .body("byProvider.provider", contains("hubspot", "stripe"))
                .body("byProvider.apiCalls", contains(1510, 40))
                .body("byProvider.cost", contains("0.151000", "0.000000"))
                .body("byCurrency", hasSize(1))
                .body("byCurrency[0].currency", equalTo("USD"))
                .body("byCurrency[0].apiCalls", equalTo(1550))
                .body("byCurrency[0].cost", equalTo("0.151000"));
        as(tenant, "read").queryParam("from", "2026-10").queryParam("to", "2026-11").queryParam("venueId", venue.toString())
                .when().get(PATH + "/summary")
                .then().statusCode(200)
                .body("from", equalTo("2026-10")).body("to", equalTo("2026-11"))
                .body("byProvider.apiCalls", contains(1500, 40))
                .body("byCurrency[0].cost", equalTo("0.150000"));
        as(tenant, "read").queryParam("from", "2030-01").when().get(PATH + "/summary")
                .then().statusCode(200).body("byProvider", hasSize(0)).body("byCurrency", hasSize(0));
    }

    @Test
    void badInputIsAProblem() {
        for (String path : new String[] {PATH, PATH + "/summary"}) {
            as(tenant, "read").queryParam("from", "2026-13").when().get(path)
                    .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("YYYY-MM"));
            as(tenant, "read").queryParam("to", "October").when().get(path)
                    .then().statusCode(400).body("detail", containsString("'to'"));
            as(tenant, "read").queryParam("from", "2026-11").queryParam("to", "2026-10").when().get(path)
                    .then().statusCode(400).body("detail", containsString("must not be after"));
            as(tenant, "read").queryParam("venueId", "nope").when().get(path)
                    .then().statusCode(400).body("detail", containsString("venueId"));
        }
        as(tenant, "read").queryParam("cursor", "garbage").when().get(PATH).then().statusCode(400);
    }

    @Test
    void authenticationRolesAndTenants() {
        given().when().get(PATH).then().statusCode(401);
        given().when().get(PATH + "/summary").then().statusCode(401);
        as(tenant, "secrets").when().get(PATH).then().statusCode(403);
        as(tenant, "system").when().get(PATH + "/summary").then().statusCode(403);

        UUID other = UUID.randomUUID();
        as(other, "read").when().get(PATH).then().statusCode(200).body("items", hasSize(0));
        as(other, "read").when().get(PATH + "/summary").then().statusCode(200).body("byCurrency", hasSize(0));
        as(other, "read").queryParam("venueId", venue.toString()).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(0));
    }
}
