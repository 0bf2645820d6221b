package io.integration.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plaintext credentials of a connection, for internal services with the secrets role; every reveal is audited. */
@Schema(name = "RevealedConnectionCredentials")
public record RevealedConnectionCredentials(
        @Schema(description = "API key, access token, or username:password for BASIC providers") String credential,
        String refreshToken, int tokenVersion) {

    @Override
    public String toString() {
        return "RevealedConnectionCredentials[v" + tokenVersion + ", secrets redacted]";
    }
}
