package io.integration.mapping;

import java.util.UUID;

import io.integration.common.ConflictException;

/** The connection already maps this source field to this target field. */
public class DuplicateFieldMappingException extends ConflictException {

    public DuplicateFieldMappingException(UUID connectionId, String sourceField, String targetField) {
        super("connection " + connectionId + " already maps '" + sourceField + "' to '" + targetField
                + "'; change that mapping instead");
    }
}
