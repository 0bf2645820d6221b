package io.integration.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class FieldMappingEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTOMER = """
            {"customer":{"email":"  Ann.Lee@Example.COM ","first":"Ann","last":"Lee","gender":"F","since":"03/02/2024"},
             "total":"1.234,50","plain":"42","note":null,"tags":["a"]}""";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static MappingDefinition rule(String source, String target, FieldTransform transform, String config) {
        return new MappingDefinition(source, target, transform, config == null ? null : (ObjectNode) json(config), null, null);
    }

    private static JsonNode map(MappingDefinition... rules) {
        MappedRecord result = FieldMappingEngine.apply(List.of(rules), json(CUSTOMER));
        assertThat(result.errors()).isEmpty();
        return result.value();
    }

    @Test
    void noneAndRenameCopyTheValueUnderTheNewName() {
        JsonNode out = map(rule("/customer/first", "firstName", FieldTransform.NONE, null),
                rule("tags", "labels", FieldTransform.RENAME, null));
        assertThat(out).isEqualTo(json("{\"firstName\":\"Ann\",\"labels\":[\"a\"]}"));
    }

    @Test
    void trimLowercaseAndUppercaseChangeText() {
        JsonNode out = map(rule("/customer/email", "trimmed", FieldTransform.TRIM, null),
                rule("/customer/email", "lower", FieldTransform.LOWERCASE, null),
                rule("/customer/last", "upper", FieldTransform.UPPERCASE, null));
        assertThat(out.get("trimmed").asText()).isEqualTo("Ann.Lee@Example.COM");
        assertThat(out.get("lower").asText()).isEqualTo("  ann.lee@example.com ");
        assertThat(out.get("upper").asText()).isEqualTo("LEE");
    }

    @Test
    void numberParsesWithEitherDecimalSeparator() {
        JsonNode out = map(rule("total", "amount", FieldTransform.NUMBER, "{\"decimalSeparator\":\",\"}"),
                rule("plain", "count", FieldTransform.NUMBER, null));
        assertThat(out.get("amount").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(out.get("count").decimalValue()).isEqualByComparingTo("42");

        MappedRecord bad = FieldMappingEngine.apply(List.of(rule("/customer/first", "n", FieldTransform.NUMBER, null)),
                json(CUSTOMER));
        assertThat(bad.succeeded()).isFalse();
        assertThat(bad.errors()).singleElement().extracting(MappingViolation::message).asString().contains("not a number");
    }

    @Test
    void dateReformatsAndReportsAValueThatDoesNotFit() {
        MappingDefinition since = rule("/customer/since", "customerSince", FieldTransform.DATE,
                "{\"inputFormat\":\"dd/MM/yyyy\",\"outputFormat\":\"yyyy-MM-dd\"}");
        assertThat(map(since).get("customerSince").asText()).isEqualTo("2024-02-03");

        MappedRecord bad = FieldMappingEngine.apply(List.of(since), json("{\"customer\":{\"since\":\"2024-02-03\"}}"));
        assertThat(bad.errors()).singleElement().extracting(MappingViolation::field).isEqualTo("/customer/since");
    }

    @Test
    void defaultFillsOnlyMissingValuesAndConstantAlwaysWrites() {
        JsonNode out = map(rule("note", "note", FieldTransform.DEFAULT, "{\"value\":\"none\"}"),
                rule("plain", "plain", FieldTransform.DEFAULT, "{\"value\":\"none\"}"),
                rule("nowhere", "channel", FieldTransform.CONSTANT, "{\"value\":\"web\"}"));
        assertThat(out).isEqualTo(json("{\"note\":\"none\",\"plain\":\"42\",\"channel\":\"web\"}"));
    }

    @Test
    void concatJoinsThePresentFields() {
        JsonNode out = map(rule("/customer/first", "fullName", FieldTransform.CONCAT,
                        "{\"fields\":[\"/customer/first\",\"/customer/middle\",\"/customer/last\"],\"separator\":\" \"}"));
        assertThat(out.get("fullName").asText()).isEqualTo("Ann Lee");
    }

    @Test
    void lookupTranslatesThenFallsBackToTheDefaultOrTheValue() {
        JsonNode out = map(rule("/customer/gender", "gender", FieldTransform.LOOKUP, "{\"table\":{\"F\":\"female\"}}"),
                rule("/customer/first", "withDefault", FieldTransform.LOOKUP, "{\"table\":{\"F\":\"female\"},\"default\":\"?\"}"),
                rule("/customer/first", "unchanged", FieldTransform.LOOKUP, "{\"table\":{\"F\":\"female\"}}"));
        assertThat(out).isEqualTo(json("{\"gender\":\"female\",\"withDefault\":\"?\",\"unchanged\":\"Ann\"}"));
    }

    @Test
    void pointersWriteNestedObjectsAndRulesRunInPositionOrder() {
        MappingDefinition second = new MappingDefinition("/customer/last", "/contact/name", FieldTransform.NONE, null, null, 2);
        MappingDefinition first = new MappingDefinition("/customer/first", "/contact/name", FieldTransform.NONE, null, null, 1);
        MappingDefinition email = new MappingDefinition("/customer/email", "/contact/emails/primary", FieldTransform.TRIM,
                null, null, 0);
        MappedRecord result = FieldMappingEngine.apply(List.of(second, first, email), json(CUSTOMER));
        assertThat(result.value()).isEqualTo(json(
                "{\"contact\":{\"emails\":{\"primary\":\"Ann.Lee@Example.COM\"},\"name\":\"Lee\"}}"));
    }

    @Test
    void aMissingRequiredValueIsAnErrorAndAMissingOptionalOneIsSkipped() {
        MappingDefinition required = new MappingDefinition("/customer/phone", "phone", null, null, true, 0);
        MappingDefinition optional = new MappingDefinition("/customer/fax", "fax", null, null, false, 1);
        MappedRecord result = FieldMappingEngine.apply(List.of(required, optional), json(CUSTOMER));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors()).containsExactly(new MappingViolation("/customer/phone", "is required but missing"));
        assertThat(result.value().isEmpty()).isTrue();
    }
}
