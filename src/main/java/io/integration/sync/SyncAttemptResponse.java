package io.integration.sync;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a worker's complete or fail: where the job stands now and the attempt's history row. */
@Schema(name = "SyncAttempt")
public record SyncAttemptResponse(UUID jobId,
        @Schema(description = "SUCCEEDED, PENDING (retry at nextAttemptAt) or DEAD") SyncJobStatus jobStatus,
        @Schema(description = "When the job may be claimed again (PENDING only)") Instant nextAttemptAt,
        SyncLogResponse log) {
}
