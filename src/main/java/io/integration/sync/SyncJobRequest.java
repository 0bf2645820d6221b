package io.integration.sync;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sync job to enqueue for a venue and provider. */
@Schema(name = "SyncJobRequest")
public record SyncJobRequest(
        @Schema(description = "The venue (venue-service id)") @NotNull UUID venueId,
        @Schema(description = "Provider slug", examples = "square") @NotNull
        @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,63}$", message = "must be a lowercase slug: letters, digits, '-' or '_', at most 64 characters")
        String provider,
        @Schema(description = "FULL, INCREMENTAL or WEBHOOK") @NotNull SyncType syncType,
        @Schema(description = "Higher runs first among due jobs; default 0") @Min(-100) @Max(100) Integer priority,
        @Schema(description = "Free JSON object handed to the worker, at most 50 top-level fields") @Size(max = 50)
        Map<String, Object> payload) {
}
