package io.integration.catalog;

/** Whether a catalog entry can be used for new connections. */
public enum IntegrationStatus {
    ACTIVE, INACTIVE, DEPRECATED
}
