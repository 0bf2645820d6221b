package io.integration.health;

import java.util.UUID;

import io.integration.common.ApiException;

/** No health recorded for the venue and provider in the caller's tenant (another tenant's row answers the same). */
public class IntegrationHealthNotFoundException extends ApiException {

    public IntegrationHealthNotFoundException(UUID venueId, String provider) {
        super(404, "Not Found", "no health is recorded for venue " + venueId + " and provider " + provider);
    }
}
