package io.integration.webhook.signature;

import java.util.List;

/** One provider's way of signing a webhook, checked against the raw request and the venue's secrets. */
public interface SignatureScheme {

    /** The scheme id as provider definitions name it, e.g. {@code stripe}; carried in every result. */
    String name();

    /**
     * Verifies the request against any of the secrets (several during a rotation overlap).
     * Never throws for anything the sender controls: hostile input ends in a typed failure.
     */
    VerificationResult verify(WebhookRequest request, List<byte[]> secrets);
}
