package io.integration.sync.connector;

/**
 * A successful run: records fetched from the provider, delivered to the destination (created) and failed (a mapping
 * or id problem; the rest were still delivered), provider calls made (for cost), pages read, and the cursor to
 * store for the next INCREMENTAL run (the previous one when no record carried the incremental field).
 */
public record PullResult(long fetched, long created, long failed, long providerCalls, int pages, String cursor) {
}
