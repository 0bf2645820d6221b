package io.integration.credential;

import static org.assertj.core.api.Assertions.assertThat;

import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.local.LocalKeyProvider;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness reflects the key provider's wrap/unwrap probe and never shows more than ids. */
class KeyProviderHealthCheckTest {

    @Test
    void upWithTheProviderAndActiveKey() {
        KeyRef active = new KeyRef("kek", 1);
        KeyProvider provider = LocalKeyProvider.create(Map.of(active, new byte[32]), active, Set.of(), new SecureRandom());

        HealthCheckResponse response = new KeyProviderHealthCheck(provider).call();

        assertThat(response.getName()).isEqualTo("key-provider");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("provider", "local")
                .containsEntry("activeKey", "kek:1"));
    }

    @Test
    void downWithTheTypedMessageWhenTheProviderCannotBeBuilt() {
        HealthCheckResponse response = new KeyProviderHealthCheck(failing(
                new KeyProviderException("integration.kms.local.active-key is not set"))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("detail", "integration.kms.local.active-key is not set"));
    }

    @Test
    void downWithOnlyTheTypeOfAnUnexpectedFailure() {
        HealthCheckResponse response = new KeyProviderHealthCheck(failing(
                new IllegalStateException("native detail that may echo anything"))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("detail", "key provider unavailable: IllegalStateException"));
    }

    /** Stands in for a CDI client proxy whose bean creation failed. */
    private static KeyProvider failing(RuntimeException failure) {
        return (KeyProvider) Proxy.newProxyInstance(KeyProvider.class.getClassLoader(),
                new Class<?>[] {KeyProvider.class}, (proxy, method, args) -> {
                    throw failure;
                });
    }
}
