package io.integration.config;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.common.PreconditionFailedException;
import io.integration.connection.ActivityAction;
import io.integration.connection.ActivityLog;
import io.integration.credential.CredentialMask;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.Actor;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Venues' configs per provider: validated against the provider definition, legacy secrets sealed through the vault. */
@ApplicationScoped
public class IntegrationConfigService {

    private static final Logger LOG = Logger.getLogger(IntegrationConfigService.class);
    private static final SecretTable TABLE = SecretTable.INTEGRATION_CONFIGS;
    private static final String KIND = "integration config";

    private final IntegrationConfigRepository repository;
    private final ProviderCatalog providers;
    private final CredentialVault vault;
    private final ActivityLog activityLog;
    private final TenantTransactions transactions;

    public IntegrationConfigService(IntegrationConfigRepository repository, ProviderCatalog providers,
            CredentialVault vault, ActivityLog activityLog, TenantTransactions transactions) {
        this.repository = repository;
        this.providers = providers;
        this.vault = vault;
        this.activityLog = activityLog;
        this.transactions = transactions;
    }

    /**
     * Creates or replaces the config; {@code expectedVersion} (from If-Match) is checked when given. Stored secrets
     * are kept when the request has no credentials, and replaced as a whole (token version + 1) when it has.
     */
    public Uni<StoredConfig> put(TenantId tenant, Actor actor, UUID venueId, String provider,
            IntegrationConfigRequest request, Long expectedVersion) {
        return Uni.createFrom().item(() -> validated(provider, request))
                .chain(settings -> transactions.inTenantTransaction(tenant, () -> repository.findConfig(tenant, venueId, provider)
                        .chain(existing -> {
                            checkPrecondition(existing, venueId, provider, expectedVersion);
                            boolean created = existing == null;
                            IntegrationConfig config = created ? newConfig(tenant, venueId, provider) : existing;
                            apply(tenant, config, settings, request);
                            return repository.persistAndFlush(config)
                                    .call(saved -> recordCredentials(tenant, actor, saved, request))
                                    .map(saved -> new StoredConfig(IntegrationConfigMapper.toResponse(saved), created));
                        })));
    }

    public Uni<IntegrationConfigResponse> get(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> requireConfig(tenant, venueId, provider))
                .map(IntegrationConfigMapper::toResponse);
    }

    public Uni<Page<IntegrationConfigResponse>> list(TenantId tenant, UUID venueId, Boolean enabled, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> repository.listForVenue(tenant, venueId, enabled, page))
                .map(rows -> Keyset.page(rows, page, c -> c.id, IntegrationConfigMapper::toResponse));
    }

    /** Switches the config on or off without touching its settings or secrets. */
    public Uni<IntegrationConfigResponse> setEnabled(TenantId tenant, UUID venueId, String provider, boolean enabled) {
        return transactions.inTenantTransaction(tenant, () -> requireConfig(tenant, venueId, provider)
                        .invoke(config -> config.enabled = enabled)
                        .call(repository::flush))
                .map(IntegrationConfigMapper::toResponse);
    }

    /** Deletes the row and with it the encrypted secrets. */
    public Uni<Void> delete(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> requireConfig(tenant, venueId, provider)
                        .call(repository::delete))
                .replaceWithVoid();
    }

    private Map<String, Object> validated(String provider, IntegrationConfigRequest request) {
        ProviderDefinition definition = providers.require(provider);
        return ConfigValidator.validate(definition, request);
    }

    private static void checkPrecondition(IntegrationConfig existing, UUID venueId, String provider, Long expectedVersion) {
        if (expectedVersion == null) {
            return;
        }
        String id = provider + " of venue " + venueId;
        if (existing == null) {
            throw new PreconditionFailedException(KIND, id);
        }
        if (existing.version != expectedVersion) {
            throw new PreconditionFailedException(KIND, id, existing.version);
        }
    }

    private void apply(TenantId tenant, IntegrationConfig config, Map<String, Object> settings,
            IntegrationConfigRequest request) {
        config.config = new HashMap<>(settings);
        config.enabled = request.enabled() == null || request.enabled();
        config.syncEnabled = Boolean.TRUE.equals(request.syncEnabled());
        config.syncSchedule = request.syncSchedule() == null || request.syncSchedule().isBlank()
                ? null : request.syncSchedule().strip();
        config.destinationUrl = request.destinationUrl() == null || request.destinationUrl().isBlank()
                ? null : request.destinationUrl().strip();
        if (request.credentials() != null) {
            seal(tenant, config, request.credentials());
        }
    }

    private void seal(TenantId tenant, IntegrationConfig config, ConfigCredentials credentials) {
        // Fresh data keys bound to (tenant, table, column, row); kms_key_id records the wrapping key for rotation.
        config.accessTokenEncrypted = vault.seal(tenant, TABLE, "access_token_encrypted", config.id,
                blankToNull(credentials.accessToken()));
        config.refreshTokenEncrypted = vault.seal(tenant, TABLE, "refresh_token_encrypted", config.id,
                blankToNull(credentials.refreshToken()));
        config.apiKeyEncrypted = vault.seal(tenant, TABLE, "api_key_encrypted", config.id,
                blankToNull(credentials.apiKey()));
        config.accessTokenMask = nullIfEmpty(CredentialMask.of(credentials.accessToken()));
        config.apiKeyMask = nullIfEmpty(CredentialMask.of(credentials.apiKey()));
        config.kmsKeyId = vault.activeKeyId();
        config.encryptionContext = CredentialVault.rowContext(tenant, TABLE, config.id);
        config.tokenVersion++;
    }

    private Uni<Void> recordCredentials(TenantId tenant, Actor actor, IntegrationConfig config,
            IntegrationConfigRequest request) {
        if (request.credentials() == null) {
            return Uni.createFrom().voidItem();
        }
        LOG.infof("credentials stored tenant=%s venue=%s provider=%s config=%s tokenVersion=%d by=%s",
                tenant, config.venueId, config.integrationType, config.id, config.tokenVersion, actor.userId());
        return activityLog.record(tenant, actor, ActivityAction.CREDENTIALS_UPDATED, null, null,
                        Map.of("venueId", config.venueId.toString(), "provider", config.integrationType,
                                "config", config.id.toString(), "tokenVersion", config.tokenVersion))
                .replaceWithVoid();
    }

    private Uni<IntegrationConfig> requireConfig(TenantId tenant, UUID venueId, String provider) {
        return repository.findConfig(tenant, venueId, provider)
                .onItem().ifNull().failWith(() -> new IntegrationConfigNotFoundException(venueId, provider));
    }

    private static IntegrationConfig newConfig(TenantId tenant, UUID venueId, String provider) {
        IntegrationConfig config = new IntegrationConfig();
        config.id = UUID.randomUUID();
        config.tenantId = tenant.value();
        config.venueId = venueId;
        config.integrationType = provider;
        return config;
    }


    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullIfEmpty(String mask) {
        return mask.isEmpty() ? null : mask;
    }

    /** The outcome of a put: the config as stored, and whether it was created (201) or replaced (200). */
    public record StoredConfig(IntegrationConfigResponse config, boolean created) {
    }
}
