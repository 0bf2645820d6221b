package io.integration.sync;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the external worker API (claim, heartbeat, complete, fail). */
public final class SyncWorkerRequests {

    static final String WORKER_ID = "^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$";
    static final String WORKER_ID_MESSAGE = "must be 1 to 200 letters, digits or . _ : @ / - (starting with a letter or digit)";

    private SyncWorkerRequests() {
    }

    /** Lease due jobs of these providers to this worker. */
    @Schema(name = "SyncClaimRequest")
    public record Claim(
            @Schema(description = "Stable id of the worker instance; every later call must name it") @NotNull
            @Pattern(regexp = WORKER_ID, message = WORKER_ID_MESSAGE) String workerId,
            @Schema(description = "Provider slugs this worker handles") @NotEmpty @Size(max = 50) List<@NotBlank String> providers,
            @Schema(description = "Most jobs to lease, 1 to 100 (default 1)") @Min(1) @Max(100) Integer limit,
            @Schema(description = "Lease length in seconds (default integration.sync.lease, at most integration.sync.max-lease)")
            @Min(5) Integer leaseSeconds) {
    }

    /** Keep the lease and report progress. */
    @Schema(name = "SyncHeartbeatRequest")
    public record Heartbeat(
            @NotNull @Pattern(regexp = WORKER_ID, message = WORKER_ID_MESSAGE) String workerId,
            @Schema(description = "Free JSON object stored as the job's progress; absent keeps the last") @Size(max = 100)
            Map<String, Object> progress,
            @Schema(description = "New lease length in seconds from now (default integration.sync.lease)") @Min(5) Integer leaseSeconds) {
    }

    /** The attempt succeeded. */
    @Schema(name = "SyncCompleteRequest")
    public record Complete(
            @NotNull @Pattern(regexp = WORKER_ID, message = WORKER_ID_MESSAGE) String workerId,
            @Min(0) Integer recordsFetched, @Min(0) Integer recordsCreated, @Min(0) Integer recordsUpdated,
            @Min(0) Integer recordsDeleted, @Min(0) Integer recordsFailed,
            @Schema(description = "Incremental cursor for the next sync of this venue and provider; absent keeps the stored one")
            @Size(min = 1, max = 4000) String cursor) {

        SyncCounts counts() {
            return new SyncCounts(zero(recordsFetched), zero(recordsCreated), zero(recordsUpdated), zero(recordsDeleted),
                    zero(recordsFailed));
        }
    }

    /** The attempt failed. */
    @Schema(name = "SyncFailRequest")
    public record Fail(
            @NotNull @Pattern(regexp = WORKER_ID, message = WORKER_ID_MESSAGE) String workerId,
            @Schema(description = "What went wrong (stored and shown; no secrets)") @NotBlank @Size(max = 2000) String error,
            @Schema(description = "true: retry with backoff while attempts remain; false: DEAD now") @NotNull Boolean retryable) {
    }

    /** The jobs leased by a claim (possibly none). */
    @Schema(name = "SyncClaimResponse")
    public record Claimed(List<ClaimedJob> jobs) {
    }

    /** The extended lease. */
    @Schema(name = "SyncHeartbeatResponse")
    public record Lease(java.util.UUID jobId, java.time.Instant leaseExpiresAt) {
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }
}
