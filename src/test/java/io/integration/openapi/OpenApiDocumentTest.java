package io.integration.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;

/** The served OpenAPI document is structurally valid and lists every JAX-RS operation of the application. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private JsonNode document;

    @BeforeEach
    void fetchDocument() throws Exception {
        String json = given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void isAStructurallyValidOpenApi3Document() {
        assertThat(document.path("openapi").asText()).matches("3\\.[0-9]+\\.[0-9]+");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("paths").isObject()).isTrue();
        assertThat(document.path("paths").size()).isPositive();

        Set<String> operationIds = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> {
            assertThat(path.getKey()).as("path key").startsWith("/");
            path.getValue().fields().forEachRemaining(entry -> {
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    return;
                }
                JsonNode operation = entry.getValue();
                String where = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                assertThat(operation.hasNonNull("operationId") || operation.hasNonNull("summary"))
                        .as("%s has an operationId or a summary", where).isTrue();
                if (operation.hasNonNull("operationId")) {
                    assertThat(operationIds.add(operation.get("operationId").asText()))
                            .as("operationId of %s is unique", where).isTrue();
                }
                assertThat(operation.path("responses").size()).as("responses of %s", where).isPositive();
                operation.path("parameters").forEach(parameter -> {
                    if (!parameter.has("$ref")) {
                        assertThat(parameter.path("name").asText()).as("parameter name in %s", where).isNotBlank();
                        assertThat(parameter.path("in").asText()).as("parameter location in %s", where)
                                .isIn("path", "query", "header", "cookie");
                    }
                });
            });
        });
    }

    @Test
    void everyReferenceResolvesWithinTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).as("local reference").startsWith("#/components/");
            JsonNode target = document.at(ref.substring(1));
            assertThat(target.isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    @Test
    void everyResourceMethodOfTheApplicationIsDocumented() {
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + normalize(path.getKey()));
            }
        }));

        Set<String> implemented = resourceOperations();
        // Not vacuous: the scan found the application's resources.
        assertThat(implemented).contains("GET /api/v1/providers", "PUT /api/v1/venues/{venueId}/configs/{provider}",
                "POST /api/v1/integrations");
        assertThat(documented).containsAll(implemented);
    }

    @Test
    void creatingPostsDocumentTheIdempotencyKeyHeader() {
        JsonNode create = document.path("paths").path("/api/v1/integrations").path("post");
        List<String> headers = new ArrayList<>();
        create.path("parameters").forEach(p -> {
            if ("header".equals(p.path("in").asText())) {
                headers.add(p.path("name").asText());
            }
        });
        assertThat(headers).contains("Idempotency-Key");
        assertThat(create.path("operationId").asText()).isEqualTo("IntegrationResource_create");
    }

    /** "METHOD /path" of every JAX-RS resource method in io.integration, found in the compiled classes. */
    private static Set<String> resourceOperations() {
        Set<String> operations = new TreeSet<>();
        Iterable<JavaClass> classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.integration");
        for (JavaClass type : classes) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = type.getAnnotationOfType(Path.class).value();
            for (JavaMethod method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                String sub = method.isAnnotatedWith(Path.class) ? method.getAnnotationOfType(Path.class).value() : "";
                operations.add(verb + " " + normalize(base + "/" + sub));
            }
        }
        return operations;
    }

    private static String httpMethod(JavaMethod method) {
        for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
            JavaClass type = annotation.getRawType();
            if (type.isAnnotatedWith(HttpMethod.class)) {
                return (String) type.getAnnotationOfType(HttpMethod.class.getName()).get("value").orElseThrow();
            }
        }
        return null;
    }

    private static String normalize(String path) {
        String collapsed = ("/" + path).replaceAll("/+", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
