package io.integration.sync;

import java.util.UUID;

/** Optional filters of the sync job list. */
record SyncJobFilter(UUID venueId, String provider, SyncJobStatus status, SyncType syncType) {
}
