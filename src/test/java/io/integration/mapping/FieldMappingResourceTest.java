package io.integration.mapping;

import static io.integration.mapping.MappingFixtures.count;
import static io.integration.mapping.MappingFixtures.createConnection;
import static io.integration.mapping.MappingFixtures.row;
import static io.integration.support.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.integration.support.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class FieldMappingResourceTest {

    private static final String DEFAULT_SOURCE = "/customer/email";
    private static final String DEFAULT_TARGET = "email";
    private static final String DATE_RULE = """
            {"sourceField":"/order/placed","targetField":"orderDate","transform":"DATE",
             "transformConfig":{"inputFormat":"dd/MM/yyyy","outputFormat":"yyyy-MM-dd"},"required":true,"position":3}""";

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();
    private final UUID connection = createConnection(tenant, "hubspot");

    private static String path(UUID connectionId) {
        return "/api/v1/connections/" + connectionId + "/field-mappings";
    }

    private static String rule(String source, String target) {
        return """
                {"sourceField":"%s","targetField":"%s","transform":"LOWERCASE"}""".formatted(source, target);
    }

    private RequestSpecification as(UUID owner, String... roles) {
        return given().auth().oauth2(token(owner, roles)).contentType(ContentType.JSON);
    }

    private String createMapping(UUID owner, UUID connectionId, String body) {
        return as(owner, "write").body(body)
                .when().post(path(connectionId))
                .then().statusCode(201)
                .extract().path("id");
    }

    private String createDefaultMapping() {
        return createMapping(tenant, connection, rule(DEFAULT_SOURCE, DEFAULT_TARGET));
    }

    @Test
    void createStoresTheRowOnTheCallersConnection() {
        Response created = as(tenant, "write").body(DATE_RULE)
                .when().post(path(connection))
                .then().statusCode(201)
                .header("Location", containsString(path(connection) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("connectionId", equalTo(connection.toString()))
                .body("sourceField", equalTo("/order/placed"))
                .body("transform", equalTo("DATE"))
                .body("transformConfig.outputFormat", equalTo("yyyy-MM-dd"))
                .body("required", equalTo(true))
                .body("position", equalTo(3))
                .body("version", equalTo(0))
                .extract().response();
        String id = created.path("id");

        Map<String, Object> stored = row("select tenant_id, connection_id, source_field, target_field, transform,"
                + " transform_config, is_required, position from field_mappings where id = ?", UUID.fromString(id));
        assertThat(stored.get("tenant_id")).isEqualTo(tenant);
        assertThat(stored.get("connection_id")).isEqualTo(connection);
        assertThat(stored.get("source_field")).isEqualTo("/order/placed");
        assertThat(stored.get("target_field")).isEqualTo("orderDate");
        assertThat(stored.get("transform")).isEqualTo("DATE");
        assertThat((String) stored.get("transform_config"))
                .contains("\"inputFormat\": \"dd/MM/yyyy\"").contains("\"outputFormat\": \"yyyy-MM-dd\"");
        assertThat(stored.get("is_required")).isEqualTo(true);
        assertThat(stored.get("position")).isEqualTo(3);

        as(tenant, "read").when().get(path(connection) + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("transformConfig.inputFormat", equalTo("dd/MM/yyyy"));
    }

    @Test
    void optionalPartsGetDefaultsAndNewRulesGoToTheEnd() {
        as(tenant, "write").body("{\"sourceField\":\"a\",\"targetField\":\"b\"}")
                .when().post(path(connection))
                .then().statusCode(201)
                .body("transform", equalTo("NONE"))
                .body("transformConfig", equalTo(Map.of()))
                .body("required", equalTo(false))
                .body("position", equalTo(0));
        as(tenant, "write").body("{\"sourceField\":\"c\",\"targetField\":\"d\",\"transform\":\"trim\"}")
                .when().post(path(connection))
                .then().statusCode(201)
                .body("transform", equalTo("TRIM"))
                .body("position", equalTo(1));
        assertThat(row("select transform, transform_config::text as config from field_mappings where connection_id = ?"
                + " and position = 0", connection)).containsEntry("transform", "NONE").containsEntry("config", "{}");
    }

    @Test
    void everyTransformWithAValidConfigIsStored() {
        List<String> rules = List.of(
                "{\"sourceField\":\"s1\",\"targetField\":\"t\",\"transform\":\"NONE\"}",
                "{\"sourceField\":\"s2\",\"targetField\":\"t\",\"transform\":\"RENAME\"}",
                "{\"sourceField\":\"s3\",\"targetField\":\"t\",\"transform\":\"TRIM\"}",
                "{\"sourceField\":\"s4\",\"targetField\":\"t\",\"transform\":\"LOWERCASE\"}",
                "{\"sourceField\":\"s5\",\"targetField\":\"t\",\"transform\":\"UPPERCASE\"}",
                "{\"sourceField\":\"s6\",\"targetField\":\"t\",\"transform\":\"NUMBER\",\"transformConfig\":{\"decimalSeparator\":\",\"}}",
                DATE_RULE,
                "{\"sourceField\":\"s8\",\"targetField\":\"t\",\"transform\":\"DEFAULT\",\"transformConfig\":{\"value\":0}}",
                "{\"sourceField\":\"s9\",\"targetField\":\"t\",\"transform\":\"CONSTANT\",\"transformConfig\":{\"value\":\"web\"}}",
                "{\"sourceField\":\"s10\",\"targetField\":\"t\",\"transform\":\"CONCAT\",\"transformConfig\":{\"fields\":[\"/a\",\"b\"],\"separator\":\" \"}}",
                "{\"sourceField\":\"s11\",\"targetField\":\"t\",\"transform\":\"LOOKUP\",\"transformConfig\":{\"table\":{\"M\":\"male\"},\"default\":\"other\"}}");
        rules.forEach(rule -> createMapping(tenant, connection, rule));
        assertThat(MappingFixtures.rows("select transform from field_mappings where connection_id = ?", connection))
                .extracting(r -> r.get("transform"))
                .containsExactlyInAnyOrder(Stream.of(FieldTransform.values()).map(Enum::name).toArray());
    }

    @Test
    void listPagesThroughEveryMappingOnceAndFiltersByTransform() {
        for (int i = 0; i < 5; i++) {
            createMapping(tenant, connection, rule("source" + i, "target" + i));
        }
        createMapping(tenant, connection, DATE_RULE);
        createMapping(tenant, createConnection(tenant, "hubspot"), rule("elsewhere", "x"));
        createMapping(otherTenant, createConnection(otherTenant, "hubspot"), rule("foreign", "x"));

        Set<String> seen = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = as(tenant, "read").queryParam("limit", 2).queryParam("transform", "lowercase");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(path(connection)).then().statusCode(200).extract().response();
            List<String> sources = page.path("items.sourceField");
            pageSizes.add(sources.size());
            sources.forEach(source -> assertThat(seen.add(source)).as("%s returned twice", source).isTrue());
            cursor = page.path("nextCursor");
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyInAnyOrder("source0", "source1", "source2", "source3", "source4");
        as(tenant, "read").when().get(path(connection)).then().statusCode(200).body("items", hasSize(6));
        as(tenant, "read").queryParam("transform", "FAX").when().get(path(connection))
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("transform"));
        as(tenant, "read").queryParam("cursor", "garbage!").when().get(path(connection))
                .then().statusCode(400).body("detail", containsString("cursor"));
    }

    @Test
    void updateReplacesTheRuleAndHonoursIfMatch() {
        String id = createDefaultMapping();
        as(tenant, "write").header("If-Match", "\"0\"")
                .body("{\"sourceField\":\"/customer/name\",\"targetField\":\"fullName\",\"transform\":\"TRIM\",\"required\":true}")
                .when().put(path(connection) + "/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("sourceField", equalTo("/customer/name"))
                .body("version", equalTo(1))
                .body("position", equalTo(0));
        as(tenant, "write").header("If-Match", "\"0\"").body(rule("stale", "write"))
                .when().put(path(connection) + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");

        assertThat(row("select source_field, target_field, transform, is_required, version from field_mappings"
                + " where id = ?", UUID.fromString(id)))
                .containsEntry("source_field", "/customer/name").containsEntry("target_field", "fullName")
                .containsEntry("transform", "TRIM").containsEntry("is_required", true).containsEntry("version", 1L);
    }

    @Test
    void deleteRemovesTheRowAndHonoursIfMatch() {
        String id = createDefaultMapping();
        as(tenant, "write").header("If-Match", "\"5\"").when().delete(path(connection) + "/" + id)
                .then().statusCode(412);
        as(tenant, "write").header("If-Match", "\"0\"").when().delete(path(connection) + "/" + id)
                .then().statusCode(204);
        assertThat(count("select count(*) from field_mappings where id = ?", UUID.fromString(id))).isZero();
        as(tenant, "read").when().get(path(connection) + "/" + id).then().statusCode(404);
        as(tenant, "write").when().delete(path(connection) + "/" + id).then().statusCode(404);
    }

    @Test
    void theSameSourceAndTargetTwiceIsAConflict() {
        createDefaultMapping();
        String other = createMapping(tenant, connection, rule("/customer/phone", "phone"));
        as(tenant, "write").body(rule(DEFAULT_SOURCE, DEFAULT_TARGET))
                .when().post(path(connection))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already maps '" + DEFAULT_SOURCE + "' to '" + DEFAULT_TARGET + "'"));
        as(tenant, "write").body(rule(DEFAULT_SOURCE, DEFAULT_TARGET))
                .when().put(path(connection) + "/" + other)
                .then().statusCode(409);
        // The same pair on another connection is a different rule.
        createMapping(tenant, createConnection(tenant, "hubspot"), rule(DEFAULT_SOURCE, DEFAULT_TARGET));
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isEqualTo(2);
    }

    @Test
    void anotherTenantsConnectionOrMappingIsNotFoundForEveryOperation() {
        UUID foreignConnection = createConnection(otherTenant, "hubspot");
        String foreignMapping = createMapping(otherTenant, foreignConnection, rule(DEFAULT_SOURCE, DEFAULT_TARGET));
        String foreign = path(foreignConnection);

        as(tenant, "admin").when().get(foreign).then().statusCode(404)
                .body("detail", equalTo("connection " + foreignConnection + " was not found"));
        as(tenant, "admin").body(rule("a", "b")).when().post(foreign).then().statusCode(404);
        as(tenant, "admin").when().get(foreign + "/" + foreignMapping).then().statusCode(404);
        as(tenant, "admin").body(rule("a", "b")).when().put(foreign + "/" + foreignMapping).then().statusCode(404);
        as(tenant, "admin").when().delete(foreign + "/" + foreignMapping).then().statusCode(404);
        // A foreign mapping id under the caller's own connection, and a connection that does not exist.
        as(tenant, "admin").when().get(path(connection) + "/" + foreignMapping).then().statusCode(404)
                .body("detail", equalTo("field mapping " + foreignMapping + " was not found"));
        as(tenant, "admin").body(rule("a", "b")).when().put(path(connection) + "/" + foreignMapping).then().statusCode(404);
        as(tenant, "admin").when().delete(path(connection) + "/" + foreignMapping).then().statusCode(404);
        as(tenant, "admin").when().get(path(UUID.randomUUID())).then().statusCode(404);

        assertThat(count("select count(*) from field_mappings where tenant_id = ?", tenant)).isZero();
        as(otherTenant, "read").when().get(foreign + "/" + foreignMapping).then().statusCode(200)
                .body("sourceField", equalTo(DEFAULT_SOURCE));
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        String id = createDefaultMapping();
        String one = path(connection) + "/" + id;
        given().when().get(path(connection)).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().contentType(ContentType.JSON).body(rule("a", "b")).when().post(path(connection)).then().statusCode(401);
        given().when().get(one).then().statusCode(401);
        given().contentType(ContentType.JSON).body(rule("a", "b")).when().put(one).then().statusCode(401);
        given().when().delete(one).then().statusCode(401);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("write").expired().sign())
                .when().delete(one).then().statusCode(401);
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isEqualTo(1);
    }

    @Test
    void missingRoleIsForbidden() {
        String id = createDefaultMapping();
        String one = path(connection) + "/" + id;
        as(tenant, "read").body(rule("a", "b")).when().post(path(connection))
                .then().statusCode(403).contentType("application/problem+json");
        as(tenant, "read").body(rule("a", "b")).when().put(one).then().statusCode(403);
        as(tenant, "read").when().delete(one).then().statusCode(403);
        as(tenant, "secrets").when().get(path(connection)).then().statusCode(403);
        as(tenant, "secrets").when().get(one).then().statusCode(403);
        given().auth().oauth2(TestTokens.forTenant(tenant).roles("read").withoutTenantClaim().sign())
                .when().get(path(connection)).then().statusCode(403);
        assertThat(row("select source_field, version from field_mappings where id = ?", UUID.fromString(id)))
                .containsEntry("source_field", DEFAULT_SOURCE).containsEntry("version", 0L);
    }

    @Test
    void malformedJsonAndBadIdsAreBadRequests() {
        String id = createDefaultMapping();
        String one = path(connection) + "/" + id;
        as(tenant, "write").body("{\"sourceField\": \"x\",").when().post(path(connection))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        as(tenant, "write").body("{\"sourceField\": ").when().put(one)
                .then().statusCode(400).body("detail", containsString("not valid JSON"));
        String badConnection = "/api/v1/connections/not-a-uuid/field-mappings";
        as(tenant, "read").when().get(badConnection).then().statusCode(400).body("detail", containsString("connectionId"));
        as(tenant, "write").body(rule("a", "b")).when().post(badConnection).then().statusCode(400)
                .body("detail", containsString("UUID"));
        as(tenant, "read").when().get(badConnection + "/" + id).then().statusCode(400);
        as(tenant, "read").when().get(path(connection) + "/42").then().statusCode(400).body("detail", containsString("'id'"));
        as(tenant, "write").body(rule("a", "b")).when().put(path(connection) + "/42").then().statusCode(400);
        as(tenant, "write").when().delete(path(connection) + "/42").then().statusCode(400);
        as(tenant, "write").header("If-Match", "yesterday").body(rule("a", "b")).when().put(one)
                .then().statusCode(400).body("detail", containsString("If-Match"));
        as(tenant, "write").body("{\"sourceField\":\"a\",\"targetField\":\"b\",\"tenantId\":\"" + otherTenant + "\"}")
                .when().post(path(connection)).then().statusCode(400).body("detail", containsString("tenantId"));
        as(tenant, "write").body("{\"sourceField\":\"a\",\"targetField\":\"b\",\"transformConfig\":\"x\"}")
                .when().post(path(connection)).then().statusCode(400).body("violations[0].field", equalTo("transformConfig"));
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isEqualTo(1);
    }

    @Test
    void invalidTransformsAndConfigsNameTheField() {
        String id = createDefaultMapping();
        as(tenant, "write").body("{\"sourceField\":\"a\",\"targetField\":\"b\",\"transform\":\"REVERSE\"}")
                .when().post(path(connection))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("allowed values"))
                .body("detail", containsString("LOOKUP"))
                .body("violations[0].field", equalTo("transform"));
        as(tenant, "write").body("{\"sourceField\":\"a\",\"targetField\":\"b\",\"transform\":\"DATE\","
                        + "\"transformConfig\":{\"inputFormat\":\"yyyy-MM-dd{\"}}")
                .when().post(path(connection))
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("transformConfig.inputFormat", "transformConfig.outputFormat")))
                .body("violations[0].message", containsString("not a valid java.time pattern"))
                .body("violations[1].message", equalTo("is required for transform DATE"));
        as(tenant, "write").body("{\"sourceField\":\"customer/email\",\"targetField\":\"" + "x".repeat(501)
                        + "\",\"transform\":\"CONCAT\",\"transformConfig\":{\"fields\":[\"a\"]},\"position\":-1}")
                .when().post(path(connection))
                .then().statusCode(400)
                .body("violations.field", hasItem("sourceField"))
                .body("violations.field", hasItem("targetField"))
                .body("violations.field", hasItem("transformConfig.fields"))
                .body("violations.field", hasItem("position"))
                .body("violations.find { it.field == 'sourceField' }.message", containsString("must start with '/'"));
        as(tenant, "write").body("{\"sourceField\":\"a\",\"targetField\":\"b\",\"transform\":\"LOOKUP\","
                        + "\"transformConfig\":{\"table\":{\"M\":1},\"extra\":true}}")
                .when().put(path(connection) + "/" + id)
                .then().statusCode(400)
                .body("violations.field", equalTo(List.of("transformConfig.extra", "transformConfig.table.M")));
        as(tenant, "write").body("{\"sourceField\":\"a\",\"targetField\":\"b\",\"transform\":\"CONSTANT\"}")
                .when().put(path(connection) + "/" + id)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("transformConfig.value"))
                .body("violations[0].message", notNullValue());

        assertThat(row("select source_field, transform from field_mappings where connection_id = ?", connection))
                .containsEntry("source_field", DEFAULT_SOURCE).containsEntry("transform", "LOWERCASE");
    }

    private static final String SAMPLE = """
            {"customer":{"email":"  Ann.Lee@Example.COM ","first":"Ann","last":"Lee","gender":"F"},
             "order":{"placed":"03/02/2024","total":"1.234,5"},"status":"paid"}""";

    /** One rule of each kind the preview has to run, stored through the API. */
    private void createPreviewRules() {
        List.of("""
                {"sourceField":"/customer/email","targetField":"email","transform":"TRIM","position":0}""", """
                {"sourceField":"/customer/last","targetField":"/name/last","transform":"UPPERCASE","position":1}""", """
                {"sourceField":"/order/total","targetField":"total","transform":"NUMBER",
                 "transformConfig":{"decimalSeparator":",","scale":2,"format":"0.00"},"position":2}""",
                DATE_RULE, """
                {"sourceField":"/customer/gender","targetField":"gender","transform":"LOOKUP",
                 "transformConfig":{"table":{"F":"female"},"default":"unknown"},"position":4}""", """
                {"sourceField":"/customer/first","targetField":"fullName","transform":"CONCAT",
                 "transformConfig":{"fields":["/customer/first","/customer/last"],"separator":" "},"position":5}""", """
                {"sourceField":"source","targetField":"source","transform":"CONSTANT",
                 "transformConfig":{"value":"pos"},"position":6}""", """
                {"sourceField":"/customer/phone","targetField":"phone","transform":"DEFAULT",
                 "transformConfig":{"value":"n/a"},"position":7}""")
                .forEach(rule -> createMapping(tenant, connection, rule));
    }

    private static String previewPath(UUID connectionId) {
        return path(connectionId) + "/preview";
    }

    @Test
    void previewAppliesTheStoredMappingsToASampleRecord() {
        createPreviewRules();
        as(tenant, "read").body("{\"record\":" + SAMPLE + "}")
                .when().post(previewPath(connection))
                .then().statusCode(200)
                .body("errors", hasSize(0))
                .body("rulesApplied", equalTo(8))
                .body("mapped.email", equalTo("Ann.Lee@Example.COM"))
                .body("mapped.name.last", equalTo("LEE"))
                .body("mapped.total", equalTo("1234.50"))
                .body("mapped.orderDate", equalTo("2024-02-03"))
                .body("mapped.gender", equalTo("female"))
                .body("mapped.fullName", equalTo("Ann Lee"))
                .body("mapped.source", equalTo("pos"))
                .body("mapped.phone", equalTo("n/a"));
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection))
                .as("a preview writes nothing").isEqualTo(8);
    }

    @Test
    void aRecordThatFailsTransformsGetsOneErrorPerFailedRule() {
        createPreviewRules();
        String broken = SAMPLE.replace("03/02/2024", "31/02/2024").replace("1.234,5", "lots")
                .replace("\"first\":\"Ann\",", "");
        as(tenant, "read").body("{\"record\":" + broken + "}")
                .when().post(previewPath(connection))
                .then().statusCode(200)
                .body("errors.field", equalTo(List.of("/order/total", "/order/placed")))
                .body("errors[0].message", equalTo("'lots' is not a number (decimal separator ',')"))
                .body("errors[1].message", equalTo("'31/02/2024' is not a date of the form dd/MM/yyyy"))
                .body("mapped.email", equalTo("Ann.Lee@Example.COM"))
                .body("mapped.total", equalTo(null))
                .body("mapped.orderDate", equalTo(null))
                .body("mapped.fullName", equalTo("Lee"));
        // A required source missing altogether is an error too (DATE_RULE is required).
        as(tenant, "read").body("{\"record\":{\"customer\":{\"email\":\"a@b.c\"}}}")
                .when().post(previewPath(connection))
                .then().statusCode(200)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("/order/placed"))
                .body("errors[0].message", equalTo("is required but missing"))
                .body("mapped.email", equalTo("a@b.c"));
    }

    @Test
    void previewWithoutMappingsReturnsAnEmptyRecord() {
        as(tenant, "read").body("{\"record\":{\"a\":1}}").when().post(previewPath(connection))
                .then().statusCode(200).body("rulesApplied", equalTo(0)).body("mapped", equalTo(Map.of()))
                .body("errors", hasSize(0));
    }

    @Test
    void previewGuardsItsInputRolesAndTenants() {
        as(tenant, "read").body("{}").when().post(previewPath(connection))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("record"));
        as(tenant, "read").body("{\"record\":[1,2]}").when().post(previewPath(connection))
                .then().statusCode(400).contentType("application/problem+json");
        as(tenant, "read").body("{\"record\":").when().post(previewPath(connection))
                .then().statusCode(400).body("detail", containsString("not valid JSON"));
        as(tenant, "read").body("{\"record\":{}}").when().post("/api/v1/connections/nope/field-mappings/preview")
                .then().statusCode(400).body("detail", containsString("connectionId"));

        given().contentType(ContentType.JSON).body("{\"record\":{}}").when().post(previewPath(connection))
                .then().statusCode(401);
        as(tenant, "secrets").body("{\"record\":{}}").when().post(previewPath(connection)).then().statusCode(403);
        as(tenant, "write").body("{\"record\":{}}").when().post(previewPath(connection)).then().statusCode(200);
        as(otherTenant, "read").body("{\"record\":{}}").when().post(previewPath(connection))
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("connection " + connection + " was not found"));
        UUID missing = UUID.randomUUID();
        as(tenant, "read").body("{\"record\":{}}").when().post(previewPath(missing)).then().statusCode(404);
    }

    @Test
    void newNumberAndDateSettingsAreValidatedOnWrite() {
        as(tenant, "write").body("""
                {"sourceField":"a","targetField":"b","transform":"NUMBER","transformConfig":{"format":"0.0.0","scale":"2"}}""")
                .when().post(path(connection))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("transformConfig.format", "transformConfig.scale")))
                .body("violations.find { it.field == 'transformConfig.scale' }.message",
                        equalTo("must be a whole number of decimals from 0 to 18"));
        as(tenant, "write").body("""
                {"sourceField":"a","targetField":"b","transform":"DATE",
                 "transformConfig":{"inputFormat":"yyyy-MM-dd","outputFormat":"dd/MM/yyyy","timezone":"Nowhere/City"}}""")
                .when().post(path(connection))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("transformConfig.timezone"))
                .body("violations[0].message", containsString("Europe/Paris"));
        assertThat(count("select count(*) from field_mappings where connection_id = ?", connection)).isZero();
    }
}
