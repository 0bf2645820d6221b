package io.integration.sync.connector;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.oauth.AccessToken;
import io.integration.oauth.OAuthAccessTokens;
import io.integration.oauth.OAuthClientNotConfiguredException;
import io.integration.oauth.OAuthReconnectRequiredException;
import io.integration.oauth.OAuthTokenNotFoundException;
import io.integration.oauth.TokenRefreshUnavailableException;
import io.integration.sync.connector.PullFailedException.Reason;
import io.integration.tenancy.TenantId;
import io.smallrye.mutiny.Uni;

/**
 * OAUTH2 providers' access tokens for sync runs come from the OAuth lifecycle: refreshed before they expire, and
 * after a provider's 401 refreshed at most once across all callers (a token somebody already replaced is not
 * refreshed again).
 */
@ApplicationScoped
public class OAuthLifecycleTokens implements OAuthAccessTokenSource {

    private final OAuthAccessTokens tokens;

    public OAuthLifecycleTokens(OAuthAccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<String> validToken(TenantId tenant, UUID venueId, String provider) {
        return tokens.validToken(tenant, venueId, provider).map(AccessToken::value)
                .onFailure().transform(OAuthLifecycleTokens::asPullFailure);
    }

    @Override
    public Uni<String> refreshAfterRejection(TenantId tenant, UUID venueId, String provider,
            String rejectedAccessToken) {
        return tokens.refreshAfterRejection(tenant, venueId, provider, rejectedAccessToken).map(AccessToken::value);
    }

    /**
     * No token can be had: a token that needs reconnecting (or was never stored, or whose client is not configured)
     * fails the run without retries; a provider whose token endpoint is failing is retried later.
     */
    private static Throwable asPullFailure(Throwable failure) {
        if (failure instanceof OAuthReconnectRequiredException || failure instanceof OAuthTokenNotFoundException
                || failure instanceof OAuthClientNotConfiguredException) {
            return PullFailedException.of(Reason.NOT_CONFIGURED, "no usable OAuth token: " + failure.getMessage());
        }
        if (failure instanceof TokenRefreshUnavailableException) {
            return PullFailedException.of(Reason.PROVIDER_UNAVAILABLE, "OAuth token refresh unavailable: "
                    + failure.getMessage());
        }
        return failure;
    }
}
