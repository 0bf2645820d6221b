package io.integration.common;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.Secrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every log line of an API request carries its request id and, once the token is read, its tenant id. */
@QuarkusTest
class RequestLogContextTest {

    private static final Path LOG = Path.of("target", "quarkus-test.log");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final UUID tenant = UUID.randomUUID();

    @Test
    void theCallersRequestIdAndTheTenantAreOnTheRequestsLogLinesAndTheIdIsEchoed() throws IOException {
        String requestId = "req-" + UUID.randomUUID();
        given().auth().oauth2(token(tenant, "write")).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body("{\"apiKey\":\"" + Secrets.newSecret() + "\"}")
                .when().put("/api/v1/venues/" + UUID.randomUUID() + "/api-keys/stripe/default")
                .then().statusCode(201).header("X-Request-Id", equalTo(requestId));

        List<String> lines = linesWith("req=" + requestId);
        assertThat(lines).as("the request's log lines").isNotEmpty();
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("[req=" + requestId + " tenant=" + tenant + "] credentials stored"));
    }

    @Test
    void anUnusableRequestIdIsReplacedByAFreshOneAndTheNextRequestStartsWithoutTheOldTenant() throws IOException {
        String first = given().auth().oauth2(token(tenant, "read")).header("X-Request-Id", "two words\tand a tab")
                .when().get("/api/v1/integrations")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Request-Id");
        String tooLong = "x".repeat(129);
        String second = given().header("X-Request-Id", tooLong).when().get("/api/v1/integrations")
                .then().statusCode(401).header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .extract().header("X-Request-Id");
        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(LOG, StandardCharsets.ISO_8859_1)).doesNotContain("two words").doesNotContain(tooLong);
        // An anonymous request never shows a tenant left over from an earlier request on the same connection.
        assertThat(linesWith("req=" + second)).allSatisfy(line -> assertThat(line).contains("tenant=]"));
    }

    private static List<String> linesWith(String text) throws IOException {
        return Files.readAllLines(LOG, StandardCharsets.ISO_8859_1).stream().filter(line -> line.contains(text)).toList();
    }
}
