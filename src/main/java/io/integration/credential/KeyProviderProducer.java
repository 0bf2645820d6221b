package io.integration.credential;

import io.integration.credential.envelope.EnvelopeEncryptor;
import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.local.LocalKeyLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;

/** CDI wiring of the configured key provider and of the envelope encryptor on top of it. */
@ApplicationScoped
public class KeyProviderProducer {

    private final KmsConfig config;

    KeyProviderProducer(KmsConfig config) {
        this.config = config;
    }

    /** Created on first use, so a misconfigured provider shows up as a failing readiness check, not a crash loop. */
    @Produces
    @ApplicationScoped
    KeyProvider keyProvider() {
        return new KeyProviderFactory(new LocalKeyLoader(), new SecureRandom()).create(config);
    }

    void closeKeyProvider(@Disposes KeyProvider keyProvider) {
        keyProvider.close();
    }

    @Produces
    @Singleton
    EnvelopeEncryptor envelopeEncryptor(KeyProvider keyProvider) {
        return new EnvelopeEncryptor(keyProvider);
    }
}
