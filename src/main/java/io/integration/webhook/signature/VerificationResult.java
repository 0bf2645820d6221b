package io.integration.webhook.signature;

import java.util.Objects;

/**
 * A typed verification outcome with the scheme and a reason fit for logs and audit records.
 * The reason is always one of the schemes' fixed phrases: never a header value, a signature or a secret.
 */
public record VerificationResult(VerificationStatus status, String scheme, String reason) {

    public VerificationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(reason, "reason");
    }

    public static VerificationResult verified(String scheme) {
        return new VerificationResult(VerificationStatus.VERIFIED, scheme, "signature verified");
    }

    public static VerificationResult rejected(VerificationStatus status, String scheme, String reason) {
        if (status == VerificationStatus.VERIFIED) {
            throw new IllegalArgumentException("a rejection cannot carry the VERIFIED status");
        }
        return new VerificationResult(status, scheme, reason);
    }

    public boolean isVerified() {
        return status == VerificationStatus.VERIFIED;
    }
}
