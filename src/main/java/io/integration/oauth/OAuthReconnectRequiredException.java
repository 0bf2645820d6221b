package io.integration.oauth;

import java.util.UUID;

import io.integration.common.ApiException;

/** The venue's OAuth tokens are EXPIRED (refresh token rejected or too many failed refreshes): only a reconnect helps. */
public class OAuthReconnectRequiredException extends ApiException {

    public OAuthReconnectRequiredException(UUID venueId, String provider, String reason) {
        super(409, "Conflict", "the OAuth connection of venue " + venueId + " to '" + provider
                + "' has expired and must be reconnected (POST /api/v1/venues/" + venueId + "/oauth/" + provider
                + "/authorize)" + (reason == null ? "" : ": " + reason));
    }
}
