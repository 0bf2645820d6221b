package io.integration.mapping;

import java.util.UUID;

import io.integration.common.ResourceNotFoundException;

/** No field mapping with this id on this connection of the caller's tenant. */
public class FieldMappingNotFoundException extends ResourceNotFoundException {

    public FieldMappingNotFoundException(UUID id) {
        super("field mapping", id);
    }
}
