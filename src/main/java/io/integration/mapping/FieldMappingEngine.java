package io.integration.mapping;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
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
            case NUMBER -> number(value, config.path("decimalSeparator").asText("."));
            case DATE -> date(value, config.path("inputFormat").asText(), config.path("outputFormat").asText());
            case DEFAULT -> isAbsent(value) ? config.get("value") : value;
            case CONSTANT -> config.get("value");
            case CONCAT -> concat(config, source);
            case LOOKUP -> lookup(value, config);
        };
    }

    private static JsonNode text(JsonNode value, UnaryOperator<String> change) {
        return value != null && value.isTextual() ? TextNode.valueOf(change.apply(value.asText())) : value;
    }

    private static JsonNode number(JsonNode value, String decimalSeparator) {
        if (isAbsent(value) || value.isNumber()) {
            return value;
        }
        String text = value.asText().strip().replace(" ", "").replace("\u00a0", "");
        String grouping = decimalSeparator.equals(",") ? "." : ",";
        text = text.replace(grouping, "").replace(decimalSeparator, ".");
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value.asText() + "' is not a number");
        }
    }

    private static JsonNode date(JsonNode value, String inputFormat, String outputFormat) {
        if (isAbsent(value)) {
            return value;
        }
        DateTimeFormatter input = DateTimeFormatter.ofPattern(inputFormat, Locale.ROOT);
        DateTimeFormatter output = DateTimeFormatter.ofPattern(outputFormat, Locale.ROOT);
        try {
            return TextNode.valueOf(output.format(input.parse(value.asText())));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value.asText() + "' does not fit " + inputFormat + " -> " + outputFormat);
        }
    }

    private static JsonNode concat(ObjectNode config, JsonNode source) {
        StringJoiner joined = new StringJoiner(config.path("separator").asText(""));
        boolean any = false;
        for (JsonNode field : config.path("fields")) {
            JsonNode part = read(source, field.asText());
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
