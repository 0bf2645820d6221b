package io.integration.webhook.signature;

/** The outcome of checking a webhook signature; everything but {@link #VERIFIED} is a rejection. */
public enum VerificationStatus {
    VERIFIED,
    MISSING_SIGNATURE,
    MALFORMED_SIGNATURE,
    SIGNATURE_MISMATCH,
    TIMESTAMP_OUT_OF_TOLERANCE,
    /** Configuration, not the sender: no secret was given or none could be used as a key. */
    NO_USABLE_SECRET
}
