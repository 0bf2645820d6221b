package io.integration.oauth;

import java.util.UUID;

import io.integration.common.ApiException;

/** No stored tokens for this venue and provider in the caller's tenant. */
public class OAuthTokenNotFoundException extends ApiException {

    public OAuthTokenNotFoundException(UUID venueId, String provider) {
        super(404, "Not Found", "no OAuth tokens for provider '" + provider + "' of venue " + venueId);
    }
}
