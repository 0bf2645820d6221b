package io.integration.mapping;

import static io.integration.mapping.MappingFixtures.count;
import static io.integration.mapping.MappingFixtures.createConnection;
import static io.integration.mapping.MappingFixtures.row;
import static io.integration.mapping.MappingFixtures.rows;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class FieldMappingTemplateResourceTest {

    private static final String PATH = "/api/v1/field-mapping-templates";
    private static final String DEFAULT_NAME = "HubSpot contacts";
    private static final String DEFAULT_TYPE = "hubspot";
    private static final String DEFAULT_MAPPINGS = """
            [{"sourceField":"/customer/email","targetField":"email","transform":"LOWERCASE","required":true},
             {"sourceField":"/customer/first","targetField":"name","transform":"CONCAT",
              "transformConfig":{"fields":["/customer/first","/customer/last"],"separator":" "}},
             {"sourceField":"/customer/gender","targetField":"gender","transform":"LOOKUP",
              "transformConfig":{"table":{"M":"male","F":"female"},"default":"unknown"},"position":7}]""";

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    private static String template(String name, String type, String mappings, boolean isDefault) {
        return """
                {"name":"%s","integrationType":"%s","description":"test template","mappings":%s,"isDefault":%s}"""
                .formatted(name, type, mappings, isDefault);
    }

    private static String defaultTemplate() {
        return template(DEFAULT_NAME, DEFAULT_TYPE, DEFAULT_MAPPINGS, false);
    }

    private static String apply(UUID connectionId) {
        return "{\"connectionId\":\"" + connectionId + "\"}";
    }

    private RequestSpecification as(UUID owner, String... roles) {
        return given().auth().oauth2(token(owner, roles)).contentType(ContentType.JSON);
    }

    private String createTemplate(UUID owner, String body) {
        return as(owner, "write").body(body)
                .when().post(PATH)
                .then().statusCode(201)
                .extract().path("id");
    }

    private String createDefaultTemplate() {
        return createTemplate(tenant, defaultTemplate());
    }

    @Test
    void createStoresTheNormalizedTemplateForTheCallersTenant() {
        Response created = as(tenant, "write").body(template(DEFAULT_NAME, DEFAULT_TYPE, DEFAULT_MAPPINGS, true))
                .when().post(PATH)
                .then().statusCode(201)
                .header("Location", containsString(PATH + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo(DEFAULT_NAME))
                .body("integrationType", equalTo(DEFAULT_TYPE))
                .body("isDefault", equalTo(true))
                .body("mappings", hasSize(3))
                .body("mappings[0].required", equalTo(true))
                .body("mappings[1].transform", equalTo("CONCAT"))
                .body("mappings[1].required", equalTo(false))
                .body("mappings[1].position", equalTo(1))
                .body("mappings[2].position", equalTo(7))
                .extract().response();
        String id = created.path("id");

        Map<String, Object> stored = row("select tenant_id, name, integration_type, description, is_default,"
                + " jsonb_array_length(mappings) as rules, mappings -> 0 ->> 'transform' as first_transform,"
                + " mappings -> 1 -> 'transformConfig' ->> 'separator' as separator,"
                + " mappings -> 1 ->> 'position' as second_position from field_mapping_templates where id = ?",
                UUID.fromString(id));
        assertThat(stored).containsEntry("tenant_id", tenant).containsEntry("name", DEFAULT_NAME)
                .containsEntry("integration_type", DEFAULT_TYPE).containsEntry("description", "test template")
                .containsEntry("is_default", true).containsEntry("rules", 3).containsEntry("first_transform", "LOWERCASE")
                .containsEntry("separator", " ").containsEntry("second_position", "1");

        as(tenant, "read").when().get(PATH + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("mappings[2].transformConfig.table.F", equalTo("female"));
    }

    @Test
    void listPagesThroughEveryTemplateOnceAndFiltersByIntegrationType() {
        for (int i = 0; i < 5; i++) {
            createTemplate(tenant, template("Template " + i, DEFAULT_TYPE, DEFAULT_MAPPINGS, false));
        }
        createTemplate(tenant, template("Payments", "stripe", DEFAULT_MAPPINGS, false));
        createTemplate(otherTenant, template("Foreign", DEFAULT_TYPE, DEFAULT_MAPPINGS, false));

        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(tenant, "read").queryParam("limit", 2).queryParam("integrationType", DEFAULT_TYPE);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(PATH).then().statusCode(200).extract().response();
            List<String> names = page.path("items.name");
            pageSizes.add(names.size());
            names.forEach(name -> assertThat(seen.add(name)).as("%s returned twice", name).isTrue());
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).hasSize(5).doesNotContain("Payments", "Foreign");
        as(tenant, "read").when().get(PATH).then().statusCode(200).body("items", hasSize(6));
        as(tenant, "read").queryParam("integrationType", "stripe").when().get(PATH)
                .then().statusCode(200).body("items.name", equalTo(List.of("Payments")));
        as(tenant, "read").queryParam("integrationType", "Not A Slug").when().get(PATH)
                .then().statusCode(400).body("detail", containsString("integrationType"));
        as(tenant, "read").queryParam("limit", 0).when().get(PATH)
                .then().statusCode(400).body("detail", containsString("limit"));
    }

    @Test
    void updateReplacesTheTemplateAndHonoursIfMatch() {
        String id = createDefaultTemplate();
        as(tenant, "write").header("If-Match", "\"0\"")
                .body(template("Renamed", DEFAULT_TYPE, "[{\"sourceField\":\"a\",\"targetField\":\"b\"}]", false))
                .when().put(PATH + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Renamed"))
                .body("mappings", hasSize(1));
        as(tenant, "write").header("If-Match", "\"0\"").body(defaultTemplate())
                .when().put(PATH + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        assertThat(row("select name, version, jsonb_array_length(mappings) as rules from field_mapping_templates"
                + " where id = ?", UUID.fromString(id)))
                .containsEntry("name", "Renamed").containsEntry("version", 1L).containsEntry("rules", 1);
    }

    @Test
    void deleteRemovesTheTemplateButNotTheMappingsItCreated() {
        String id = createDefaultTemplate();
        UUID connection = createConnection(tenant, DEFAULT_TYPE);
        as(tenant, "write").body(apply(connection)).when().post(PATH + "/" + id + "/apply").then().statusCode(200);

        as(tenant, "write").header("If-Match", "\"3\"").when().delete(PATH + "/" + id).then().statusCode(412);
        as(tenant, "write").when().delete(PATH + "/" + id).then().statusCode(204);
        assertThat(count("select count(*) from field_mapping_templates where id = ?", UUID.fromString(id))).isZero();
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isEqualTo(3);
        as(tenant, "read").when().get(PATH + "/" + id).then().statusCode(404);
        as(tenant, "write").when().delete(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void duplicateNameIsAConflictAndANewDefaultReplacesThePreviousOne() {
        String first = createTemplate(tenant, template("First", DEFAULT_TYPE, DEFAULT_MAPPINGS, true));
        as(tenant, "write").body(template("First", DEFAULT_TYPE, DEFAULT_MAPPINGS, false))
                .when().post(PATH)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("'First'"));
        createTemplate(tenant, template("First", "stripe", DEFAULT_MAPPINGS, true));
        createTemplate(otherTenant, template("First", DEFAULT_TYPE, DEFAULT_MAPPINGS, true));

        String second = createTemplate(tenant, template("Second", DEFAULT_TYPE, DEFAULT_MAPPINGS, true));
        assertThat(rows("select name from field_mapping_templates where tenant_id = ? and is_default"
                + " and integration_type = 'hubspot'", tenant)).extracting(r -> r.get("name")).containsExactly("Second");
        as(tenant, "read").when().get(PATH + "/" + first)
                .then().statusCode(200).body("isDefault", equalTo(false)).body("version", equalTo(1));

        as(tenant, "write").body(template("First", DEFAULT_TYPE, DEFAULT_MAPPINGS, true))
                .when().put(PATH + "/" + first).then().statusCode(200).body("isDefault", equalTo(true));
        as(tenant, "read").when().get(PATH + "/" + second).then().statusCode(200).body("isDefault", equalTo(false));
    }

    @Test
    void applyCreatesTheMappingsOnceAndUpdatesExistingPairs() {
        String id = createDefaultTemplate();
        UUID connection = createConnection(tenant, DEFAULT_TYPE);
        String own = createMappingOn(connection, "{\"sourceField\":\"/customer/email\",\"targetField\":\"email\"}");
        createMappingOn(connection, "{\"sourceField\":\"/customer/phone\",\"targetField\":\"phone\"}");

        as(tenant, "write").body(apply(connection))
                .when().post(PATH + "/" + id + "/apply")
                .then().statusCode(200)
                .body("templateId", equalTo(id))
                .body("connectionId", equalTo(connection.toString()))
                .body("created", equalTo(2))
                .body("updated", equalTo(1))
                .body("mappings.sourceField", equalTo(List.of("/customer/email", "/customer/first", "/customer/gender")))
                .body("mappings[0].id", equalTo(own))
                .body("mappings[0].transform", equalTo("LOWERCASE"))
                .body("mappings[0].version", equalTo(1));

        as(tenant, "write").body(apply(connection))
                .when().post(PATH + "/" + id + "/apply")
                .then().statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(3));

        List<Map<String, Object>> stored = rows("select source_field, target_field, transform, is_required, position"
                + " from field_mappings where connection_id = ? order by source_field", connection);
        assertThat(stored).extracting(r -> r.get("source_field") + "->" + r.get("target_field") + ":" + r.get("transform"))
                .containsExactly("/customer/email->email:LOWERCASE", "/customer/first->name:CONCAT",
                        "/customer/gender->gender:LOOKUP", "/customer/phone->phone:NONE");
        assertThat(stored.get(0)).containsEntry("is_required", true);
        assertThat(stored.get(2)).containsEntry("position", 7);
        assertThat(count("select count(*) from field_mappings where tenant_id = ?", tenant)).isEqualTo(4);
    }

    @Test
    void applyToAConnectionOfAnotherTypeIsAConflictAndChangesNothing() {
        String id = createDefaultTemplate();
        UUID stripe = createConnection(tenant, "stripe");
        as(tenant, "write").body(apply(stripe))
                .when().post(PATH + "/" + id + "/apply")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("'hubspot'"))
                .body("detail", containsString("'stripe'"));
        assertThat(count("select count(*) from field_mappings where connection_id = ?", stripe)).isZero();
    }

    @Test
    void anotherTenantsTemplateOrConnectionIsNotFoundForEveryOperation() {
        String foreign = createTemplate(otherTenant, defaultTemplate());
        UUID foreignConnection = createConnection(otherTenant, DEFAULT_TYPE);
        UUID connection = createConnection(tenant, DEFAULT_TYPE);

        as(tenant, "admin").when().get(PATH + "/" + foreign).then().statusCode(404)
                .body("detail", equalTo("field mapping template " + foreign + " was not found"));
        as(tenant, "admin").body(defaultTemplate()).when().put(PATH + "/" + foreign).then().statusCode(404);
        as(tenant, "admin").when().delete(PATH + "/" + foreign).then().statusCode(404);
        as(tenant, "admin").body(apply(connection)).when().post(PATH + "/" + foreign + "/apply").then().statusCode(404);
        as(tenant, "admin").when().get(PATH).then().statusCode(200).body("items", hasSize(0));

        String own = createDefaultTemplate();
        as(tenant, "admin").body(apply(foreignConnection)).when().post(PATH + "/" + own + "/apply")
                .then().statusCode(404).body("detail", equalTo("connection " + foreignConnection + " was not found"));
        as(tenant, "admin").body(apply(UUID.randomUUID())).when().post(PATH + "/" + own + "/apply").then().statusCode(404);

        assertThat(count("select count(*) from field_mappings where connection_id = ?", foreignConnection)).isZero();
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isZero();
        as(otherTenant, "read").when().get(PATH + "/" + foreign).then().statusCode(200).body("name", equalTo(DEFAULT_NAME));
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        String id = createDefaultTemplate();
        UUID connection = createConnection(tenant, DEFAULT_TYPE);
        given().when().get(PATH).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).body(defaultTemplate()).when().post(PATH).then().statusCode(401);
        given().when().get(PATH + "/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(defaultTemplate()).when().put(PATH + "/" + id).then().statusCode(401);
        given().when().delete(PATH + "/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(apply(connection)).when().post(PATH + "/" + id + "/apply")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("write").expired().sign()).contentType(ContentType.JSON)
                .body(apply(connection)).when().post(PATH + "/" + id + "/apply").then().statusCode(401);
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isZero();
    }

    @Test
    void missingRoleIsForbidden() {
        String id = createDefaultTemplate();
        UUID connection = createConnection(tenant, DEFAULT_TYPE);
        as(tenant, "read").body(defaultTemplate()).when().post(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        as(tenant, "read").body(defaultTemplate()).when().put(PATH + "/" + id).then().statusCode(403);
        as(tenant, "read").when().delete(PATH + "/" + id).then().statusCode(403);
        as(tenant, "read").body(apply(connection)).when().post(PATH + "/" + id + "/apply").then().statusCode(403);
        as(tenant, "secrets").when().get(PATH).then().statusCode(403);
        as(tenant, "secrets").when().get(PATH + "/" + id).then().statusCode(403);
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isZero();
        assertThat(count("select count(*) from field_mapping_templates where tenant_id = ?", tenant)).isEqualTo(1);
    }

    @Test
    void malformedJsonAndBadIdsAreBadRequests() {
        String id = createDefaultTemplate();
        as(tenant, "write").body("{\"name\": ").when().post(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        as(tenant, "write").body("{\"name\": ").when().put(PATH + "/" + id)
                .then().statusCode(400).body("detail", containsString("not valid JSON"));
        as(tenant, "write").body("{\"connectionId\": ").when().post(PATH + "/" + id + "/apply")
                .then().statusCode(400).body("detail", containsString("not valid JSON"));
        as(tenant, "write").body("{\"connectionId\":\"not-a-uuid\"}").when().post(PATH + "/" + id + "/apply")
                .then().statusCode(400).body("violations[0].field", equalTo("connectionId"));
        as(tenant, "write").body("{}").when().post(PATH + "/" + id + "/apply")
                .then().statusCode(400).body("violations[0].field", equalTo("connectionId"));
        as(tenant, "read").when().get(PATH + "/not-a-uuid").then().statusCode(400).body("detail", containsString("UUID"));
        as(tenant, "write").body(defaultTemplate()).when().put(PATH + "/not-a-uuid").then().statusCode(400);
        as(tenant, "write").when().delete(PATH + "/not-a-uuid").then().statusCode(400);
        as(tenant, "write").body(apply(UUID.randomUUID())).when().post(PATH + "/not-a-uuid/apply").then().statusCode(400);
        as(tenant, "write").body(template("", "Not A Slug", "[]", false)).when().post(PATH)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("integrationType", "mappings", "name")));
        assertThat(count("select count(*) from field_mapping_templates where tenant_id = ?", tenant)).isEqualTo(1);
    }

    @Test
    void invalidRulesNameTheMappingAndField() {
        String id = createDefaultTemplate();
        as(tenant, "write").body(template("Bad", DEFAULT_TYPE, """
                        [{"sourceField":"a","targetField":"b"},{"sourceField":"c","targetField":"d","transform":"SHOUT"}]""",
                        false))
                .when().post(PATH)
                .then().statusCode(400)
                .body("detail", containsString("allowed values"))
                .body("violations[0].field", equalTo("mappings[1].transform"));
        as(tenant, "write").body(template("Bad", DEFAULT_TYPE, """
                        [{"sourceField":"a","targetField":"b","transform":"DEFAULT"},
                         {"sourceField":"x/y","targetField":"d","transform":"NUMBER","transformConfig":{"decimalSeparator":"_"}},
                         {"sourceField":"a","targetField":"b"}]""", false))
                .when().post(PATH)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("mappings[0].transformConfig.value", "mappings[1].sourceField",
                        "mappings[1].transformConfig.decimalSeparator", "mappings[2]")))
                .body("violations[3].message", containsString("mappings[0]"));
        as(tenant, "write").body(template(DEFAULT_NAME, DEFAULT_TYPE, """
                        [{"sourceField":"a","targetField":"b","transform":"DATE","transformConfig":{"inputFormat":"yyyy"}}]""",
                        false))
                .when().put(PATH + "/" + id)
                .then().statusCode(400)
                .body("violations.field", hasItem("mappings[0].transformConfig.outputFormat"));
        as(tenant, "write").body(template("Null rule", DEFAULT_TYPE, "[null]", false)).when().post(PATH)
                .then().statusCode(400).body("violations[0].field", containsString("mappings"));

        assertThat(row("select name, version from field_mapping_templates where id = ?", UUID.fromString(id)))
                .containsEntry("name", DEFAULT_NAME).containsEntry("version", 0L);
        assertThat(count("select count(*) from field_mapping_templates where tenant_id = ?", tenant)).isEqualTo(1);
    }

    private String createMappingOn(UUID connection, String body) {
        return as(tenant, "write").body(body)
                .when().post("/api/v1/connections/" + connection + "/field-mappings")
                .then().statusCode(201)
                .extract().path("id");
    }
}
