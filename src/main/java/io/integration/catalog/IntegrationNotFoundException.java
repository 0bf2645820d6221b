package io.integration.catalog;

import java.util.UUID;

import io.integration.common.ResourceNotFoundException;

/** No integration with this id for the caller's tenant. */
public class IntegrationNotFoundException extends ResourceNotFoundException {

    public IntegrationNotFoundException(UUID id) {
        super("integration", id);
    }
}
