package io.integration.connection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.catalog.Integration;
import io.integration.catalog.IntegrationNotFoundException;
import io.integration.catalog.IntegrationRepository;
import io.integration.common.DatabaseErrors;
import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.credential.CredentialMask;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.Actor;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Connect, disconnect and read connections; credentials go through the vault and every change is logged. */
@ApplicationScoped
public class ConnectionService {

    private static final Logger LOG = Logger.getLogger(ConnectionService.class);
    private static final SecretTable TABLE = SecretTable.CONNECTIONS;

    private final ConnectionRepository connections;
    private final IntegrationRepository integrations;
    private final ProviderCatalog providers;
    private final CredentialVault vault;
    private final ActivityLog activityLog;
    private final TenantTransactions transactions;

    public ConnectionService(ConnectionRepository connections, IntegrationRepository integrations,
            ProviderCatalog providers, CredentialVault vault, ActivityLog activityLog, TenantTransactions transactions) {
        this.connections = connections;
        this.integrations = integrations;
        this.providers = providers;
        this.vault = vault;
        this.activityLog = activityLog;
        this.transactions = transactions;
    }

    /** Connects (or reconnects: one connection per integration, venue and user) and returns it with whether it is new. */
    public Uni<Connected> connect(TenantId tenant, Actor actor, UUID integrationId, ConnectRequest request) {
        return transactions.inTenantTransaction(tenant, () -> requireIntegration(tenant, integrationId)
                        .chain(integration -> {
                            ProviderDefinition provider = providers.require(integration.provider);
                            String secret = CredentialRules.primarySecret(provider, request.credentials());
                            return connections.findByOwner(tenant, integrationId, request.venueId(), request.userId())
                                    .chain(existing -> store(tenant, actor, integration, existing, request, secret));
                        }))
                // Two first connects of the same owner racing: the loser retries and becomes a reconnect.
                .onFailure(DatabaseErrors::isUniqueViolation).retry().atMost(2);
    }

    private Uni<Connected> store(TenantId tenant, Actor actor, Integration integration, Connection existing,
            ConnectRequest request, String secret) {
        boolean created = existing == null;
        Connection connection = created ? newConnection(tenant, integration.id, request) : existing;
        ConnectRequest.Credentials credentials = request.credentials();
        connection.accessTokenEncrypted = vault.seal(tenant, TABLE, "access_token_encrypted", connection.id, secret);
        connection.refreshTokenEncrypted = vault.seal(tenant, TABLE, "refresh_token_encrypted", connection.id,
                credentials == null ? null : credentials.refreshToken());
        connection.credentialMask = secret == null ? null : CredentialMask.of(secret);
        connection.kmsKeyId = secret == null ? null : vault.activeKeyId();
        connection.encryptionContext = CredentialVault.rowContext(tenant, TABLE, connection.id);
        connection.tokenExpiresAt = credentials == null ? null : credentials.expiresAt();
        connection.scopes = credentials == null || credentials.scopes() == null ? null
                : credentials.scopes().toArray(String[]::new);
        connection.tokenVersion = connection.tokenVersion + 1;
        connection.status = ConnectionStatus.CONNECTED;
        connection.statusReason = null;
        connection.connectedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        connection.disconnectedAt = null;
        if (request.metadata() != null) {
            connection.metadata = request.metadata();
        }
        Map<String, Object> details = new HashMap<>();
        details.put("reconnect", !created);
        details.put("tokenVersion", connection.tokenVersion);
        putIfPresent(details, "venueId", connection.venueId);
        putIfPresent(details, "userId", connection.userId);
        return connections.persistAndFlush(connection)
                .call(() -> activityLog.record(tenant, actor, ActivityAction.CONNECTED, integration.id, connection.id, details))
                .invoke(() -> LOG.infof("connected tenant=%s connection=%s integration=%s by=%s", tenant, connection.id,
                        integration.id, actor.userId()))
                .map(saved -> new Connected(ConnectionMapper.toResponse(saved, integration.provider), created));
    }

    /** Destroys the credentials and marks the connection DISCONNECTED; the row stays for history. Idempotent. */
    public Uni<ConnectionResponse> disconnect(TenantId tenant, Actor actor, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> requireConnection(tenant, id)
                .chain(connection -> {
                    if (connection.status == ConnectionStatus.DISCONNECTED) {
                        return withProvider(tenant, connection);
                    }
                    connection.accessTokenEncrypted = null;
                    connection.refreshTokenEncrypted = null;
                    connection.credentialMask = null;
                    connection.kmsKeyId = null;
                    connection.tokenExpiresAt = null;
                    connection.status = ConnectionStatus.DISCONNECTED;
                    connection.statusReason = "disconnected by " + actor.userId();
                    connection.disconnectedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return connections.flush()
                            .call(() -> activityLog.record(tenant, actor, ActivityAction.DISCONNECTED,
                                    connection.integrationId, connection.id, Map.of()))
                            .chain(() -> withProvider(tenant, connection));
                }));
    }

    /** Decrypts the credentials for an internal service and records who revealed them, in the same transaction. */
    public Uni<RevealedConnectionCredentials> reveal(TenantId tenant, Actor actor, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> requireConnection(tenant, id)
                .chain(connection -> {
                    if (connection.accessTokenEncrypted == null) {
                        return Uni.createFrom().failure(new NoCredentialsException(id));
                    }
                    return activityLog.record(tenant, actor, ActivityAction.SECRET_REVEALED, connection.integrationId,
                                    connection.id, Map.of("tokenVersion", connection.tokenVersion))
                            .invoke(() -> LOG.infof("secret revealed tenant=%s connection=%s to=%s", tenant, id,
                                    actor.userId()))
                            .map(ignored -> new RevealedConnectionCredentials(
                                    vault.open(tenant, TABLE, "access_token_encrypted", connection.id,
                                            connection.accessTokenEncrypted),
                                    vault.open(tenant, TABLE, "refresh_token_encrypted", connection.id,
                                            connection.refreshTokenEncrypted),
                                    connection.tokenVersion));
                }));
    }

    public Uni<ConnectionResponse> get(TenantId tenant, UUID id) {
        return transactions.inTenantTransaction(tenant, () -> requireConnection(tenant, id)
                .chain(connection -> withProvider(tenant, connection)));
    }

    public Uni<Page<ConnectionResponse>> list(TenantId tenant, ConnectionFilter filter, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> connections.listForTenant(tenant, filter, page)
                .chain(rows -> integrations.find("tenantId = ?1 and id in ?2", tenant.value(),
                                rows.stream().map(c -> c.integrationId).distinct().toList()).list()
                        .map(all -> {
                            Map<UUID, String> slugs = new HashMap<>();
                            all.forEach(i -> slugs.put(i.id, i.provider));
                            return Keyset.page(rows, page, c -> c.id,
                                    c -> ConnectionMapper.toResponse(c, slugs.get(c.integrationId)));
                        })));
    }

    Uni<Connection> requireConnection(TenantId tenant, UUID id) {
        return connections.findForTenant(tenant, id)
                .onItem().ifNull().failWith(() -> new ConnectionNotFoundException(id));
    }

    Uni<Integration> requireIntegration(TenantId tenant, UUID id) {
        return integrations.findForTenant(tenant, id)
                .onItem().ifNull().failWith(() -> new IntegrationNotFoundException(id));
    }

    private Uni<ConnectionResponse> withProvider(TenantId tenant, Connection connection) {
        return integrations.findForTenant(tenant, connection.integrationId)
                .map(integration -> ConnectionMapper.toResponse(connection, integration == null ? null : integration.provider));
    }

    private static Connection newConnection(TenantId tenant, UUID integrationId, ConnectRequest request) {
        Connection connection = new Connection();
        connection.id = UUID.randomUUID();
        connection.tenantId = tenant.value();
        connection.integrationId = integrationId;
        connection.venueId = request.venueId();
        connection.userId = request.userId();
        connection.metadata = Map.of();
        return connection;
    }

    private static void putIfPresent(Map<String, Object> details, String key, UUID value) {
        if (value != null) {
            details.put(key, value.toString());
        }
    }

    /** The outcome of a connect: the connection, and whether it was created (201) or updated (200). */
    public record Connected(ConnectionResponse connection, boolean created) {
    }
}
