package io.integration.sync;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One finished attempt of a sync job (row of sync_logs). */
@Schema(name = "SyncLog")
public record SyncLogResponse(UUID id, UUID jobId, UUID venueId, String provider, SyncType syncType,
        @Schema(description = "SUCCEEDED, FAILED (also an expired lease) or CANCELLED") SyncLogStatus status,
        int attempt, @Schema(description = "The worker that held the lease") String workerId,
        Instant startedAt, Instant finishedAt, SyncCounts records, String error, Instant createdAt) {
}
