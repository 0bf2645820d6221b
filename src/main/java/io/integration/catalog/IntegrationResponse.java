package io.integration.catalog;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.integration.provider.ProviderDefinition;

/** A catalog entry as the API returns it. */
@Schema(name = "Integration")
public record IntegrationResponse(UUID id, String name, String provider,
        @Schema(description = "Display name from the provider definition", examples = "Stripe") String providerDisplayName,
        @Schema(description = "How connections authenticate, from the provider definition") ProviderDefinition.AuthMode authMode,
        IntegrationCategory category, IntegrationStatus status, String description,
        @Schema(description = "Optimistic-concurrency version; also sent as the ETag") long version,
        Instant createdAt, Instant updatedAt) {
}
