package io.integration.webhook;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.integration.webhook.signature.SignatureSchemes;

/** Makes the signature scheme registry a bean, on the system clock. */
public class SignatureSchemesProducer {

    @Produces
    @ApplicationScoped
    SignatureSchemes signatureSchemes() {
        return new SignatureSchemes(Clock.systemUTC());
    }
}
