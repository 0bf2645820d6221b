package io.integration.config;

import java.util.Map;

/** Explicit mapping from the config entity to its response: masks and flags, never a blob. */
final class IntegrationConfigMapper {

    private IntegrationConfigMapper() {
    }

    static IntegrationConfigResponse toResponse(IntegrationConfig entity) {
        return new IntegrationConfigResponse(entity.id, entity.venueId, entity.integrationType,
                entity.config == null ? Map.of() : entity.config, entity.enabled, entity.syncEnabled,
                entity.syncSchedule, entity.lastSyncAt, entity.destinationUrl, entity.accessTokenEncrypted != null, entity.accessTokenMask,
                entity.refreshTokenEncrypted != null, entity.apiKeyEncrypted != null, entity.apiKeyMask,
                entity.tokenVersion, entity.kmsKeyId, entity.version, entity.createdAt, entity.updatedAt);
    }
}
