package io.integration.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MappingDefinitionValidatorTest {

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode config(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static MappingDefinition rule(String source, String target) {
        return new MappingDefinition(source, target, null, null, null, null);
    }

    private MappingDefinition transformed(FieldTransform transform, String config) {
        return new MappingDefinition("/customer/email", "email", transform, config == null ? null : config(config),
                null, null);
    }

    private static List<String> fields(List<MappingViolation> violations) {
        return violations.stream().map(MappingViolation::field).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "first name", "contact.email", "/customer/email", "/a~1b/c~0d", "/items/0/sku"})
    void acceptsFieldNamesAndJsonPointers(String field) {
        assertThat(MappingDefinitionValidator.validate(rule(field, field))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer/email", "/", "/customer/", "/customer//email", "/a~2b", "/a~", " ", ""})
    void rejectsBadFieldsAndPointersNamingTheField(String field) {
        List<MappingViolation> violations = MappingDefinitionValidator.validate(rule(field, "ok"));
        assertThat(fields(violations)).containsExactly("sourceField");
        assertThat(fields(MappingDefinitionValidator.validate(rule("ok", field)))).containsExactly("targetField");
    }

    @Test
    void aPointerWithoutLeadingSlashSaysHowToWriteIt() {
        assertThat(MappingDefinitionValidator.validate(rule("customer/email", "email")))
                .singleElement().extracting(MappingViolation::message).asString().contains("must start with '/'");
    }

    @Test
    void fieldsAreOneTo500Characters() {
        assertThat(MappingDefinitionValidator.validate(rule("a".repeat(500), "b"))).isEmpty();
        assertThat(fields(MappingDefinitionValidator.validate(rule("a".repeat(501), "b")))).containsExactly("sourceField");
        assertThat(fields(MappingDefinitionValidator.validate(rule((String) null, null)))).containsExactly("sourceField", "targetField");
    }

    @Test
    void positionMustNotBeNegative() {
        MappingDefinition negative = new MappingDefinition("a", "b", null, null, null, -1);
        assertThat(fields(MappingDefinitionValidator.validate(negative))).containsExactly("position");
    }

    @Test
    void transformsWithoutSettingsRejectAnySetting() {
        for (FieldTransform transform : List.of(FieldTransform.NONE, FieldTransform.RENAME, FieldTransform.TRIM,
                FieldTransform.LOWERCASE, FieldTransform.UPPERCASE)) {
            assertThat(MappingDefinitionValidator.validate(transformed(transform, null))).isEmpty();
            assertThat(MappingDefinitionValidator.validate(transformed(transform, "{}"))).isEmpty();
            assertThat(fields(MappingDefinitionValidator.validate(transformed(transform, "{\"value\":\"x\"}"))))
                    .as("%s", transform).containsExactly("transformConfig.value");
        }
    }

    @Test
    void numberTakesAnOptionalDecimalSeparator() {
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, null))).isEmpty();
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, "{\"decimalSeparator\":\",\"}"))).isEmpty();
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, "{\"decimalSeparator\":\";\"}"))))
                .containsExactly("transformConfig.decimalSeparator");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, "{\"decimalSeparator\":1}"))))
                .containsExactly("transformConfig.decimalSeparator");
    }

    @Test
    void numberTakesAScaleAFormatAndALocaleForTheFormat() {
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER,
                "{\"scale\":2,\"format\":\"#,##0.00\",\"locale\":\"de-DE\",\"decimalSeparator\":\",\"}"))).isEmpty();
        List<MappingViolation> bad = MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER,
                "{\"scale\":-1,\"format\":\"#,##0.0.0\",\"locale\":\"not a locale!\"}"));
        assertThat(fields(bad)).containsExactly("transformConfig.scale", "transformConfig.format", "transformConfig.locale");
        assertThat(bad.get(0).message()).isEqualTo("must be a whole number of decimals from 0 to 18");
        assertThat(bad.get(1).message()).startsWith("is not a valid DecimalFormat pattern");
        assertThat(bad.get(2).message()).contains("BCP 47");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, "{\"scale\":1.5}"))))
                .containsExactly("transformConfig.scale");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, "{\"scale\":19}"))))
                .containsExactly("transformConfig.scale");
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, "{\"locale\":\"fr-FR\"}")))
                .containsExactly(new MappingViolation("transformConfig.locale", "only applies together with format"));
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.NUMBER, "{\"format\":\"\"}"))))
                .containsExactly("transformConfig.format");
    }

    @Test
    void dateTakesAnOptionalTimeZone() {
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.DATE,
                "{\"inputFormat\":\"yyyy-MM-dd\",\"outputFormat\":\"dd/MM/yyyy\",\"timezone\":\"Europe/Paris\"}"))).isEmpty();
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.DATE,
                "{\"inputFormat\":\"yyyy-MM-dd\",\"outputFormat\":\"dd/MM/yyyy\",\"timezone\":\"Mars/Olympus\"}")))
                .containsExactly(new MappingViolation("transformConfig.timezone",
                        "must be a time zone such as Europe/Paris, UTC or +02:00"));
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.DATE,
                "{\"inputFormat\":\"yyyy-MM-dd\",\"outputFormat\":\"dd/MM/yyyy\",\"timezone\":3}"))))
                .containsExactly("transformConfig.timezone");
    }

    @Test
    void dateNeedsTwoPatternsThatCompile() {
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.DATE,
                "{\"inputFormat\":\"dd/MM/yyyy\",\"outputFormat\":\"yyyy-MM-dd'T'HH:mm\"}"))).isEmpty();
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.DATE, null))))
                .containsExactly("transformConfig.inputFormat", "transformConfig.outputFormat");
        List<MappingViolation> invalid = MappingDefinitionValidator.validate(transformed(FieldTransform.DATE,
                "{\"inputFormat\":\"yyyy-MM-dd{\",\"outputFormat\":\"bbb\"}"));
        assertThat(fields(invalid)).containsExactly("transformConfig.inputFormat", "transformConfig.outputFormat");
        assertThat(invalid.get(0).message()).contains("not a valid java.time pattern");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.DATE,
                "{\"inputFormat\":7,\"outputFormat\":\"\"}"))))
                .containsExactly("transformConfig.inputFormat", "transformConfig.outputFormat");
    }

    @Test
    void defaultAndConstantNeedAScalarValue() {
        for (FieldTransform transform : List.of(FieldTransform.DEFAULT, FieldTransform.CONSTANT)) {
            assertThat(MappingDefinitionValidator.validate(transformed(transform, "{\"value\":\"n/a\"}"))).isEmpty();
            assertThat(MappingDefinitionValidator.validate(transformed(transform, "{\"value\":0}"))).isEmpty();
            assertThat(MappingDefinitionValidator.validate(transformed(transform, "{\"value\":false}"))).isEmpty();
            List<MappingViolation> missing = MappingDefinitionValidator.validate(transformed(transform, "{}"));
            assertThat(fields(missing)).containsExactly("transformConfig.value");
            assertThat(missing.get(0).message()).isEqualTo("is required for transform " + transform);
            assertThat(fields(MappingDefinitionValidator.validate(transformed(transform, "{\"value\":null}"))))
                    .containsExactly("transformConfig.value");
            assertThat(fields(MappingDefinitionValidator.validate(transformed(transform, "{\"value\":{\"a\":1}}"))))
                    .containsExactly("transformConfig.value");
        }
    }

    @Test
    void concatNeedsTwoOrMoreValidFields() {
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.CONCAT,
                "{\"fields\":[\"firstName\",\"/customer/lastName\"],\"separator\":\" \"}"))).isEmpty();
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.CONCAT, "{}"))))
                .containsExactly("transformConfig.fields");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.CONCAT, "{\"fields\":[\"a\"]}"))))
                .containsExactly("transformConfig.fields");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.CONCAT, "{\"fields\":\"a,b\"}"))))
                .containsExactly("transformConfig.fields");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.CONCAT,
                "{\"fields\":[\"a\",\"b/c\",3],\"separator\":1}"))))
                .containsExactly("transformConfig.fields[1]", "transformConfig.fields[2]", "transformConfig.separator");
    }

    @Test
    void lookupNeedsATextToTextTable() {
        assertThat(MappingDefinitionValidator.validate(transformed(FieldTransform.LOOKUP,
                "{\"table\":{\"M\":\"male\",\"F\":\"female\"},\"default\":\"unknown\"}"))).isEmpty();
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.LOOKUP, "{}"))))
                .containsExactly("transformConfig.table");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.LOOKUP, "{\"table\":{}}"))))
                .containsExactly("transformConfig.table");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.LOOKUP, "{\"table\":[\"a\"]}"))))
                .containsExactly("transformConfig.table");
        assertThat(fields(MappingDefinitionValidator.validate(transformed(FieldTransform.LOOKUP,
                "{\"table\":{\"a\":\"x\",\"b\":2},\"default\":false}"))))
                .containsExactly("transformConfig.table.b", "transformConfig.default");
    }

    @Test
    void unknownSettingsAreNamedWithTheAllowedOnes() {
        List<MappingViolation> violations = MappingDefinitionValidator.validate(transformed(FieldTransform.DATE,
                "{\"inputFormat\":\"yyyy\",\"outputFormat\":\"yy\",\"zone\":\"UTC\"}"));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("transformConfig.zone");
            assertThat(v.message()).contains("[inputFormat, outputFormat, timezone]");
        });
    }

    @Test
    void aSetMayNotRepeatASourceTargetPair() {
        List<MappingViolation> violations = MappingDefinitionValidator.duplicatePairs(List.of(
                rule("a", "b"), rule("a", "c"), rule("a", "b"), rule("d", "b")));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("mappings[2]");
            assertThat(v.message()).contains("mappings[0]");
        });
    }

    @Test
    void normalizedFillsEveryOptionalPart() {
        MappingDefinition normalized = rule("a", "b").normalized(7);
        assertThat(normalized.transform()).isEqualTo(FieldTransform.NONE);
        assertThat(normalized.transformConfig().isEmpty()).isTrue();
        assertThat(normalized.required()).isFalse();
        assertThat(normalized.position()).isEqualTo(7);
        assertThat(new MappingDefinition("a", "b", null, null, true, 2).normalized(7).position()).isEqualTo(2);
    }
}
