package io.integration.sync;

/** What a sync job does: everything, what changed since the stored cursor, or what a webhook announced. */
public enum SyncType {
    FULL, INCREMENTAL, WEBHOOK
}
