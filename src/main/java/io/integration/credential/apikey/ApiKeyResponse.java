package io.integration.credential.apikey;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A venue's API key as the API returns it: masks and versions, never a secret. */
@Schema(name = "ApiKey")
public record ApiKeyResponse(UUID id, UUID venueId, String provider, String keyName,
        @Schema(description = "At most the last 4 characters of the API key") String apiKeyMask,
        boolean hasApiSecret, boolean hasWebhookSecret,
        @Schema(description = "Incremented each time the key is replaced") int keyVersion,
        @Schema(description = "Key-encryption key version wrapping this row's data keys") String kmsKeyId,
        Instant rotatedAt, Instant createdAt, Instant updatedAt) {
}
