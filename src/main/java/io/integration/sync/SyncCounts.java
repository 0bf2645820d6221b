package io.integration.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Record counts of one attempt, as written to sync_logs; none is negative. */
@Schema(name = "SyncCounts")
public record SyncCounts(int fetched, int created, int updated, int deleted, int failed) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0, 0);

    public SyncCounts {
        if (fetched < 0 || created < 0 || updated < 0 || deleted < 0 || failed < 0) {
            throw new IllegalArgumentException("record counts must not be negative");
        }
    }
}
