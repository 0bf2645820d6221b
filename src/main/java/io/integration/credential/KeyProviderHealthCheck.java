package io.integration.credential;

import io.integration.credential.kms.CredentialCryptoException;
import io.integration.credential.kms.HealthStatus;
import io.integration.credential.kms.KeyProvider;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the key provider can wrap and unwrap a probe data key under its active key. */
@Readiness
@ApplicationScoped
public class KeyProviderHealthCheck implements HealthCheck {

    static final String NAME = "key-provider";

    private final KeyProvider keyProvider;

    public KeyProviderHealthCheck(KeyProvider keyProvider) {
        this.keyProvider = keyProvider;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            HealthStatus status = keyProvider.checkHealth();
            return response.status(status.up())
                    .withData("provider", status.provider())
                    .withData("activeKey", String.valueOf(status.activeKey()))
                    .withData("detail", status.detail())
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("detail", describe(e)).build();
        }
    }

    /** Our own messages carry ids only, so they are safe to show; anything else is reduced to its type. */
    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CredentialCryptoException) {
                return t.getMessage();
            }
        }
        return "key provider unavailable: " + failure.getClass().getSimpleName();
    }
}
