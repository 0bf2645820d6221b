package io.integration.sync;

/** Entity → response mapping of the sync feature's tenant API. */
final class SyncMapper {

    private SyncMapper() {
    }

    static SyncJobResponse toResponse(SyncJob job) {
        return new SyncJobResponse(job.id, job.venueId, job.integrationType, job.syncType, job.status, job.priority,
                job.attempts, job.maxAttempts, job.nextAttemptAt, job.leaseOwner, job.leaseExpiresAt, job.heartbeatAt,
                job.startedAt, job.finishedAt, job.payload, job.progress, job.lastError, job.scheduledFor, job.createdAt,
                job.updatedAt);
    }

    static SyncLogResponse toResponse(SyncLog log) {
        return new SyncLogResponse(log.id, log.syncJobId, log.venueId, log.integrationType, log.syncType, log.status,
                log.attempt, log.workerId, log.startedAt, log.finishedAt,
                new SyncCounts(log.recordsFetched, log.recordsCreated, log.recordsUpdated, log.recordsDeleted,
                        log.recordsFailed),
                log.errorMessage, log.createdAt);
    }
}
