package io.integration.connection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.cost.CostRecorder;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.health.HealthRecorder;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.Actor;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/**
 * Tests a connection: reads and decrypts its credential in one tenant transaction, calls the provider outside any
 * transaction (no pooled connection is held while the provider answers), then records the outcome on the
 * connection, in the activity log, in the venue's integration health and API cost in a second transaction.
 */
@ApplicationScoped
public class ConnectionTester {

    private static final Logger LOG = Logger.getLogger(ConnectionTester.class);

    private final ConnectionService connections;
    private final ConnectionRepository repository;
    private final ProviderCatalog providers;
    private final CredentialVault vault;
    private final ProviderProbe probe;
    private final ActivityLog activityLog;
    private final HealthRecorder health;
    private final CostRecorder costs;
    private final TenantTransactions transactions;

    public ConnectionTester(ConnectionService connections, ConnectionRepository repository, ProviderCatalog providers, CredentialVault vault,
            ProviderProbe probe, ActivityLog activityLog, HealthRecorder health, CostRecorder costs,
            TenantTransactions transactions) {
        this.connections = connections;
        this.repository = repository;
        this.providers = providers;
        this.vault = vault;
        this.probe = probe;
        this.activityLog = activityLog;
        this.health = health;
        this.costs = costs;
        this.transactions = transactions;
    }

    private record Target(ProviderDefinition provider, String secret) {
    }

    public Uni<ConnectionTestResult> test(TenantId tenant, Actor actor, UUID connectionId) {
        return transactions.inTenantTransaction(tenant, () -> connections.requireConnection(tenant, connectionId)
                        .chain(connection -> connections.requireIntegration(tenant, connection.integrationId)
                                .map(integration -> {
                                    ProviderDefinition provider = providers.require(integration.provider);
                                    if (connection.accessTokenEncrypted == null
                                            && provider.authMode() != ProviderDefinition.AuthMode.NONE) {
                                        throw new NoCredentialsException(connectionId);
                                    }
                                    return new Target(provider, vault.open(tenant, SecretTable.CONNECTIONS,
                                            "access_token_encrypted", connection.id, connection.accessTokenEncrypted));
                                })))
                .chain(target -> probe.probe(target.provider(), target.secret())
                        .chain(result -> record(tenant, actor, connectionId, target.provider(), result)));
    }

    private Uni<ConnectionTestResult> record(TenantId tenant, Actor actor, UUID connectionId,
            ProviderDefinition provider, ProviderProbe.ProbeResult result) {
        String outcome = result.success() ? "TEST_SUCCESS" : "TEST_FAILED";
        return transactions.inTenantTransaction(tenant, () -> connections.requireConnection(tenant, connectionId)
                        .chain(connection -> {
                            connection.lastTestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                            connection.lastTestStatus = outcome;
                            connection.lastTestMessage = result.message();
                            if (connection.status != ConnectionStatus.DISCONNECTED) {
                                connection.status = result.success() ? ConnectionStatus.CONNECTED : ConnectionStatus.ERROR;
                                connection.statusReason = result.success() ? null : result.message();
                            }
                            Map<String, Object> details = new HashMap<>();
                            details.put("message", result.message());
                            details.put("durationMs", result.durationMs());
                            if (result.providerStatus() != null) {
                                details.put("providerStatus", result.providerStatus());
                            }
                            return activityLog.record(tenant, actor, ActivityAction.valueOf(outcome),
                                            connection.integrationId, connection.id, details)
                                    .chain(() -> recordTelemetry(tenant, connection.venueId, provider, result))
                                    .call(repository::flush)
                                    .map(ignored -> ConnectionMapper.toResponse(connection, provider.slug()));
                        }))
                .invoke(response -> LOG.infof("connection test tenant=%s connection=%s provider=%s outcome=%s status=%s",
                        tenant, connectionId, provider.slug(), outcome, result.providerStatus()))
                .map(response -> new ConnectionTestResult(outcome, result.providerStatus(), result.message(),
                        result.durationMs(), response));
    }

    /** Health and cost are per venue: a user's connection has neither. One test is one provider call when sent. */
    private Uni<Void> recordTelemetry(TenantId tenant, UUID venueId, ProviderDefinition provider,
            ProviderProbe.ProbeResult result) {
        if (venueId == null) {
            return Uni.createFrom().voidItem();
        }
        return health.record(tenant, venueId, provider.slug(), result.success(), result.durationMs(),
                        result.success() ? null : result.message())
                .chain(() -> costs.record(tenant, venueId, provider.slug(), result.requestSent() ? 1 : 0));
    }
}
