package io.integration.catalog;

/** Optional filters of the catalog list. */
public record IntegrationFilter(IntegrationCategory category, String provider, IntegrationStatus status) {
}
