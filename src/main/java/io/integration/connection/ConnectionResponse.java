package io.integration.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection as the API returns it: status, masks and versions, never a secret. */
@Schema(name = "Connection")
public record ConnectionResponse(UUID id, UUID integrationId, String provider, UUID venueId, UUID userId,
        ConnectionStatus status, String statusReason,
        @Schema(description = "At most the last 4 characters of the credential") String credentialMask,
        boolean hasRefreshToken, int tokenVersion, String kmsKeyId, Instant tokenExpiresAt, List<String> scopes,
        Instant connectedAt, Instant disconnectedAt, Instant lastTestedAt, String lastTestStatus,
        String lastTestMessage, Map<String, Object> metadata, long version, Instant createdAt, Instant updatedAt) {
}
