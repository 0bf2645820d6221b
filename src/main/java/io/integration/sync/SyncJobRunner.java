package io.integration.sync;

import io.smallrye.mutiny.Uni;

/**
 * Runs one claimed job for the built-in worker loop (e.g. the generic REST connector). The loop heartbeats while the
 * returned Uni is pending and completes or fails the job with the result; a failed Uni counts as a retryable failure.
 */
public interface SyncJobRunner {

    Uni<SyncResult> run(ClaimedJob job);
}
