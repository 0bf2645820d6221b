package io.integration.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The target record a set of rules produced, and what went wrong per rule (a record with errors is not usable). */
public record MappedRecord(ObjectNode value, List<MappingViolation> errors) {

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
