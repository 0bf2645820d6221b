package io.integration.oauth;

import java.util.UUID;

import io.integration.common.ApiException;

/** No valid access token is left and the provider's token endpoint cannot refresh it right now (transient). */
public class TokenRefreshUnavailableException extends ApiException {

    public TokenRefreshUnavailableException(UUID venueId, String provider, String detail) {
        super(503, "Service Unavailable", "no valid access token of venue " + venueId + " for '" + provider
                + "': " + detail + "; retry later");
    }
}
