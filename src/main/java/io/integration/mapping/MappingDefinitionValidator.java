package io.integration.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pure checks of mapping definitions (field names, JSON Pointers, each transform's config); no I/O, no state. */
public final class MappingDefinitionValidator {

    public static final int MAX_FIELD_LENGTH = 500;
    public static final int MAX_POSITION = 100_000;

    private static final Map<FieldTransform, Set<String>> ALLOWED_KEYS = Map.ofEntries(
            Map.entry(FieldTransform.NONE, Set.of()),
            Map.entry(FieldTransform.RENAME, Set.of()),
            Map.entry(FieldTransform.TRIM, Set.of()),
            Map.entry(FieldTransform.LOWERCASE, Set.of()),
            Map.entry(FieldTransform.UPPERCASE, Set.of()),
            Map.entry(FieldTransform.NUMBER, Set.of("decimalSeparator", "scale", "format", "locale")),
            Map.entry(FieldTransform.DATE, Set.of("inputFormat", "outputFormat", "timezone")),
            Map.entry(FieldTransform.DEFAULT, Set.of("value")),
            Map.entry(FieldTransform.CONSTANT, Set.of("value")),
            Map.entry(FieldTransform.CONCAT, Set.of("fields", "separator")),
            Map.entry(FieldTransform.LOOKUP, Set.of("table", "default")));

    private MappingDefinitionValidator() {
    }

    /** Every violation of one definition; empty when it is valid. */
    public static List<MappingViolation> validate(MappingDefinition definition) {
        List<MappingViolation> violations = new ArrayList<>();
        checkField("sourceField", definition.sourceField(), violations);
        checkField("targetField", definition.targetField(), violations);
        if (definition.position() != null && (definition.position() < 0 || definition.position() > MAX_POSITION)) {
            violations.add(new MappingViolation("position", "must be between 0 and " + MAX_POSITION));
        }
        checkConfig(definition.transformOrDefault(), definition.transformConfig(), violations);
        return violations;
    }

    /** Definitions of one set that repeat an earlier sourceField/targetField pair, named {@code mappings[i]}. */
    public static List<MappingViolation> duplicatePairs(List<MappingDefinition> definitions) {
        List<MappingViolation> violations = new ArrayList<>();
        Map<List<String>, Integer> first = new HashMap<>();
        for (int i = 0; i < definitions.size(); i++) {
            MappingDefinition definition = definitions.get(i);
            if (definition == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(List.of(String.valueOf(definition.sourceField()),
                    String.valueOf(definition.targetField())), i);
            if (earlier != null) {
                violations.add(new MappingViolation("mappings[" + i + "]",
                        "repeats the sourceField and targetField of mappings[" + earlier + "]"));
            }
        }
        return violations;
    }

    /** Null when {@code value} is a usable field name or JSON Pointer, else what is wrong with it. */
    static String fieldProblem(String value) {
        if (value == null || value.isBlank()) {
            return "must not be blank";
        }
        if (value.length() > MAX_FIELD_LENGTH) {
            return "must be at most " + MAX_FIELD_LENGTH + " characters";
        }
        if (!value.contains("/")) {
            return null;
        }
        if (!value.startsWith("/")) {
            return "a JSON Pointer must start with '/' (e.g. /customer/email)";
        }
        if (value.equals("/") || value.endsWith("/") || value.contains("//")) {
            return "a JSON Pointer must not have empty segments";
        }
        for (int i = value.indexOf('~'); i >= 0; i = value.indexOf('~', i + 1)) {
            if (i + 1 >= value.length() || (value.charAt(i + 1) != '0' && value.charAt(i + 1) != '1')) {
                return "in a JSON Pointer '~' must be followed by 0 or 1 (escapes of '~' and '/')";
            }
        }
        return null;
    }

    private static void checkField(String name, String value, List<MappingViolation> violations) {
        String problem = fieldProblem(value);
        if (problem != null) {
            violations.add(new MappingViolation(name, problem));
        }
    }

    private static void checkConfig(FieldTransform transform, ObjectNode config, List<MappingViolation> violations) {
        ObjectNode settings = config == null ? JsonNodeFactory.instance.objectNode() : config;
        Set<String> allowed = ALLOWED_KEYS.get(transform);
        for (Map.Entry<String, JsonNode> setting : settings.properties()) {
            String key = setting.getKey();
            if (!allowed.contains(key)) {
                violations.add(new MappingViolation(path(key), allowed.isEmpty()
                        ? "transform " + transform + " takes no configuration"
                        : "is not a setting of transform " + transform + "; allowed: " + allowed.stream().sorted().toList()));
            }
        }
        switch (transform) {
            case NUMBER -> NumberTransform.check(settings, violations);
            case DATE -> DateTransform.check(settings, violations);
            case DEFAULT, CONSTANT -> {
                JsonNode value = settings.get("value");
                if (value == null || value.isNull()) {
                    violations.add(new MappingViolation(path("value"), "is required for transform " + transform));
                } else if (!value.isValueNode()) {
                    violations.add(new MappingViolation(path("value"), "must be a text, number or boolean"));
                }
            }
            case CONCAT -> checkConcat(settings, violations);
            case LOOKUP -> checkLookup(settings, violations);
            default -> {
                // NONE, RENAME, TRIM, LOWERCASE, UPPERCASE: no settings (unknown keys reported above).
            }
        }
    }

    private static void checkConcat(ObjectNode settings, List<MappingViolation> violations) {
        JsonNode fields = settings.get("fields");
        if (fields == null || fields.isNull()) {
            violations.add(new MappingViolation(path("fields"), "is required for transform CONCAT"));
        } else if (!fields.isArray() || fields.size() < 2) {
            violations.add(new MappingViolation(path("fields"), "must be an array of at least 2 source fields"));
        } else {
            for (int i = 0; i < fields.size(); i++) {
                JsonNode field = fields.get(i);
                String problem = field.isTextual() ? fieldProblem(field.asText()) : "must be a field name or JSON Pointer";
                if (problem != null) {
                    violations.add(new MappingViolation(path("fields[" + i + "]"), problem));
                }
            }
        }
        JsonNode separator = settings.get("separator");
        if (separator != null && !separator.isTextual()) {
            violations.add(new MappingViolation(path("separator"), "must be a text"));
        }
    }

    private static void checkLookup(ObjectNode settings, List<MappingViolation> violations) {
        JsonNode table = settings.get("table");
        if (table == null || table.isNull()) {
            violations.add(new MappingViolation(path("table"), "is required for transform LOOKUP"));
        } else if (!table.isObject() || table.isEmpty()) {
            violations.add(new MappingViolation(path("table"), "must be an object of at least one text-to-text entry"));
        } else {
            for (Map.Entry<String, JsonNode> entry : table.properties()) {
                if (!entry.getValue().isTextual()) {
                    violations.add(new MappingViolation(path("table." + entry.getKey()), "must be a text"));
                }
            }
        }
        JsonNode fallback = settings.get("default");
        if (fallback != null && !fallback.isTextual()) {
            violations.add(new MappingViolation(path("default"), "must be a text"));
        }
    }

    private static String path(String key) {
        return "transformConfig." + key;
    }
}
