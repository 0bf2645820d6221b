package io.integration.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job a worker holds the lease of: what to sync, for whom, from which cursor, and until when the lease runs. */
@Schema(name = "ClaimedSyncJob")
public record ClaimedJob(UUID id, UUID tenantId, UUID venueId, String provider, SyncType syncType,
        @Schema(description = "The job's payload as enqueued (e.g. webhookEventId for WEBHOOK jobs)") Map<String, Object> payload,
        @Schema(description = "1 for the first attempt") int attempt, int maxAttempts, Instant leaseExpiresAt,
        @Schema(description = "Incremental cursor of the last successful sync of this venue and provider; absent before the first")
        String cursor) {
}
