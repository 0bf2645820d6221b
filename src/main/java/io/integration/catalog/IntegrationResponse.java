package io.integration.catalog;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalog entry as the API returns it. */
@Schema(name = "Integration")
public record IntegrationResponse(UUID id, String name, String provider, IntegrationCategory category,
        IntegrationStatus status, String description,
        @Schema(description = "Optimistic-concurrency version; also sent as the ETag") long version,
        Instant createdAt, Instant updatedAt) {
}
