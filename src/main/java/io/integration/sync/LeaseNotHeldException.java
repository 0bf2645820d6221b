package io.integration.sync;

import java.util.UUID;

import io.integration.common.ConflictException;

/** A worker reported on a job whose lease it does not (or no longer) hold: cancelled, expired, or another worker's. */
public class LeaseNotHeldException extends ConflictException {

    public LeaseNotHeldException(UUID jobId, String workerId, String reason) {
        super("worker '" + workerId + "' does not hold the lease of sync job " + jobId + ": " + reason);
    }
}
