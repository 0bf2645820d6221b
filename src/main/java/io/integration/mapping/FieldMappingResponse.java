package io.integration.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A connection's field mapping as the API returns it. */
@Schema(name = "FieldMapping")
public record FieldMappingResponse(UUID id, UUID connectionId,
        @Schema(examples = "/customer/email") String sourceField,
        @Schema(examples = "email") String targetField,
        FieldTransform transform,
        @Schema(description = "Settings of the transform; {} when it has none") ObjectNode transformConfig,
        boolean required, int position,
        @Schema(description = "Optimistic-concurrency version; also sent as the ETag") long version,
        Instant createdAt, Instant updatedAt) {
}
