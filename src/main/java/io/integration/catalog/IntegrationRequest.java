package io.integration.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a create or full update of a catalog entry. */
@Schema(name = "IntegrationRequest", description = "A catalog entry to create or replace")
public record IntegrationRequest(
        @Schema(description = "Display name, unique per provider within the tenant", examples = "Stripe payments")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Provider slug", examples = "stripe")
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,63}$",
                message = "must be a lowercase slug: letters, digits, '-' or '_', at most 64 characters")
        String provider,
        @Schema(description = "Kind of provider") @NotNull IntegrationCategory category,
        @Schema(description = "Defaults to ACTIVE") IntegrationStatus status,
        @Schema(description = "Free text, at most 2000 characters") @Size(max = 2000) String description) {
}
