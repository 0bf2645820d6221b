package io.integration.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthTest {

    @Test
    void liveAndReadyWhenTheDatabaseIsReachable() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("migrations"));
    }

    @Test
    void readyIsDownWhileTheDatabaseRefusesTheServiceAndUpAgainAfter() throws Exception {
        try (Connection admin = Database.superuser()) {
            // Make the database unreachable for the service's logins: refuse new logins, drop the open connections.
            Database.execute(admin, "alter role integration_api nologin");
            Database.execute(admin, "alter role integration_worker nologin");
            Database.execute(admin, "select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where usename in ('integration_api', 'integration_worker')");
            try {
                given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
                given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            } finally {
                Database.execute(admin, "alter role integration_api login");
                Database.execute(admin, "alter role integration_worker login");
            }
        }
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/integrations/{id}"));
    }
}
