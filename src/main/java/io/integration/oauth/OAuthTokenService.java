package io.integration.oauth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.common.DatabaseErrors;
import io.integration.common.InvalidRequestException;
import io.integration.common.Keyset;
import io.integration.common.Page;
import io.integration.common.PageRequest;
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

/** Stores and replaces venues' OAuth tokens through the vault (write-only); replacing bumps the token version. */
@ApplicationScoped
public class OAuthTokenService {

    private static final Logger LOG = Logger.getLogger(OAuthTokenService.class);
    private static final SecretTable TABLE = SecretTable.OAUTH_TOKENS;

    private final OAuthTokenRepository repository;
    private final ProviderCatalog providers;
    private final CredentialVault vault;
    private final ActivityLog activityLog;
    private final TenantTransactions transactions;

    public OAuthTokenService(OAuthTokenRepository repository, ProviderCatalog providers, CredentialVault vault,
            ActivityLog activityLog, TenantTransactions transactions) {
        this.repository = repository;
        this.providers = providers;
        this.vault = vault;
        this.activityLog = activityLog;
        this.transactions = transactions;
    }

    /** The stored tokens and whether they were created (201) or replaced (200). */
    public record Stored(OAuthTokenResponse token, boolean created) {
    }

    public Uni<Stored> store(TenantId tenant, Actor actor, UUID venueId, String provider, OAuthTokenRequest request) {
        ProviderDefinition definition = providers.require(provider);
        if (definition.authMode() != ProviderDefinition.AuthMode.OAUTH2) {
            throw new InvalidRequestException("provider '" + provider + "' does not use OAuth 2.0 (it uses "
                    + definition.authMode() + ")");
        }
        return transactions.inTenantTransaction(tenant, () -> upsert(tenant, venueId, provider, request)
                        .chain(stored -> activityLog.record(tenant, actor, ActivityAction.CREDENTIALS_UPDATED,
                                        null, null, Map.of("venueId", venueId.toString(), "provider", provider,
                                                "oauthTokenVersion", stored.token().tokenVersion()))
                                .invoke(() -> LOG.infof("credentials stored tenant=%s venue=%s provider=%s oauth v%d by=%s",
                                        tenant, venueId, provider, stored.token().tokenVersion(), actor.userId()))
                                .replaceWith(stored)))
                .onFailure(DatabaseErrors::isUniqueViolation).retry().atMost(2);
    }

    /**
     * Stores or replaces the tokens inside the caller's tenant transaction (PUT and the connect callback) and resets
     * the refresh state: a new store is how an EXPIRED token becomes ACTIVE again.
     */
    Uni<Stored> upsert(TenantId tenant, UUID venueId, String provider, OAuthTokenRequest request) {
        return repository.findForVenue(tenant, venueId, provider)
                .chain(existing -> {
                    boolean created = existing == null;
                    OAuthToken token = created ? newToken(tenant, venueId, provider) : existing;
                    token.accessTokenEncrypted = vault.seal(tenant, TABLE, "access_token_encrypted", token.id,
                            request.accessToken());
                    token.refreshTokenEncrypted = vault.seal(tenant, TABLE, "refresh_token_encrypted", token.id,
                            request.refreshToken());
                    token.idTokenEncrypted = vault.seal(tenant, TABLE, "id_token_encrypted", token.id, request.idToken());
                    token.accessTokenMask = CredentialMask.of(request.accessToken());
                    token.kmsKeyId = vault.activeKeyId();
                    token.encryptionContext = CredentialVault.rowContext(tenant, TABLE, token.id);
                    token.tokenType = request.tokenType() == null ? "Bearer" : request.tokenType();
                    token.scopes = request.scopes() == null ? null : request.scopes().toArray(String[]::new);
                    token.expiresAt = request.expiresAt();
                    token.refreshExpiresAt = request.refreshExpiresAt();
                    token.tokenVersion++;
                    token.refreshStatus = "ACTIVE";
                    token.refreshFailures = 0;
                    token.nextRefreshAt = null;
                    token.lastRefreshError = null;
                    // "Obtained at": the background job's idle age counts from here, not from the row's creation.
                    token.lastRefreshedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    return repository.persistAndFlush(token).map(saved -> new Stored(toResponse(saved), created));
                });
    }

    public Uni<OAuthTokenResponse> get(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> require(tenant, venueId, provider))
                .map(OAuthTokenService::toResponse);
    }

    public Uni<Page<OAuthTokenResponse>> list(TenantId tenant, UUID venueId, PageRequest page) {
        return transactions.inTenantTransaction(tenant, () -> repository.listForVenue(tenant, venueId, page))
                .map(rows -> Keyset.page(rows, page, t -> t.id, OAuthTokenService::toResponse));
    }

    public Uni<Void> delete(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, () -> require(tenant, venueId, provider)
                .call(repository::delete))
                .replaceWithVoid();
    }

    private Uni<OAuthToken> require(TenantId tenant, UUID venueId, String provider) {
        return repository.findForVenue(tenant, venueId, provider)
                .onItem().ifNull().failWith(() -> new OAuthTokenNotFoundException(venueId, provider));
    }

    private static OAuthToken newToken(TenantId tenant, UUID venueId, String provider) {
        OAuthToken token = new OAuthToken();
        token.id = UUID.randomUUID();
        token.tenantId = tenant.value();
        token.venueId = venueId;
        token.integrationType = provider;
        return token;
    }

    static OAuthTokenResponse toResponse(OAuthToken t) {
        return new OAuthTokenResponse(t.id, t.venueId, t.integrationType,
                t.accessTokenMask,
                t.refreshTokenEncrypted != null, t.idTokenEncrypted != null, t.tokenType,
                t.scopes == null ? List.of() : List.of(t.scopes), t.expiresAt, t.refreshExpiresAt, t.refreshStatus,
                t.tokenVersion, t.kmsKeyId, t.lastRefreshedAt, t.createdAt, t.updatedAt);
    }
}
