package io.integration.webhook.signature;

/** A provider definition names a signature scheme this service does not implement. */
public final class UnknownSignatureSchemeException extends IllegalArgumentException {

    private final String schemeId;

    public UnknownSignatureSchemeException(String schemeId) {
        super("Unknown webhook signature scheme '" + schemeId + "'; known schemes: "
                + String.join(", ", SignatureSchemes.KNOWN));
        this.schemeId = schemeId;
    }

    public String schemeId() {
        return schemeId;
    }
}
