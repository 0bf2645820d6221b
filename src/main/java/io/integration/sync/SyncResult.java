package io.integration.sync;

/**
 * What a {@link SyncJobRunner} reports for one attempt: counts, the new incremental cursor (null keeps the stored one),
 * and for a failure the error (no secrets: it is stored and shown) and whether another attempt may help.
 */
public record SyncResult(SyncCounts counts, String cursor, String error, boolean retryable) {

    public SyncResult {
        counts = counts == null ? SyncCounts.NONE : counts;
    }

    public static SyncResult succeeded(SyncCounts counts, String cursor) {
        return new SyncResult(counts, cursor, null, false);
    }

    public static SyncResult failed(SyncCounts counts, String error, boolean retryable) {
        return new SyncResult(counts, null, error == null || error.isBlank() ? "sync failed" : error, retryable);
    }

    public boolean succeeded() {
        return error == null;
    }
}
