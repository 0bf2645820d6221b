package io.integration.connection;

import java.util.UUID;

/** Optional filters of the connection list. */
public record ConnectionFilter(UUID integrationId, UUID venueId, ConnectionStatus status) {
}
