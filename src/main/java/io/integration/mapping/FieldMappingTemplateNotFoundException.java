package io.integration.mapping;

import java.util.UUID;

import io.integration.common.ResourceNotFoundException;

/** No field mapping template with this id for the caller's tenant. */
public class FieldMappingTemplateNotFoundException extends ResourceNotFoundException {

    public FieldMappingTemplateNotFoundException(UUID id) {
        super("field mapping template", id);
    }
}
