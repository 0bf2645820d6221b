package io.integration.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sync job as the tenant API returns it: what, its state, attempts, lease and progress. */
@Schema(name = "SyncJob")
public record SyncJobResponse(UUID id, UUID venueId, String provider, SyncType syncType,
        @Schema(description = "PENDING, RUNNING, SUCCEEDED, DEAD or CANCELLED") SyncJobStatus status, int priority,
        int attempts, int maxAttempts, @Schema(description = "Earliest time of the next attempt") Instant nextAttemptAt,
        @Schema(description = "Worker holding the lease while RUNNING") String leaseOwner, Instant leaseExpiresAt,
        Instant heartbeatAt, Instant startedAt, Instant finishedAt, Map<String, Object> payload,
        @Schema(description = "Last progress reported by the worker's heartbeat") Map<String, Object> progress,
        String lastError, @Schema(description = "Fire time of the schedule that enqueued it; absent when enqueued through the API")
        Instant scheduledFor, Instant createdAt, Instant updatedAt) {
}
