package io.integration.oauth;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;

/**
 * Valid provider access tokens for internal callers such as the sync engine. Works outside any request (from a
 * worker): every call runs its own tenant transactions on the worker pool. Refreshes go through the one locked path
 * of {@link TokenRefresher}, so no caller ever causes a second refresh of the same token.
 *
 * <p>Failures: {@link OAuthTokenNotFoundException} (nothing stored), {@link OAuthReconnectRequiredException} (EXPIRED:
 * reconnect), {@link TokenRefreshUnavailableException} (no valid token and the provider cannot refresh right now).
 */
@ApplicationScoped
public class OAuthAccessTokens {

    private final TokenRefresher refresher;

    public OAuthAccessTokens(TokenRefresher refresher) {
        this.refresher = refresher;
    }

    /** A token valid beyond the configured margin ({@code integration.oauth.refresh-margin}), refreshed first if needed. */
    public Uni<AccessToken> validToken(TenantId tenant, UUID venueId, String provider) {
        return refresher.validToken(tenant, venueId, provider)
                .map(TokenRefresher.Current::token);
    }

    /**
     * The provider answered 401 to {@code rejectedAccessToken}: refreshes unless the stored token is already another
     * one, and returns the current valid token.
     */
    public Uni<AccessToken> refreshAfterRejection(TenantId tenant, UUID venueId, String provider,
            String rejectedAccessToken) {
        Objects.requireNonNull(rejectedAccessToken, "rejectedAccessToken");
        return refresher.refreshAfterRejection(tenant, venueId, provider, rejectedAccessToken)
                .map(TokenRefresher.Current::token);
    }
}
