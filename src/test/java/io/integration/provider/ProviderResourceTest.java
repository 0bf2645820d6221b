package io.integration.provider;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProviderResourceTest {

    private static final String PATH = "/api/v1/providers";

    private final UUID tenant = UUID.randomUUID();

    private String reader() {
        return token(tenant, "read");
    }

    @Test
    void listReturnsEveryShippedDefinition() {
        given().auth().oauth2(reader())
                .when().get(PATH)
                .then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(6))
                .body("slug", hasItems("stripe", "square", "hubspot", "mailchimp", "slack", "github"))
                .body("find { it.slug == 'square' }.authMode", equalTo("OAUTH2"))
                // The test configuration points every provider at the local stub: the override must be what is served.
                .body("find { it.slug == 'square' }.oauth.tokenUrl", equalTo(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("test.provider-stub.url", String.class)
                                + "/oauth/square/token"))
                .body("find { it.slug == 'square' }.settings[0].name", equalTo("locationId"))
                .body("find { it.slug == 'square' }.settings[0].required", equalTo(true));
    }

    @Test
    void listFiltersByCategoryAndAuthMode() {
        given().auth().oauth2(reader()).queryParam("category", "PAYMENT")
                .when().get(PATH)
                .then().statusCode(200)
                .body("category", everyItem(equalTo("PAYMENT")))
                .body("slug", hasItems("stripe"));
        given().auth().oauth2(reader()).queryParam("authMode", "oauth2")
                .when().get(PATH)
                .then().statusCode(200)
                .body("authMode", everyItem(equalTo("OAUTH2")))
                .body("slug", hasItems("square", "hubspot", "slack"))
                .body("slug", not(hasItems("stripe")));
        given().auth().oauth2(reader()).queryParam("category", "POS").queryParam("authMode", "API_KEY")
                .when().get(PATH)
                .then().statusCode(200)
                .body("slug", equalTo(java.util.List.of("shopify")));
        given().auth().oauth2(reader()).queryParam("category", "FAX")
                .when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("category"));
        given().auth().oauth2(reader()).queryParam("authMode", "password")
                .when().get(PATH)
                .then().statusCode(400)
                .body("detail", containsString("authMode"));
    }

    @Test
    void getReturnsOneDefinitionAndUnknownSlugsAreNotFound() {
        given().auth().oauth2(reader())
                .when().get(PATH + "/stripe")
                .then().statusCode(200)
                .body("slug", equalTo("stripe"))
                .body("displayName", equalTo("Stripe"))
                .body("webhook.scheme", equalTo("stripe"))
                .body("settings.name", hasItems("accountId", "captureMethod"));
        given().auth().oauth2(reader())
                .when().get(PATH + "/acme-unknown")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no provider definition for 'acme-unknown'"));
        given().auth().oauth2(reader())
                .when().get(PATH + "/Not%20A%20Slug")
                .then().statusCode(404);
    }

    @Test
    void aTokenIsRequiredAndItNeedsTheReadRole() {
        given().when().get(PATH).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().when().get(PATH + "/stripe").then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("read").expired().sign())
                .when().get(PATH).then().statusCode(401);
        given().auth().oauth2(token(tenant, "secrets")).when().get(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token(tenant)).when().get(PATH + "/stripe").then().statusCode(403);
        // Definitions are the same for every tenant: a writer of any tenant reads them.
        given().auth().oauth2(token(UUID.randomUUID(), "write")).when().get(PATH + "/github")
                .then().statusCode(200).body("slug", equalTo("github"));
    }

    @Test
    void writesAreNotAllowed() {
        given().auth().oauth2(token(tenant, "admin")).contentType("application/json").body("{}")
                .when().post(PATH).then().statusCode(405);
        given().auth().oauth2(token(tenant, "admin"))
                .when().delete(PATH + "/stripe").then().statusCode(405);
        given().auth().oauth2(reader()).when().get(PATH).then().statusCode(200).body("slug", hasItems("stripe"))
                .body("slug", not(hasSize(0)));
    }
}
