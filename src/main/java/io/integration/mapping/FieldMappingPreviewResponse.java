package io.integration.mapping;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a connection's mappings make of a sample record; a record with errors would fail a sync. */
@Schema(name = "FieldMappingPreview")
public record FieldMappingPreviewResponse(
        @Schema(description = "The target record the rules that succeeded produced") ObjectNode mapped,
        @Schema(description = "One entry per failed rule: its source field and why") List<MappingViolation> errors,
        @Schema(description = "How many stored rules were applied") int rulesApplied) {
}
