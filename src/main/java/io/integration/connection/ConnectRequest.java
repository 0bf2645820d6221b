package io.integration.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Connect a venue and/or user to an integration with credentials; which credential fields apply depends on the provider's auth mode. */
@Schema(name = "ConnectRequest")
public record ConnectRequest(
        @Schema(description = "The venue (venue-service id); absent for a user- or tenant-level connection") UUID venueId,
        @Schema(description = "The user (auth-service id); absent for a venue-level connection") UUID userId,
        @Valid Credentials credentials,
        @Schema(description = "Free-form metadata kept with the connection") Map<String, Object> metadata) {

    /** Secrets of the connection: write-only, never returned. */
    @Schema(name = "ConnectionCredentials")
    public record Credentials(
            @Schema(description = "API_KEY providers") @Size(max = 4096) String apiKey,
            @Schema(description = "OAUTH2 providers") @Size(max = 8192) String accessToken,
            @Schema(description = "OAUTH2 providers, optional") @Size(max = 8192) String refreshToken,
            @Schema(description = "OAUTH2: when the access token expires") Instant expiresAt,
            @Schema(description = "OAUTH2: granted scopes") List<@Size(max = 200) String> scopes,
            @Schema(description = "BASIC providers") @Size(max = 256) String username,
            @Schema(description = "BASIC providers") @Size(max = 4096) String password) {

        @Override
        public String toString() {
            return "Credentials[redacted]";
        }
    }
}
