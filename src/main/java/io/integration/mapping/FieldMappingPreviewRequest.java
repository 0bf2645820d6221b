package io.integration.mapping;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A sample source record to run a connection's stored mappings on. */
@Schema(name = "FieldMappingPreviewRequest")
public record FieldMappingPreviewRequest(
        @NotNull(message = "must be a JSON object: the sample source record")
        @Schema(required = true, description = "A source record as the provider sends it",
                examples = "{\"customer\":{\"email\":\" Ann@Example.com \"}}")
        ObjectNode record) {
}
