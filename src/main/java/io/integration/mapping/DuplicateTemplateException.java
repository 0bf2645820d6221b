package io.integration.mapping;

import io.integration.common.ConflictException;

/** The tenant already has a template of this name for this integration type, or a second default for it. */
public class DuplicateTemplateException extends ConflictException {

    public DuplicateTemplateException(String detail) {
        super(detail);
    }

    static DuplicateTemplateException name(String name, String integrationType) {
        return new DuplicateTemplateException("a field mapping template named '" + name + "' for integration type '"
                + integrationType + "' already exists");
    }

    static DuplicateTemplateException concurrentDefault(String integrationType) {
        return new DuplicateTemplateException("another default template for integration type '" + integrationType
                + "' was set at the same time; read it again and retry");
    }
}
