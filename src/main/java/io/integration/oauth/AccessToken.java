package io.integration.oauth;

import java.time.Instant;

/** A provider access token ready to use, as handed to the sync engine; toString never shows the value. */
public record AccessToken(String value, String tokenType, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[" + tokenType + ", expires " + expiresAt + ", value redacted]";
    }
}
