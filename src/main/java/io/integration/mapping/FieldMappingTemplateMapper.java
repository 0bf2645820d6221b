package io.integration.mapping;

import java.util.ArrayList;
import java.util.List;

/** Explicit mapping between template DTOs and the entity. */
final class FieldMappingTemplateMapper {

    private FieldMappingTemplateMapper() {
    }

    static FieldMappingTemplateResponse toResponse(FieldMappingTemplate entity) {
        return new FieldMappingTemplateResponse(entity.id, entity.name, entity.integrationType, entity.description,
                List.copyOf(entity.mappings), entity.defaultTemplate, entity.version, entity.createdAt, entity.updatedAt);
    }

    static void apply(FieldMappingTemplateRequest request, FieldMappingTemplate entity) {
        entity.name = request.name().strip();
        entity.integrationType = request.integrationType();
        entity.description = request.description();
        entity.defaultTemplate = Boolean.TRUE.equals(request.isDefault());
        // A rule without a position keeps its place in the list.
        List<MappingDefinition> mappings = new ArrayList<>(request.mappings().size());
        for (int i = 0; i < request.mappings().size(); i++) {
            mappings.add(request.mappings().get(i).normalized(i));
        }
        entity.mappings = mappings;
    }
}
