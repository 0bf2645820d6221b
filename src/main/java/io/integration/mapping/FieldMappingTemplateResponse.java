package io.integration.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mapping template as the API returns it, with every optional part of its rules filled in. */
@Schema(name = "FieldMappingTemplate")
public record FieldMappingTemplateResponse(UUID id, String name,
        @Schema(examples = "hubspot") String integrationType, String description,
        List<MappingDefinition> mappings, boolean isDefault,
        @Schema(description = "Optimistic-concurrency version; also sent as the ETag") long version,
        Instant createdAt, Instant updatedAt) {
}
