package io.integration.health;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.integration.cost.CostRecorder;
import io.integration.support.Telemetry;
import io.integration.tenancy.TenantTransactions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class IntegrationHealthResourceTest {

    private static final String PATH = "/api/v1/integration-health";

    @Inject
    TenantTransactions transactions;
    @Inject
    HealthRecorder health;
    @Inject
    CostRecorder costs;

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final UUID otherVenue = UUID.randomUUID();

    /** venue/stripe: 7 successes then 3 failures (DOWN); venue/hubspot: 1 success; otherVenue/stripe: 1 failure. */
    @BeforeEach
    void recordOutcomes() {
        Telemetry telemetry = new Telemetry(transactions, health, costs);
        for (long ms : new long[] {100, 120, 110, 130, 90, 100, 105}) {
            telemetry.outcome(tenant, venue, "stripe", true, ms, null);
        }
        for (long ms : new long[] {500, 700, 1000}) {
            telemetry.outcome(tenant, venue, "stripe", false, ms, "provider answered 503");
        }
        telemetry.outcome(tenant, venue, "hubspot", true, 42, null);
        telemetry.outcome(tenant, otherVenue, "stripe", false, 7, "could not connect to the provider at 127.0.0.1:1");
    }

    private static RequestSpecification as(UUID owner, String... roles) {
        return given().auth().oauth2(token(owner, roles));
    }

    @Test
    void oneVenuesProviderHasTheExactFigures() {
        as(tenant, "read").when().get(PATH + "/" + venue + "/stripe")
                .then().statusCode(200)
                .body("venueId", equalTo(venue.toString()))
                .body("provider", equalTo("stripe"))
                .body("status", equalTo("DOWN"))
                .body("successRate", equalTo(70.0f))
                .body("uptimePercentage", equalTo(70.0f))
                .body("windowSize", equalTo(10))
                .body("totalChecks", equalTo(10))
                .body("failedChecks", equalTo(3))
                .body("consecutiveFailures", equalTo(3))
                .body("avgResponseMs", equalTo(296))
                .body("lastError", equalTo("provider answered 503"))
                .body("lastSuccessAt", notNullValue())
                .body("lastFailureAt", notNullValue());
        as(tenant, "read").when().get(PATH + "/" + venue + "/hubspot")
                .then().statusCode(200).body("status", equalTo("HEALTHY")).body("successRate", equalTo(100.0f))
                .body("lastError", nullValue()).body("lastFailureAt", nullValue());
    }

    @Test
    void theListFiltersAndPages() {
        as(tenant, "read").when().get(PATH).then().statusCode(200).body("items", hasSize(3));
        as(tenant, "read").queryParam("venueId", venue.toString()).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(2));
        as(tenant, "read").queryParam("provider", "stripe").when().get(PATH)
                .then().statusCode(200).body("items", hasSize(2));
        as(tenant, "read").queryParam("status", "down").when().get(PATH)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].venueId", equalTo(venue.toString()));
        as(tenant, "read").queryParam("status", "DEGRADED").queryParam("provider", "stripe").when().get(PATH)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].venueId", equalTo(otherVenue.toString()))
                .body("items[0].lastError", equalTo("could not connect to the provider at 127.0.0.1:1"));

        String cursor = as(tenant, "read").queryParam("limit", 2).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(tenant, "read").queryParam("limit", 2).queryParam("cursor", cursor).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].venueId", equalTo(otherVenue.toString()));
    }

    @Test
    void badInputIsAProblem() {
        as(tenant, "read").queryParam("status", "SICK").when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("status"));
        as(tenant, "read").queryParam("venueId", "nope").when().get(PATH)
                .then().statusCode(400).body("detail", containsString("venueId"));
        as(tenant, "read").queryParam("provider", "Not A Slug!").when().get(PATH)
                .then().statusCode(400).body("detail", containsString("provider"));
        as(tenant, "read").queryParam("cursor", "garbage").when().get(PATH).then().statusCode(400);
        as(tenant, "read").queryParam("limit", 0).when().get(PATH).then().statusCode(400);
        as(tenant, "read").when().get(PATH + "/nope/stripe")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("venueId"));
    }

    @Test
    void authenticationRolesAndTenants() {
        given().when().get(PATH).then().statusCode(401);
        given().when().get(PATH + "/" + venue + "/stripe").then().statusCode(401);
        as(tenant, "secrets").when().get(PATH).then().statusCode(403);
        as(tenant, "secrets").when().get(PATH + "/" + venue + "/stripe").then().statusCode(403);
        as(tenant, "write").when().get(PATH + "/" + venue + "/stripe").then().statusCode(200);

        UUID other = UUID.randomUUID();
        as(other, "read").when().get(PATH + "/" + venue + "/stripe")
                .then().statusCode(404).contentType("application/problem+json");
        as(other, "read").when().get(PATH).then().statusCode(200).body("items", hasSize(0));
        as(tenant, "read").when().get(PATH + "/" + venue + "/mailchimp").then().statusCode(404);
    }
}
