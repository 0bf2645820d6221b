package io.integration.mapping;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class FieldMappingOpenApiTest {

    private static final Map<String, String> OPERATIONS = Map.of(
            "/api/v1/connections/{connectionId}/field-mappings", "get post",
            "/api/v1/connections/{connectionId}/field-mappings/{id}", "get put delete",
            "/api/v1/field-mapping-templates", "get post",
            "/api/v1/field-mapping-templates/{id}", "get put delete",
            "/api/v1/field-mapping-templates/{id}/apply", "post");

    @Test
    void everyMappingEndpointIsDocumentedWithASummaryATagAndTheBearerScheme() {
        JsonPath document = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        OPERATIONS.forEach((path, methods) -> {
            for (String method : methods.split(" ")) {
                Map<String, Object> operation = document.getMap("paths.'" + path + "'." + method);
                assertThat(operation).as("%s %s", method, path).isNotNull();
                assertThat((String) operation.get("summary")).as("summary of %s %s", method, path).isNotBlank();
                assertThat(operation.get("tags").toString()).contains("Field mapping");
                assertThat(operation.get("security").toString()).contains("bearer");
            }
        });
        assertThat(document.getList("components.schemas.FieldTransform.enum", String.class))
                .hasSize(FieldTransform.values().length);
        assertThat(document.getString("components.schemas.FieldMappingDefinition.properties.sourceField.examples[0]"))
                .isEqualTo("/customer/email");
    }
}
