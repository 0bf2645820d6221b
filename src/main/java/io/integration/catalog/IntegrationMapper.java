package io.integration.catalog;

/** Explicit mapping between catalog DTOs and the entity. */
final class IntegrationMapper {

    private IntegrationMapper() {
    }

    static IntegrationResponse toResponse(Integration entity) {
        return new IntegrationResponse(entity.id, entity.name, entity.provider, entity.category, entity.status,
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
