package io.integration.catalog;

import io.integration.common.ConflictException;

/** The tenant already has an integration with this name for this provider. */
public class DuplicateIntegrationException extends ConflictException {

    public DuplicateIntegrationException(String name, String provider) {
        super("an integration named '" + name + "' for provider '" + provider + "' already exists");
    }
}
