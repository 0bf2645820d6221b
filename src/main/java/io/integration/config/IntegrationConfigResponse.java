package io.integration.config;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A venue's config as the API returns it: settings, flags, masks and versions, never a secret. */
@Schema(name = "IntegrationConfig")
public record IntegrationConfigResponse(UUID id, UUID venueId, String provider, Map<String, Object> settings,
        boolean enabled, boolean syncEnabled,
        @Schema(description = "Quartz cron expression", examples = "0 */15 * * * ?") String syncSchedule,
        Instant lastSyncAt,
        @Schema(description = "Where the built-in REST pull connector delivers mapped records") String destinationUrl,
        boolean hasAccessToken,
        @Schema(description = "At most the last 4 characters of the access token") String accessTokenMask,
        boolean hasRefreshToken,
        boolean hasApiKey,
        @Schema(description = "At most the last 4 characters of the API key") String apiKeyMask,
        @Schema(description = "0 until credentials are stored; incremented each time they are replaced") int tokenVersion,
        @Schema(description = "Key-encryption key version wrapping this row's data keys") String kmsKeyId,
        @Schema(description = "Optimistic-concurrency version; also sent as the ETag") long version,
        Instant createdAt, Instant updatedAt) {
}
