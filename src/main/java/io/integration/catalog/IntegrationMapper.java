package io.integration.catalog;

import java.util.Optional;

import io.integration.provider.ProviderDefinition;

/** Explicit mapping between catalog DTOs and the entity. */
final class IntegrationMapper {

    private IntegrationMapper() {
    }

    /** {@code definition} is empty for a row whose provider is no longer shipped: the entry stays readable. */
    static IntegrationResponse toResponse(Integration entity, Optional<ProviderDefinition> definition) {
        return new IntegrationResponse(entity.id, entity.name, entity.provider,
                definition.map(ProviderDefinition::displayName).orElse(null),
                definition.map(ProviderDefinition::authMode).orElse(null), entity.category, entity.status,
                entity.description, entity.version, entity.createdAt, entity.updatedAt);
    }

    static void apply(IntegrationRequest request, Integration entity) {
        entity.name = request.name().strip();
        entity.provider = request.provider();
        entity.category = request.category();
        entity.status = request.status() == null ? IntegrationStatus.ACTIVE : request.status();
        entity.description = request.description();
    }
}
