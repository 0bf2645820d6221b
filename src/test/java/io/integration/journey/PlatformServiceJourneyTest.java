package io.integration.journey;

import static io.integration.support.EmbeddedServicesResource.GOOD_KEY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.Secrets;
import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What another service of the platform does with only the OpenAPI document and a token: find a provider, add it to
 * the catalog, connect a venue, test the connection, read the activity log, rotate the venue's API key and — as an
 * internal service with the secrets role — reveal it. Read top to bottom as an example.
 */
@QuarkusTest
class PlatformServiceJourneyTest {

    private final UUID tenant = UUID.randomUUID();
    private final UUID venue = UUID.randomUUID();
    private final String backOffice = TestTokens.forTenant(tenant).roles("write").subject("svc-backoffice", "Back office").sign();
    private final String paymentsService = TestTokens.forTenant(tenant).roles("secrets").subject("svc-payments", "Payments").sign();

    @Test
    void fromTheOpenApiDocumentToARevealedSecret() {
        // 1. The OpenAPI document lists the operations this journey uses.
        Map<String, Object> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        assertThat(paths).containsKeys("/api/v1/providers", "/api/v1/integrations",
                "/api/v1/integrations/{integrationId}/connections", "/api/v1/connections/{id}/test", "/api/v1/activity",
                "/api/v1/venues/{venueId}/api-keys/{provider}/{keyName}",
                "/api/v1/venues/{venueId}/api-keys/{provider}/{keyName}/reveal");

        // 2. List providers and pick Stripe (API key authentication).
        given().auth().oauth2(backOffice).when().get("/api/v1/providers")
                .then().statusCode(200).body("slug", hasItems("stripe", "square", "hubspot", "mailchimp", "slack", "github"))
                .body("find { it.slug == 'stripe' }.authMode", equalTo("API_KEY"));

        // 3. Add Stripe to the tenant's catalog.
        String integration = given().auth().oauth2(backOffice).contentType(ContentType.JSON)
                .body("{\"name\":\"Stripe\",\"provider\":\"stripe\",\"category\":\"PAYMENT\"}")
                .when().post("/api/v1/integrations").then().statusCode(201).extract().path("id");

        // 4. Connect the venue with its key: only a mask comes back.
        String connection = given().auth().oauth2(backOffice).contentType(ContentType.JSON)
                .body("{\"venueId\":\"" + venue + "\",\"credentials\":{\"apiKey\":\"" + GOOD_KEY + "\"}}")
                .when().post("/api/v1/integrations/" + integration + "/connections")
                .then().statusCode(201).body("status", equalTo("CONNECTED")).extract().path("id");

        // 5. Test it against the provider.
        given().auth().oauth2(backOffice).when().post("/api/v1/connections/" + connection + "/test")
                .then().statusCode(200).body("outcome", equalTo("TEST_SUCCESS"));

        // 6. Read the activity log: who did what.
        List<String> actions = given().auth().oauth2(backOffice).queryParam("connectionId", connection)
                .when().get("/api/v1/activity").then().statusCode(200)
                .body("items.actorDisplayName", hasItem("Back office")).extract().path("items.action");
        assertThat(actions).containsExactly("TEST_SUCCESS", "CONNECTED");

        // 7. Store the venue's API key, then rotate it (a second PUT replaces it and bumps the version).
        String keyPath = "/api/v1/venues/" + venue + "/api-keys/stripe/default";
        given().auth().oauth2(backOffice).contentType(ContentType.JSON).body("{\"apiKey\":\"" + Secrets.newSecret() + "\"}")
                .when().put(keyPath).then().statusCode(201).body("keyVersion", equalTo(1));
        String rotated = Secrets.newSecret();
        given().auth().oauth2(backOffice).contentType(ContentType.JSON).body("{\"apiKey\":\"" + rotated + "\"}")
                .when().put(keyPath).then().statusCode(200).body("keyVersion", equalTo(2));

        // 8. Reveal it: the back office may not, the payments service (secrets role) may, and the reveal is logged.
        given().auth().oauth2(backOffice).when().post(keyPath + "/reveal").then().statusCode(403);
        given().auth().oauth2(paymentsService).when().post(keyPath + "/reveal")
                .then().statusCode(200).body("apiKey", equalTo(rotated)).body("keyVersion", equalTo(2));
        given().auth().oauth2(backOffice).queryParam("action", "SECRET_REVEALED").when().get("/api/v1/activity")
                .then().statusCode(200).body("items[0].actorUserId", equalTo("svc-payments"));
    }
}
