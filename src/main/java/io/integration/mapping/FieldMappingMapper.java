package io.integration.mapping;

import java.util.UUID;

import io.integration.tenancy.TenantId;

/** Explicit mapping between field-mapping DTOs and the entity. */
final class FieldMappingMapper {

    private FieldMappingMapper() {
    }

    static FieldMappingResponse toResponse(FieldMapping entity) {
        return new FieldMappingResponse(entity.id, entity.connectionId, entity.sourceField, entity.targetField,
                entity.transform, entity.transformConfig, entity.required, entity.position, entity.version,
                entity.createdAt, entity.updatedAt);
    }

    static MappingDefinition toDefinition(FieldMapping entity) {
        return new MappingDefinition(entity.sourceField, entity.targetField, entity.transform, entity.transformConfig,
                entity.required, entity.position);
    }

    static FieldMapping newMapping(TenantId tenant, UUID connectionId) {
        FieldMapping entity = new FieldMapping();
        entity.id = UUID.randomUUID();
        entity.tenantId = tenant.value();
        entity.connectionId = connectionId;
        return entity;
    }

    /** Copies a normalized definition (see {@link MappingDefinition#normalized}) onto the entity. */
    static void apply(MappingDefinition normalized, FieldMapping entity) {
        entity.sourceField = normalized.sourceField();
        entity.targetField = normalized.targetField();
        entity.transform = normalized.transform();
        entity.transformConfig = normalized.transformConfig().deepCopy();
        entity.required = normalized.required();
        entity.position = normalized.position();
    }
}
