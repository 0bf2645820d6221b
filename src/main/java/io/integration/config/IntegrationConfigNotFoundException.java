package io.integration.config;

import java.util.UUID;

import io.integration.common.ApiException;

/** No config for this venue and provider in the caller's tenant. */
public class IntegrationConfigNotFoundException extends ApiException {

    public IntegrationConfigNotFoundException(UUID venueId, String provider) {
        super(404, "Not Found", "config for provider '" + provider + "' of venue " + venueId + " was not found");
    }
}
