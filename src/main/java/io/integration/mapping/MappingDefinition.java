package io.integration.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One source-to-target field rule: the body of a mapping create or replace, an element of a template, and the form
 * templates store in their {@code mappings} column. Checked as a whole by {@link MappingDefinitionValidator}.
 */
@ValidMappingDefinition
@Schema(name = "FieldMappingDefinition", description = "One field rule: where the value comes from, where it goes, how it changes")
public record MappingDefinition(
        @Schema(required = true, maxLength = MappingDefinitionValidator.MAX_FIELD_LENGTH,
                description = "A field name, or a JSON Pointer (starting with '/') into the source record",
                examples = "/customer/email")
        String sourceField,
        @Schema(required = true, maxLength = MappingDefinitionValidator.MAX_FIELD_LENGTH,
                description = "A field name, or a JSON Pointer (starting with '/') into the target record",
                examples = "email")
        String targetField,
        @Schema(description = "Defaults to NONE", examples = "LOWERCASE")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)
        FieldTransform transform,
        @Schema(description = "Settings of the transform: NUMBER {decimalSeparator?, scale?, format?, locale?},"
                + " DATE {inputFormat, outputFormat, timezone?},"
                + " DEFAULT/CONSTANT {value}, CONCAT {fields[2+], separator?}, LOOKUP {table, default?}; empty otherwise",
                examples = "{}")
        ObjectNode transformConfig,
        @Schema(description = "Whether a record without this source value fails the mapping; defaults to false")
        Boolean required,
        @Schema(description = "Order of the rule, 0 or more; defaults to the end of the list", examples = "0")
        Integer position) {

    /** The transform, NONE when not given. */
    public FieldTransform transformOrDefault() {
        return transform == null ? FieldTransform.NONE : transform;
    }

    /** The same rule with every optional part filled in. */
    public MappingDefinition normalized(int defaultPosition) {
        return new MappingDefinition(sourceField, targetField, transformOrDefault(),
                transformConfig == null ? JsonNodeFactory.instance.objectNode() : transformConfig,
                required != null && required, position == null ? defaultPosition : position);
    }
}
