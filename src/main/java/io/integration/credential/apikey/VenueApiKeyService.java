package io.integration.credential.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
import io.integration.connection.ActivityAction;
import io.integration.connection.ActivityLog;
import io.integration.credential.CredentialMask;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.tenancy.Actor;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Stores venues' API keys through the vault (write-only) and reveals them, audited, to the secrets role. */
@ApplicationScoped
public class VenueApiKeyService {

    private static final Logger LOG = Logger.getLogger(VenueApiKeyService.class);
    private static final SecretTable TABLE = SecretTable.VENUE_API_KEYS;

    private final VenueApiKeyRepository repository;
    private final CredentialVault vault;
    private final ActivityLog activityLog;
    private final TenantTransactions transactions;

    public VenueApiKeyService(VenueApiKeyRepository repository, CredentialVault vault, ActivityLog activityLog,
            TenantTransactions transactions) {
        this.repository = repository;
        this.vault = vault;
        this.activityLog = activityLog;
        this.transactions = transactions;
    }

    /** Creates the key, or replaces its secrets and bumps its version; returns the stored state and whether it was new. */
    public Uni<StoredKey> store(TenantId tenant, Actor actor, UUID venueId, String provider, String keyName,
            ApiKeyRequest request) {
        return transactions.inTenantTransaction(tenant, () -> repository.findKey(tenant, venueId, provider, keyName)
                .chain(existing -> {
                    boolean created = existing == null;
                    VenueApiKey key = created ? newKey(tenant, venueId, provider, keyName) : existing;
                    seal(tenant, key, request);
                    if (!created) {
                        key.keyVersion++;
                        key.rotatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    }
                    return repository.persistAndFlush(key)
                            .invoke(() -> LOG.infof("credentials stored tenant=%s venue=%s provider=%s key=%s version=%d by=%s",
                                    tenant, venueId, provider, keyName, key.keyVersion, actor.userId()))
                            .call(() -> activityLog.record(tenant, actor, ActivityAction.CREDENTIALS_UPDATED, null,
                                    null, Map.of("venueId", venueId.toString(), "provider", provider,
                                            "keyName", keyName, "keyVersion", key.keyVersion)))
                            .map(saved -> new StoredKey(toResponse(saved), created));
                }));
    }

    public Uni<ApiKeyResponse> get(TenantId tenant, UUID venueId, String provider, String keyName) {
        return transactions.inTenantTransaction(tenant, () -> requireKey(tenant, venueId, provider, keyName))
                .map(VenueApiKeyService::toResponse);
    }

    public Uni<Page<ApiKeyResponse>> list(TenantId tenant, UUID venueId, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> repository.listForVenue(tenant, venueId, page))
                .map(rows -> Keyset.page(rows, page, k -> k.id, VenueApiKeyService::toResponse));
    }

    public Uni<Void> delete(TenantId tenant, UUID venueId, String provider, String keyName) {
        return transactions.inTenantTransaction(tenant, () -> requireKey(tenant, venueId, provider, keyName)
                .call(repository::delete))
                .replaceWithVoid();
    }

    /** Decrypts the key for an internal service and records who revealed it, in the same transaction. */
    public Uni<RevealedApiKey> reveal(TenantId tenant, Actor actor, UUID venueId, String provider, String keyName) {
        return transactions.inTenantTransaction(tenant, () -> requireKey(tenant, venueId, provider, keyName)
                .invoke(key -> LOG.infof("secret revealed tenant=%s venue=%s provider=%s key=%s version=%d to=%s",
                        tenant, venueId, provider, keyName, key.keyVersion, actor.userId()))
                .chain(key -> activityLog.record(tenant, actor, ActivityAction.SECRET_REVEALED, null, null,
                                Map.of("venueId", venueId.toString(), "provider", provider, "keyName", keyName,
                                        "keyVersion", key.keyVersion))
                        .map(ignored -> new RevealedApiKey(provider, keyName, key.keyVersion,
                                vault.open(tenant, TABLE, "api_key_encrypted", key.id, key.apiKeyEncrypted),
                                vault.open(tenant, TABLE, "api_secret_encrypted", key.id, key.apiSecretEncrypted),
                                vault.open(tenant, TABLE, "webhook_secret_encrypted", key.id,
                                        key.webhookSecretEncrypted)))));
    }

    private Uni<VenueApiKey> requireKey(TenantId tenant, UUID venueId, String provider, String keyName) {
        return repository.findKey(tenant, venueId, provider, keyName)
                .onItem().ifNull().failWith(() -> new ApiKeyNotFoundException(venueId.toString(), provider, keyName));
    }

    private void seal(TenantId tenant, VenueApiKey key, ApiKeyRequest request) {
        // Each value gets a fresh data key bound to (tenant, table, column, row); all of the row's data keys are
        // wrapped by the active key version, which kms_key_id records for rotation.
        key.apiKeyEncrypted = vault.seal(tenant, TABLE, "api_key_encrypted", key.id, request.apiKey());
        key.apiSecretEncrypted = vault.seal(tenant, TABLE, "api_secret_encrypted", key.id, request.apiSecret());
        key.webhookSecretEncrypted = vault.seal(tenant, TABLE, "webhook_secret_encrypted", key.id,
                request.webhookSecret());
        key.apiKeyMask = CredentialMask.of(request.apiKey());
        key.kmsKeyId = vault.activeKeyId();
        key.encryptionContext = CredentialVault.rowContext(tenant, TABLE, key.id);
    }

    private static VenueApiKey newKey(TenantId tenant, UUID venueId, String provider, String keyName) {
        VenueApiKey key = new VenueApiKey();
        key.id = UUID.randomUUID();
        key.tenantId = tenant.value();
        key.venueId = venueId;
        key.integrationType = provider;
        key.keyName = keyName;
        key.keyVersion = 1;
        key.isActive = true;
        return key;
    }

    static ApiKeyResponse toResponse(VenueApiKey key) {
        return new ApiKeyResponse(key.id, key.venueId, key.integrationType, key.keyName, key.apiKeyMask,
                key.apiSecretEncrypted != null, key.webhookSecretEncrypted != null, key.keyVersion, key.kmsKeyId,
                key.rotatedAt, key.createdAt, key.updatedAt);
    }

    /** The outcome of a store: the key as stored, and whether it was created (201) or replaced (200). */
    public record StoredKey(ApiKeyResponse key, boolean created) {
    }
}
