package io.integration.oauth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completed connect: the connection now CONNECTED and what was granted; never a token. */
@Schema(name = "OAuthConnected")
public record OAuthConnected(UUID connectionId, UUID integrationId, UUID venueId, UUID userId, String provider,
        String status, Instant tokenExpiresAt, List<String> scopes, int tokenVersion) {
}
