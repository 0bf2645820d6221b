package io.integration.sync;

/**
 * States of a sync job: PENDING (waiting, possibly backing off) → RUNNING (leased) → SUCCEEDED, or back to PENDING
 * after a retryable failure or an expired lease, DEAD after the last attempt; CANCELLED by a tenant. FAILED exists in
 * the schema but the queue does not use it (a failed attempt is PENDING again or DEAD).
 */
public enum SyncJobStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, DEAD, CANCELLED
}
