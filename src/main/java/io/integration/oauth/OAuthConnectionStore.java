package io.integration.oauth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.common.DatabaseErrors;
import io.integration.connection.ActivityAction;
import io.integration.connection.ActivityLog;
import io.integration.connection.Connection;
import io.integration.connection.ConnectionRepository;
import io.integration.connection.ConnectionStatus;
import io.integration.tenancy.Actor;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/**
 * Completes a connect in one tenant transaction: the tokens into oauth_tokens (through the vault, refresh state reset),
 * the connection CONNECTED (its credentials live in oauth_tokens, so the connection row holds no copy that a refresh
 * would leave stale), and a CONNECTED entry in the activity log.
 */
@ApplicationScoped
public class OAuthConnectionStore {

    private static final Logger LOG = Logger.getLogger(OAuthConnectionStore.class);

    private final OAuthTokenService tokens;
    private final ConnectionRepository connections;
    private final ActivityLog activityLog;
    private final TenantTransactions transactions;

    public OAuthConnectionStore(OAuthTokenService tokens, ConnectionRepository connections, ActivityLog activityLog,
            TenantTransactions transactions) {
        this.tokens = tokens;
        this.connections = connections;
        this.activityLog = activityLog;
        this.transactions = transactions;
    }

    Uni<OAuthConnected> connect(TenantId tenant, Actor actor, UUID integrationId, UUID venueId, UUID userId,
            String provider, TokenEndpoint.Tokens issued, List<String> scopes) {
        Instant expiresAt = issued.expiresIn() == null ? null
                : Instant.now().plusSeconds(issued.expiresIn()).truncatedTo(ChronoUnit.MICROS);
        OAuthTokenRequest values = new OAuthTokenRequest(issued.accessToken(), issued.refreshToken(), issued.idToken(),
                issued.tokenType(), expiresAt, null, scopes);
        return transactions.inTenantTransaction(tenant, () -> tokens.upsert(tenant, venueId, provider, values)
                        .chain(stored -> connections.findByOwner(tenant, integrationId, venueId, userId)
                                .chain(existing -> markConnected(tenant, actor, integrationId, venueId, userId, provider,
                                        existing, stored.token()))))
                .onFailure(DatabaseErrors::isUniqueViolation).retry().atMost(2);
    }

    private Uni<OAuthConnected> markConnected(TenantId tenant, Actor actor, UUID integrationId, UUID venueId,
            UUID userId, String provider, Connection existing, OAuthTokenResponse token) {
        boolean created = existing == null;
        Connection connection = created ? new Connection() : existing;
        if (created) {
            connection.id = UUID.randomUUID();
            connection.tenantId = tenant.value();
            connection.integrationId = integrationId;
            connection.venueId = venueId;
            connection.userId = userId;
        }
        Map<String, Object> metadata = new HashMap<>(connection.metadata == null ? Map.of() : connection.metadata);
        metadata.put("credentials", "oauth_tokens");
        connection.metadata = metadata;
        connection.accessTokenEncrypted = null;
        connection.refreshTokenEncrypted = null;
        connection.credentialMask = token.accessTokenMask();
        connection.kmsKeyId = null;
        connection.encryptionContext = null;
        connection.tokenExpiresAt = token.expiresAt();
        connection.scopes = token.scopes().toArray(String[]::new);
        connection.tokenVersion = token.tokenVersion();
        connection.status = ConnectionStatus.CONNECTED;
        connection.statusReason = null;
        connection.connectedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        connection.disconnectedAt = null;
        Map<String, Object> details = new HashMap<>();
        details.put("reconnect", !created);
        details.put("oauth", true);
        details.put("provider", provider);
        details.put("venueId", venueId.toString());
        details.put("tokenVersion", token.tokenVersion());
        details.put("scopes", token.scopes());
        if (userId != null) {
            details.put("userId", userId.toString());
        }
        return connections.persistAndFlush(connection)
                .call(() -> activityLog.record(tenant, actor, ActivityAction.CONNECTED, integrationId, connection.id, details))
                .invoke(() -> LOG.infof("oauth connected tenant=%s connection=%s venue=%s provider=%s by=%s", tenant,
                        connection.id, venueId, provider, actor.userId()))
                .map(saved -> new OAuthConnected(saved.id, integrationId, venueId, userId, provider,
                        saved.status.name(), saved.tokenExpiresAt, token.scopes(), token.tokenVersion()));
    }
}
