package io.integration.oauth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A venue's stored OAuth tokens as the API returns them: masks, expiry and versions, never a token. */
@Schema(name = "OAuthToken")
public record OAuthTokenResponse(UUID id, UUID venueId, String provider, String accessTokenMask,
        boolean hasRefreshToken, boolean hasIdToken, String tokenType, List<String> scopes, Instant expiresAt,
        Instant refreshExpiresAt, String refreshStatus, int tokenVersion, String kmsKeyId, Instant lastRefreshedAt,
        Instant createdAt, Instant updatedAt) {
}
