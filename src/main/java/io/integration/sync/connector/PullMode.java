package io.integration.sync.connector;

/** FULL pages through everything; INCREMENTAL sends the previous cursor as the provider's incremental parameter. */
public enum PullMode {
    FULL, INCREMENTAL
}
