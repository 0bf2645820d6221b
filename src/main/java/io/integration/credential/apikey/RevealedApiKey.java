package io.integration.credential.apikey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plaintext of a venue's API key, for internal services with the secrets role; every reveal is audited. */
@Schema(name = "RevealedApiKey")
public record RevealedApiKey(String provider, String keyName, int keyVersion, String apiKey, String apiSecret,
        String webhookSecret) {

    @Override
    public String toString() {
        return "RevealedApiKey[" + provider + "/" + keyName + " v" + keyVersion + ", secrets redacted]";
    }
}
