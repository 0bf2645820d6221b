package io.integration.catalog;

import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.Database;
import io.integration.support.TestKeys;
import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class IntegrationResourceTest {

    private static final String PATH = "/api/v1/integrations";
    private static final String DEFAULT_NAME = "Stripe payments";
    private static final String DEFAULT_PROVIDER = "stripe";

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();


    private String writer() {
        return token(tenant, "write");
    }

    private String reader() {
        return token(tenant, "read");
    }

    private static String body(String name, String provider, String category) {
        return """
                {"name":"%s","provider":"%s","category":"%s","description":"test entry"}"""
                .formatted(name, provider, category);
    }

    private String createDefaultIntegration() {
        return createIntegration(tenant, DEFAULT_NAME, DEFAULT_PROVIDER);
    }

    private String createIntegration(UUID owner, String name, String provider) {
        return given().auth().oauth2(token(owner, "write")).contentType(ContentType.JSON)
                .body(body(name, provider, "PAYMENT"))
                .when().post(PATH)
                .then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void createStoresTheRowForTheCallersTenant() throws Exception {
        Response created = given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_NAME, DEFAULT_PROVIDER, "PAYMENT"))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .header("ETag", notNullValue())
                .body("name", equalTo(DEFAULT_NAME))
                .body("provider", equalTo(DEFAULT_PROVIDER))
                .body("providerDisplayName", equalTo("Stripe"))
                .body("authMode", equalTo("API_KEY"))
                .body("category", equalTo("PAYMENT"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(0))
                .extract().response();
        String id = created.path("id");

        try (Connection db = Database.superuser();
                PreparedStatement query = db.prepareStatement(
                        "select tenant_id, name, provider, category, status from integrations where id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject("tenant_id")).isEqualTo(tenant);
                assertThat(row.getString("name")).isEqualTo(DEFAULT_NAME);
                assertThat(row.getString("category")).isEqualTo("PAYMENT");
                assertThat(row.getString("status")).isEqualTo("ACTIVE");
            }
        }

        given().auth().oauth2(reader())
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo(DEFAULT_NAME))
                .body("providerDisplayName", equalTo("Stripe"));
    }

    @Test
    void aProviderWithoutADefinitionIsRejectedOnCreateAndUpdate() {
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("Legacy", "acme-legacy", "OTHER"))
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("no provider definition for 'acme-legacy'"));

        String id = createDefaultIntegration();
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_NAME, "acme-legacy", "OTHER"))
                .when().put(PATH + "/" + id)
                .then().statusCode(400)
                .body("detail", containsString("'acme-legacy'"));
        given().auth().oauth2(reader()).when().get(PATH + "/" + id)
                .then().statusCode(200).body("provider", equalTo(DEFAULT_PROVIDER)).body("version", equalTo(0));
        given().auth().oauth2(reader()).when().get(PATH).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void listPagesThroughEveryEntryOnceWithACursor() {
        List<String> providers = List.of("stripe", "square", "hubspot", "mailchimp", "slack");
        for (int i = 0; i < 5; i++) {
            createIntegration(tenant, "Entry " + i, providers.get(i));
        }
        createIntegration(otherTenant, "Foreign entry", "github");

        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(reader()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(PATH).then().statusCode(200).extract().response();
            List<String> names = page.path("items.name");
            pageSizes.add(names.size());
            for (String name : names) {
                assertThat(seen.add(name)).as("entry %s returned twice", name).isTrue();
            }
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).hasSize(5).doesNotContain("Foreign entry");
    }

    @Test
    void listFiltersByCategoryProviderAndStatus() {
        createIntegration(tenant, "Pay", "stripe");
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("""
                        {"name":"Chat","provider":"slack","category":"MESSAGING","status":"INACTIVE"}""")
                .post(PATH).then().statusCode(201);

        given().auth().oauth2(reader()).queryParam("category", "MESSAGING")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("Chat"))
                .body("items[0].providerDisplayName", equalTo("Slack"))
                .body("items[0].authMode", equalTo("OAUTH2"));
        given().auth().oauth2(reader()).queryParam("provider", "stripe")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.name", equalTo(List.of("Pay")));
        given().auth().oauth2(reader()).queryParam("status", "inactive")
                .when().get(PATH)
                .then().statusCode(200)
                .body("items.name", equalTo(List.of("Chat")));
        given().auth().oauth2(reader()).queryParam("category", "FAX")
                .when().get(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("category"));
    }

    @Test
    void updateReplacesTheEntryAndHonoursIfMatch() {
        String id = createDefaultIntegration();
        String changed = body("Stripe EU", DEFAULT_PROVIDER, "PAYMENT");

        given().auth().oauth2(writer()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .when().put(PATH + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Stripe EU"))
                .body("authMode", equalTo("API_KEY"))
                .body("version", equalTo(1))
                .header("ETag", equalTo("\"1\""));

        given().auth().oauth2(writer()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("Stale write", DEFAULT_PROVIDER, "PAYMENT"))
                .when().put(PATH + "/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json");

        given().auth().oauth2(reader()).when().get(PATH + "/" + id)
                .then().statusCode(200).body("name", equalTo("Stripe EU"));
    }

    @Test
    void deleteRemovesTheRow() {
        String id = createDefaultIntegration();
        given().auth().oauth2(writer()).when().delete(PATH + "/" + id).then().statusCode(204);
        given().auth().oauth2(reader()).when().get(PATH + "/" + id).then().statusCode(404);
        given().auth().oauth2(writer()).when().delete(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void duplicateNameAndProviderIsAConflict() {
        createDefaultIntegration();
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body(DEFAULT_NAME, DEFAULT_PROVIDER, "CRM"))
                .when().post(PATH)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString(DEFAULT_NAME));
        // The same name and provider in another tenant is not a conflict.
        createIntegration(otherTenant, DEFAULT_NAME, DEFAULT_PROVIDER);
    }

    @Test
    void anotherTenantsEntryIsNotFoundForEveryOperation() {
        String foreign = createIntegration(otherTenant, "Foreign", "stripe");

        given().auth().oauth2(token(tenant, "admin")).when().get(PATH + "/" + foreign)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("integration " + foreign + " was not found"));
        given().auth().oauth2(token(tenant, "admin")).contentType(ContentType.JSON)
                .body(body("Hijack", "stripe", "PAYMENT"))
                .when().put(PATH + "/" + foreign).then().statusCode(404);
        given().auth().oauth2(token(tenant, "admin")).when().delete(PATH + "/" + foreign).then().statusCode(404);

        given().auth().oauth2(token(otherTenant, "read")).when().get(PATH + "/" + foreign)
                .then().statusCode(200).body("name", equalTo("Foreign"));
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        String id = createDefaultIntegration();
        given().when().get(PATH).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().when().get(PATH + "/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(body("x", "hubspot", "CRM")).when().post(PATH).then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("read").expired().sign())
                .when().get(PATH + "/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("read").signedBy(TestKeys.newPair().getPrivate()).sign())
                .when().get(PATH + "/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("read").issuer("https://evil.example").sign())
                .when().get(PATH + "/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("read").audience("another-service").sign())
                .when().get(PATH + "/" + id).then().statusCode(401);
        given().auth().oauth2("not-a-jwt").when().get(PATH).then().statusCode(401);
    }

    @Test
    void missingRoleOrTenantClaimIsForbidden() {
        String id = createDefaultIntegration();
        given().auth().oauth2(reader()).contentType(ContentType.JSON).body(body("x", "stripe", "CRM"))
                .when().post(PATH).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reader()).contentType(ContentType.JSON).body(body("x", "stripe", "CRM"))
                .when().put(PATH + "/" + id).then().statusCode(403);
        given().auth().oauth2(reader()).when().delete(PATH + "/" + id).then().statusCode(403);
        given().auth().oauth2(token(tenant, "secrets")).when().get(PATH).then().statusCode(403);
        given().auth().oauth2(token(tenant)).when().get(PATH + "/" + id).then().statusCode(403);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("read").withoutTenantClaim().sign())
                .when().get(PATH).then().statusCode(403)
                .body("detail", containsString("tenant_id"));
    }

    @Test
    void malformedInputIsABadRequestThatSaysWhatIsWrong() {
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().auth().oauth2(reader()).when().get(PATH + "/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("UUID"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"provider\":\"Not A Slug\",\"category\":\"PAYMENT\"}")
                .when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("provider"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"provider\":\"stripe\",\"category\":\"FAX\"}")
                .when().post(PATH)
                .then().statusCode(400).body("detail", containsString("allowed values"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"provider\":\"stripe\",\"category\":\"CRM\",\"tenantId\":\"" + otherTenant + "\"}")
                .when().post(PATH)
                .then().statusCode(400).body("detail", containsString("tenantId"));
        given().auth().oauth2(writer()).contentType(ContentType.JSON).body("[]")
                .when().post(PATH)
                .then().statusCode(400);
        given().auth().oauth2(writer()).contentType(ContentType.JSON)
                .body(body("x".repeat(201), "stripe", "CRM"))
                .when().post(PATH)
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
        given().auth().oauth2(reader()).queryParam("cursor", "garbage!").when().get(PATH)
                .then().statusCode(400).body("detail", containsString("cursor"));
        given().auth().oauth2(reader()).queryParam("limit", "lots").when().get(PATH)
                .then().statusCode(400).body("detail", containsString("limit"));
        given().auth().oauth2(writer()).contentType(ContentType.TEXT).body("hello")
                .when().post(PATH)
                .then().statusCode(415).contentType("application/problem+json");
        // Nothing half-written: none of the rejected bodies left a row.
        given().auth().oauth2(reader()).when().get(PATH).then().statusCode(200).body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }
}
