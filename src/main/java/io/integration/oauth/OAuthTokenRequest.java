package io.integration.oauth;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Tokens obtained from a provider, to store or replace; write-only. */
@Schema(name = "OAuthTokenRequest")
public record OAuthTokenRequest(
        @NotBlank @Size(max = 8192) String accessToken,
        @Size(max = 8192) String refreshToken,
        @Size(max = 16384) String idToken,
        @Schema(examples = "Bearer") @Size(max = 40) String tokenType,
        @Schema(description = "When the access token expires") Instant expiresAt,
        @Schema(description = "When the refresh token expires, if the provider says") Instant refreshExpiresAt,
        List<@Size(max = 200) String> scopes) {

    @Override
    public String toString() {
        return "OAuthTokenRequest[secrets redacted]";
    }
}
