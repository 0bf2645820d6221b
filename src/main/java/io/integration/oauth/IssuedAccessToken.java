package io.integration.oauth;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A provider access token handed to an internal service (secrets or system role; audited; never cached). */
@Schema(name = "OAuthAccessToken")
public record IssuedAccessToken(String accessToken, String tokenType, Instant expiresAt, List<String> scopes) {

    @Override
    public String toString() {
        return "IssuedAccessToken[redacted]";
    }
}
