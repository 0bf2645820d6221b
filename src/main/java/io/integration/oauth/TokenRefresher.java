package io.integration.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.integration.connection.ActivityAction;
import io.integration.credential.CredentialMask;
import io.integration.credential.vault.CredentialVault;
import io.integration.credential.vault.SecretTable;
import io.integration.provider.ProviderCatalog;
import io.integration.provider.ProviderDefinition;
import io.integration.tenancy.SystemTransactions;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantSqlTransactions;
import io.integration.webhook.Backoff;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The refresh core (ADR 0008). At most one refresh per (tenant, venue, provider) at a time:
 * <ul>
 * <li>across replicas, the refresh runs in a tenant transaction holding the oauth_tokens row lock
 * ({@code SELECT ... FOR UPDATE}) for the token-endpoint call, and decides only after re-reading the row under the
 * lock, so whoever waited finds the winner's token and does not call the provider again;</li>
 * <li>inside one JVM, concurrent callers share one in-flight refresh (single flight), so fifty callers hold one pooled
 * connection, not fifty.</li>
 * </ul>
 * The pool is whatever {@link TenantSqlTransactions} it was built with: the worker pool in the service, any pool in
 * tests that race two instances.
 */
@ApplicationScoped
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);
    private static final SecretTable TABLE = SecretTable.OAUTH_TOKENS;

    /** Why a refresh is considered. */
    enum Trigger {
        ON_DEMAND, REJECTED, BACKGROUND
    }

    /** The token to hand out, with its scopes (the REST answer shows them). */
    record Current(AccessToken token, List<String> scopes) {
    }

    private record FlightKey(TenantId tenant, UUID venueId, String provider, String rejectedHash) {
    }

    /** What a locked decision ended in: a token, nothing (background skip), or an error to raise after the commit. */
    private record Outcome(Current current, RuntimeException error) {
        static Outcome of(Current current) {
            return new Outcome(current, null);
        }

        static Outcome failed(RuntimeException error) {
            return new Outcome(null, error);
        }
    }

    private final TenantSqlTransactions transactions;
    private final CredentialVault vault;
    private final TokenEndpoint endpoint;
    private final ProviderCatalog providers;
    private final OAuthConfig config;
    private final ConcurrentHashMap<FlightKey, Uni<Current>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public TokenRefresher(SystemTransactions transactions, CredentialVault vault, TokenEndpoint endpoint,
            ProviderCatalog providers, OAuthConfig config) {
        this((TenantSqlTransactions) transactions, vault, endpoint, providers, config);
    }

    /** An instance on an explicit pool with its own single flight (another replica, as far as locking goes). */
    TokenRefresher(TenantSqlTransactions transactions, CredentialVault vault, TokenEndpoint endpoint,
            ProviderCatalog providers, OAuthConfig config) {
        this.transactions = transactions;
        this.vault = vault;
        this.endpoint = endpoint;
        this.providers = providers;
        this.config = config;
    }

    /** A token valid beyond the refresh margin, refreshed first if needed. */
    Uni<Current> validToken(TenantId tenant, UUID venueId, String provider) {
        return transactions.inTenantTransaction(tenant, c -> OAuthTokenRows.load(c, tenant, venueId, provider,
                        OAuthTokenRows.Lock.NONE))
                .chain(row -> {
                    requirePresentAndAlive(row, venueId, provider);
                    if (row.validBeyond(Instant.now(), config.refreshMargin())) {
                        return Uni.createFrom().item(current(tenant, row));
                    }
                    return shared(new FlightKey(tenant, venueId, provider, null),
                            () -> lockedRefresh(tenant, venueId, provider, Trigger.ON_DEMAND, null));
                });
    }

    /** The provider answered 401 to {@code rejected}: refresh unless someone already replaced it. */
    Uni<Current> refreshAfterRejection(TenantId tenant, UUID venueId, String provider, String rejected) {
        return transactions.inTenantTransaction(tenant, c -> OAuthTokenRows.load(c, tenant, venueId, provider,
                        OAuthTokenRows.Lock.NONE))
                .chain(row -> {
                    requirePresentAndAlive(row, venueId, provider);
                    if (!isRejected(tenant, row, rejected) && row.validBeyond(Instant.now(), config.refreshMargin())) {
                        return Uni.createFrom().item(current(tenant, row));
                    }
                    return shared(new FlightKey(tenant, venueId, provider, sha256(rejected)),
                            () -> lockedRefresh(tenant, venueId, provider, Trigger.REJECTED, rejected));
                });
    }

    /** Background: refreshes the token if it is still due once locked; skips it if someone else holds it. */
    Uni<Boolean> refreshIfDue(TenantId tenant, UUID venueId, String provider) {
        // Its own flight: a background skip (row held elsewhere) must never answer an on-demand caller.
        return shared(new FlightKey(tenant, venueId, provider, "background"),
                () -> lockedRefresh(tenant, venueId, provider, Trigger.BACKGROUND, null))
                .map(current -> current != null)
                .onFailure().invoke(e -> LOG.debugf("background refresh tenant=%s venue=%s provider=%s ended with %s",
                        tenant, venueId, provider, e.getClass().getSimpleName()))
                .onFailure().recoverWithItem(false);
    }

    private static void requirePresentAndAlive(StoredToken row, UUID venueId, String provider) {
        if (row == null) {
            throw new OAuthTokenNotFoundException(venueId, provider);
        }
        if (row.expired()) {
            throw new OAuthReconnectRequiredException(venueId, provider, row.lastRefreshError());
        }
    }

    /** One in-flight refresh per key in this JVM; each caller continues on its own Vert.x context. */
    private Uni<Current> shared(FlightKey key, Supplier<Uni<Current>> refresh) {
        Context caller = Vertx.currentContext();
        Uni<Current> flight = inFlight.computeIfAbsent(key, k -> Uni.createFrom().deferred(refresh::get)
                .onTermination().invoke(() -> inFlight.remove(k))
                .memoize().indefinitely());
        return caller == null ? flight : flight.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private Uni<Current> lockedRefresh(TenantId tenant, UUID venueId, String provider, Trigger trigger, String rejected) {
        OAuthTokenRows.Lock lock = trigger == Trigger.BACKGROUND ? OAuthTokenRows.Lock.SKIP : OAuthTokenRows.Lock.WAIT;
        return transactions.inTenantTransaction(tenant, c -> OAuthTokenRows.load(c, tenant, venueId, provider, lock)
                        .chain(row -> decide(c, tenant, venueId, provider, trigger, rejected, row)))
                .map(outcome -> {
                    if (outcome.error() != null) {
                        throw outcome.error();
                    }
                    return outcome.current();
                });
    }

    /** Under the row lock: the row is the truth now; refresh only if it still needs one. */
    private Uni<Outcome> decide(SqlConnection c, TenantId tenant, UUID venueId, String provider, Trigger trigger,
            String rejected, StoredToken row) {
        Instant now = Instant.now();
        if (row == null) {
            return trigger == Trigger.BACKGROUND ? Uni.createFrom().item(Outcome.of(null))
                    : Uni.createFrom().failure(new OAuthTokenNotFoundException(venueId, provider));
        }
        if (row.expired()) {
            return Uni.createFrom().item(Outcome.failed(new OAuthReconnectRequiredException(venueId, provider,
                    row.lastRefreshError())));
        }
        boolean rejectedNow = trigger == Trigger.REJECTED && isRejected(tenant, row, rejected);
        boolean currentUsable = row.usable(now) && !rejectedNow;
        if (!needsRefresh(row, trigger, rejectedNow, now)) {
            return Uni.createFrom().item(Outcome.of(trigger == Trigger.BACKGROUND ? null : current(tenant, row)));
        }
        if (row.backingOff(now)) {
            return Uni.createFrom().item(currentUsable ? Outcome.of(current(tenant, row))
                    : Outcome.failed(new TokenRefreshUnavailableException(venueId, provider, "the last "
                            + row.refreshFailures() + " refresh attempt(s) failed; the next is due at "
                            + row.nextRefreshAt())));
        }
        if (row.refreshBlob() == null) {
            if (currentUsable) {
                return Uni.createFrom().item(Outcome.of(current(tenant, row)));
            }
            return expire(c, tenant, venueId, provider, row, row.refreshFailures(),
                    "the access token is no longer valid and there is no refresh token");
        }
        ProviderDefinition definition = providers.require(provider);
        String refreshToken = vault.open(tenant, TABLE, "refresh_token_encrypted", row.id(), row.refreshBlob());
        return endpoint.refresh(definition, refreshToken)
                .onItem().transformToUni(tokens -> storeRefreshed(c, tenant, venueId, provider, trigger, row, tokens))
                .onFailure(TokenEndpointException.class).recoverWithUni(e -> failed(c, tenant, venueId, provider, row,
                        (TokenEndpointException) e, currentUsable))
                .onFailure(OAuthClientNotConfiguredException.class).recoverWithItem(e -> Outcome.failed((RuntimeException) e));
    }

    private boolean needsRefresh(StoredToken row, Trigger trigger, boolean rejectedNow, Instant now) {
        return switch (trigger) {
            case ON_DEMAND -> !row.validBeyond(now, config.refreshMargin());
            case REJECTED -> rejectedNow || !row.validBeyond(now, config.refreshMargin());
            case BACKGROUND -> !row.validBeyond(now, config.refreshMargin())
                    || lastRenewal(row).isBefore(now.minus(config.idleRefreshAge()));
        };
    }

    private static Instant lastRenewal(StoredToken row) {
        return row.lastRefreshedAt() != null ? row.lastRefreshedAt() : row.createdAt();
    }

    private Uni<Outcome> storeRefreshed(SqlConnection c, TenantId tenant, UUID venueId, String provider, Trigger trigger,
            StoredToken row, TokenEndpoint.Tokens tokens) {
        Instant expiresAt = tokens.expiresIn() == null ? null
                : Instant.now().plusSeconds(tokens.expiresIn()).truncatedTo(ChronoUnit.MICROS);
        String[] scopes = tokens.scopes() != null ? tokens.scopes().toArray(String[]::new) : row.scopes();
        String tokenType = tokens.tokenType() != null ? tokens.tokenType() : row.tokenType();
        // Rotation: a new refresh token replaces the old one in this transaction; none returned keeps the old one.
        byte[] refresh = sealOrRewrap(tenant, "refresh_token_encrypted", row, tokens.refreshToken(), row.refreshBlob());
        byte[] id = sealOrRewrap(tenant, "id_token_encrypted", row, tokens.idToken(), row.idBlob());
        byte[] access = vault.seal(tenant, TABLE, "access_token_encrypted", row.id(), tokens.accessToken());
        JsonObject context = new JsonObject(new java.util.HashMap<>(CredentialVault.rowContext(tenant, TABLE, row.id())));
        JsonObject details = new JsonObject().put("tokenVersion", row.tokenVersion() + 1)
                .put("trigger", trigger.name().toLowerCase().replace('_', '-'))
                .put("refreshTokenRotated", tokens.refreshToken() != null);
        return OAuthTokenRows.storeRefreshed(c, tenant, row, access, refresh, id, CredentialMask.of(tokens.accessToken()),
                        tokenType, scopes, expiresAt, vault.activeKeyId(), context)
                .chain(() -> OAuthTokenRows.touchConnection(c, tenant, venueId, provider, expiresAt))
                .chain(() -> OAuthTokenRows.audit(c, tenant, venueId, provider, ActivityAction.TOKEN_REFRESHED, details))
                .invoke(() -> LOG.infof("oauth token refreshed tenant=%s venue=%s provider=%s v%d trigger=%s", tenant,
                        venueId, provider, row.tokenVersion() + 1, trigger))
                .map(ignored -> Outcome.of(new Current(new AccessToken(tokens.accessToken(),
                        tokenType == null ? "Bearer" : tokenType, expiresAt), scopes == null ? List.of() : List.of(scopes))));
    }

    private byte[] sealOrRewrap(TenantId tenant, String column, StoredToken row, String fresh, byte[] kept) {
        if (fresh != null) {
            return vault.seal(tenant, TABLE, column, row.id(), fresh);
        }
        return kept == null ? null : vault.rewrap(tenant, TABLE, column, row.id(), kept);
    }

    private Uni<Outcome> failed(SqlConnection c, TenantId tenant, UUID venueId, String provider, StoredToken row,
            TokenEndpointException e, boolean currentUsable) {
        int failures = row.refreshFailures() + 1;
        if (e.isInvalidGrant()) {
            return expire(c, tenant, venueId, provider, row, failures,
                    "the provider rejected the refresh token (invalid_grant)");
        }
        if (failures >= config.maxRefreshFailures()) {
            return expire(c, tenant, venueId, provider, row, failures,
                    failures + " consecutive refresh failures; last: " + e.getMessage());
        }
        Instant next = Instant.now().plus(Backoff.delay(failures, config.backoffBase(), config.backoffMax()))
                .truncatedTo(ChronoUnit.MICROS);
        JsonObject details = new JsonObject().put("failures", failures).put("reason", e.getMessage())
                .put("nextAttemptAt", next.toString());
        LOG.warnf("oauth token refresh failed tenant=%s venue=%s provider=%s failures=%d reason=%s", tenant, venueId,
                provider, failures, e.getMessage());
        return OAuthTokenRows.recordFailure(c, tenant, row, failures, next, e.getMessage())
                .chain(() -> OAuthTokenRows.audit(c, tenant, venueId, provider, ActivityAction.TOKEN_REFRESH_FAILED, details))
                .map(ignored -> currentUsable ? Outcome.of(current(tenant, row))
                        : Outcome.failed(new TokenRefreshUnavailableException(venueId, provider,
                                "the provider's token endpoint failed (" + e.getMessage() + ")")));
    }

    private Uni<Outcome> expire(SqlConnection c, TenantId tenant, UUID venueId, String provider, StoredToken row,
            int failures, String reason) {
        LOG.warnf("oauth token expired tenant=%s venue=%s provider=%s reason=%s", tenant, venueId, provider, reason);
        return OAuthTokenRows.expire(c, tenant, venueId, provider, row, failures, reason)
                .chain(() -> OAuthTokenRows.audit(c, tenant, venueId, provider, ActivityAction.TOKEN_EXPIRED,
                        new JsonObject().put("reason", reason).put("failures", failures)))
                .map(ignored -> Outcome.failed(new OAuthReconnectRequiredException(venueId, provider, reason)));
    }

    private Current current(TenantId tenant, StoredToken row) {
        String value = vault.open(tenant, TABLE, "access_token_encrypted", row.id(), row.accessBlob());
        return new Current(new AccessToken(value, row.tokenType() == null ? "Bearer" : row.tokenType(), row.expiresAt()),
                row.scopes() == null ? List.of() : List.of(row.scopes()));
    }

    private boolean isRejected(TenantId tenant, StoredToken row, String rejected) {
        if (row.accessBlob() == null || rejected == null) {
            return row.accessBlob() == null;
        }
        String value = vault.open(tenant, TABLE, "access_token_encrypted", row.id(), row.accessBlob());
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), rejected.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The configured margin; exposed for the background job's query. */
    Duration margin() {
        return config.refreshMargin();
    }
}
