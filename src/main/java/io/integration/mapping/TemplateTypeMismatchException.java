package io.integration.mapping;

import java.util.UUID;

import io.integration.common.ConflictException;

/** A template applies only to connections of its own integration type. */
public class TemplateTypeMismatchException extends ConflictException {

    public TemplateTypeMismatchException(UUID templateId, String templateType, UUID connectionId, String connectionType) {
        super("template " + templateId + " is for integration type '" + templateType + "' but connection " + connectionId
                + " is a '" + connectionType + "' connection");
    }
}
