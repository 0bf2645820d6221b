package io.integration.credential.apikey;

import io.integration.common.ApiException;

/** No API key of this name for this venue and provider in the caller's tenant. */
public class ApiKeyNotFoundException extends ApiException {

    public ApiKeyNotFoundException(String venueId, String provider, String keyName) {
        super(404, "Not Found", "API key '" + keyName + "' for provider '" + provider + "' of venue " + venueId
                + " was not found");
    }
}
