package io.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs after packaging (Surefire execution in the verify phase, next to SecretsInLogsAudit): the Kubernetes manifests
 * that quarkus-kubernetes generated run what the Dockerfiles build, probe the health endpoints, bound the resources,
 * take every secret from a Secret, and the copy in deploy/ is the generated one.
 */
class KubernetesManifestAudit {

    private static final Path GENERATED = Path.of("target", "kubernetes");
    private static final List<String> FROM_SECRETS = List.of("QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_WORKER_REACTIVE_URL", "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_DATASOURCE_WORKER_PASSWORD", "QUARKUS_FLYWAY_PASSWORD", "INTEGRATION_KMS_LOCAL_ACTIVE_KEY",
            "INTEGRATION_WEBHOOKS_DELIVERY_SECRET", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_AUDIENCE");

    private final Map<String, JsonNode> byKind = new HashMap<>();

    private void load() throws IOException {
        for (JsonNode resource : new ObjectMapper().readTree(GENERATED.resolve("kubernetes.json").toFile())) {
            byKind.put(resource.path("kind").asText(), resource);
        }
    }

    @Test
    void theDeploymentProbesBoundsAndTakesItsSecretsFromSecrets() throws IOException {
        load();
        assertThat(byKind.keySet()).contains("Deployment", "Service", "ServiceAccount")
                .doesNotContain("Job", "ServiceMonitor");
        JsonNode pod = byKind.get("Deployment").path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(container.path("image").asText()).endsWith("integration/integration-service:1.0.0-SNAPSHOT");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        for (String bound : List.of("requests", "limits")) {
            assertThat(container.path("resources").path(bound).path("cpu").asText()).as(bound).isNotBlank();
            assertThat(container.path("resources").path(bound).path("memory").asText()).as(bound).isNotBlank();
        }
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo(byKind.get("ServiceAccount").path("metadata")
                .path("name").asText());
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        // Longer than readiness delay + request drain + webhook drain (5 s + 20 s + 10 s).
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(40);

        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        for (String name : FROM_SECRETS) {
            assertThat(env).as("environment variable %s", name).containsKey(name);
            assertThat(env.get(name).has("value")).as("%s has no literal value", name).isFalse();
            assertThat(env.get(name).path("valueFrom").path("secretKeyRef").path("name").asText())
                    .as("%s comes from a Secret", name).startsWith("integration-service-");
        }
        List<String> literal = new ArrayList<>();
        env.values().stream().filter(variable -> variable.has("value")).forEach(variable -> literal.add(
                variable.path("name").asText()));
        assertThat(literal).noneMatch(name -> name.contains("PASSWORD") || name.contains("SECRET")
                || name.endsWith("_URL") || name.contains("KEYS"));
        // The key-encryption keys are files of a Secret, mounted read-only where the local key provider reads them.
        String keyDirectory = env.get("INTEGRATION_KMS_LOCAL_KEY_DIRECTORY").path("value").asText();
        assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains(keyDirectory);
        assertThat(pod.path("volumes").findValuesAsText("secretName")).contains("integration-service-kek");

        JsonNode selector = byKind.get("Deployment").path("spec").path("selector").path("matchLabels");
        assertThat(selector.has("app.kubernetes.io/version")).as("a selector that survives a new version").isFalse();
        assertThat(byKind.get("Service").path("spec").path("ports").get(0).path("targetPort").asInt()).isEqualTo(8080);
    }

    @Test
    void theCommittedCopyIsTheGeneratedManifest() throws IOException {
        // The generator lists the environment variables in no stable order: compare the lines, not their sequence.
        assertThat(sortedLines(Path.of("deploy", "kubernetes.yml")))
                .as("deploy/kubernetes.yml is stale: cp target/kubernetes/kubernetes.yml deploy/")
                .isEqualTo(sortedLines(GENERATED.resolve("kubernetes.yml")));
    }

    private static List<String> sortedLines(Path file) throws IOException {
        // The generator annotates the commit it was built from (when the tree is a git checkout): not part of the copy.
        return Files.readAllLines(file).stream().filter(line -> !line.contains("app.quarkus.io/commit-id"))
                .sorted().toList();
    }
}
