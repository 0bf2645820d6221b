package io.integration.mapping;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Applies validated mapping rules to one source record, in position order: pure, no I/O. A missing source value skips
 * its rule (DEFAULT and CONSTANT still write), unless the rule is required, which records an error.
 */
public final class FieldMappingEngine {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FieldMappingEngine() {
    }

    public static MappedRecord apply(List<MappingDefinition> rules, JsonNode source) {
        ObjectNode target = NODES.objectNode();
        List<MappingViolation> errors = new ArrayList<>();
        List<MappingDefinition> ordered = rules.stream().map(rule -> rule.normalized(0))
                .sorted(Comparator.comparingInt(MappingDefinition::position)).toList();
        for (MappingDefinition rule : ordered) {
            JsonNode value = read(source, rule.sourceField());
            if (isAbsent(value) && rule.required() && rule.transform() != FieldTransform.CONSTANT) {
                errors.add(new MappingViolation(rule.sourceField(), "is required but missing"));
                continue;
            }
            try {
                JsonNode result = transform(rule, value, source);
                if (!isAbsent(result)) {
                    write(target, rule.targetField(), result);
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                errors.add(new MappingViolation(rule.sourceField(), e.getMessage()));
            }
        }
        return new MappedRecord(target, List.copyOf(errors));
    }

    private static JsonNode transform(MappingDefinition rule, JsonNode value, JsonNode source) {
        ObjectNode config = rule.transformConfig();
        return switch (rule.transform()) {
            case NONE, RENAME -> value;
            case TRIM -> text(value, String::strip);
            case LOWERCASE -> text(value, s -> s.toLowerCase(Locale.ROOT));
            case UPPERCASE -> text(value, s -> s.toUpperCase(Locale.ROOT));
            case NUMBER -> isAbsent(value) ? value : NumberTransform.apply(value, config);
            case DATE -> isAbsent(value) ? value : DateTransform.apply(value, config);
            case DEFAULT -> isAbsent(value) ? config.get("value") : value;
            case CONSTANT -> config.get("value");
            case CONCAT -> concat(config, source);
            case LOOKUP -> lookup(value, config);
        };
    }

    /** Texts change; other scalars (numbers, booleans) pass unchanged; objects and arrays are errors. */
    private static JsonNode text(JsonNode value, UnaryOperator<String> change) {
        if (value != null && value.isContainerNode()) {
            throw new IllegalArgumentException("expects a text, got " + kindOf(value));
        }
        return value != null && value.isTextual() ? TextNode.valueOf(change.apply(value.asText())) : value;
    }

    /** "an object", "an array", "a number"... for error messages. */
    static String kindOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a text";
            default -> "nothing";
        };
    }

    private static JsonNode concat(ObjectNode config, JsonNode source) {
        StringJoiner joined = new StringJoiner(config.path("separator").asText(""));
        boolean any = false;
        for (JsonNode field : config.path("fields")) {
            JsonNode part = read(source, field.asText());
            if (part != null && part.isContainerNode()) {
                throw new IllegalArgumentException("CONCAT joins texts, numbers and booleans; " + field.asText()
                        + " is " + kindOf(part));
            }
            if (!isAbsent(part)) {
                joined.add(part.asText());
                any = true;
            }
        }
        return any ? TextNode.valueOf(joined.toString()) : null;
    }

    /** No entry: the {@code default} when configured, else the source value unchanged. */
    private static JsonNode lookup(JsonNode value, ObjectNode config) {
        if (isAbsent(value)) {
            return value;
        }
        if (value.isContainerNode()) {
            throw new IllegalArgumentException("LOOKUP translates texts, numbers and booleans, got " + kindOf(value));
        }
        JsonNode match = config.path("table").get(value.asText());
        if (match != null) {
            return match;
        }
        return config.has("default") ? config.get("default") : value;
    }

    static JsonNode read(JsonNode record, String field) {
        return field.startsWith("/") ? record.at(JsonPointer.compile(field)) : record.get(field);
    }

    /** A pointer writes nested objects (creating them, replacing a non-object in the way); a name writes one field. */
    static void write(ObjectNode record, String field, JsonNode value) {
        if (!field.startsWith("/")) {
            record.set(field, value);
            return;
        }
        ObjectNode parent = record;
        JsonPointer pointer = JsonPointer.compile(field);
        while (!pointer.tail().matches()) {
            String name = pointer.getMatchingProperty();
            JsonNode child = parent.get(name);
            parent = child instanceof ObjectNode object ? object : parent.putObject(name);
            pointer = pointer.tail();
        }
        parent.set(pointer.getMatchingProperty(), value);
    }

    private static boolean isAbsent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }
}
