package io.integration.oauth;

import io.integration.common.ApiException;

/** This deployment has no OAuth client registered for the provider, so it cannot start or refresh authorizations. */
public class OAuthClientNotConfiguredException extends ApiException {

    public OAuthClientNotConfiguredException(String provider) {
        super(400, "Bad Request", "no OAuth client is configured for provider '" + provider
                + "' (integration.oauth.clients." + provider + ".client-id)");
    }
}
