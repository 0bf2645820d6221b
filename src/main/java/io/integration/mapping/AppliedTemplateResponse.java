package io.integration.mapping;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What applying a template did to a connection, and the connection's mappings that came from the template. */
@Schema(name = "AppliedTemplate")
public record AppliedTemplateResponse(UUID templateId, UUID connectionId,
        @Schema(description = "Mappings that did not exist yet") int created,
        @Schema(description = "Existing mappings of the same sourceField/targetField, replaced by the template's rule")
        int updated,
        @Schema(description = "The resulting mappings, in the template's position order") List<FieldMappingResponse> mappings) {
}
