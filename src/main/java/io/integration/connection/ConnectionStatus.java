package io.integration.connection;

/** Lifecycle of a venue's or user's link to an integration. */
public enum ConnectionStatus {
    CONNECTED, DISCONNECTED, ERROR, EXPIRED
}
