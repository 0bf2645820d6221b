package io.integration.sync;

/** Outcome of one finished attempt in sync_logs (an expired lease is a FAILED attempt). */
public enum SyncLogStatus {
    SUCCEEDED, FAILED, CANCELLED
}
