package io.integration.webhook.signature;

import java.util.List;

/** GitHub: {@code X-Hub-Signature-256: sha256=<hex>} of the raw body; GitHub signs no timestamp. */
public final class GitHubScheme implements SignatureScheme {

    public static final String ID = "github";

    static final String HEADER = "X-Hub-Signature-256";
    static final String PREFIX = "sha256=";

    private final GenericHmacScheme hmac =
            new GenericHmacScheme(ID, HEADER, SignatureEncoding.HEX, PREFIX);

    @Override
    public String name() {
        return ID;
    }

    @Override
    public VerificationResult verify(WebhookRequest request, List<byte[]> secrets) {
        return hmac.verify(request, secrets);
    }
}
