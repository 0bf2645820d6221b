package io.integration.sync;

import java.util.UUID;

/** Optional filters of the sync log list. */
record SyncLogFilter(UUID venueId, String provider, UUID jobId, SyncLogStatus status) {
}
