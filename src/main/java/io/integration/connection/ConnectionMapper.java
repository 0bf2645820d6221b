package io.integration.connection;

import java.util.List;

/** Explicit mapping of connections to their API form. */
final class ConnectionMapper {

    private ConnectionMapper() {
    }

    static ConnectionResponse toResponse(Connection c, String provider) {
        return new ConnectionResponse(c.id, c.integrationId, provider, c.venueId, c.userId, c.status, c.statusReason,
                c.credentialMask, c.refreshTokenEncrypted != null, c.tokenVersion, c.kmsKeyId, c.tokenExpiresAt,
                c.scopes == null ? List.of() : List.of(c.scopes), c.connectedAt, c.disconnectedAt, c.lastTestedAt,
                c.lastTestStatus, c.lastTestMessage, c.metadata, c.version, c.createdAt, c.updatedAt);
    }
}
