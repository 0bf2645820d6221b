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

    private static MappedRecord mapOne(MappingDefinition rule, String record) {
        return FieldMappingEngine.apply(List.of(rule), json(record));
    }

    private static String errorOf(MappingDefinition rule, String record) {
        MappedRecord result = mapOne(rule, record);
        assertThat(result.value().isEmpty()).as("a failed rule writes nothing").isTrue();
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0).message();
    }

    @Test
    void textTransformsKeepOtherScalarsAndRejectObjectsAndArrays() {
        assertThat(mapOne(rule("n", "n", FieldTransform.TRIM, null), "{\"n\":42}").value().get("n").asInt()).isEqualTo(42);
        assertThat(errorOf(rule("o", "o", FieldTransform.LOWERCASE, null), "{\"o\":{\"a\":1}}"))
                .isEqualTo("expects a text, got an object");
        assertThat(errorOf(rule("o", "o", FieldTransform.UPPERCASE, null), "{\"o\":[\"a\"]}"))
                .isEqualTo("expects a text, got an array");
        assertThat(errorOf(rule("o", "o", FieldTransform.TRIM, null), "{\"o\":[]}")).contains("an array");
    }

    @Test
    void numberRoundsToAScaleAndFormatsWithAPatternAndLocale() {
        String record = "{\"price\":\"1 234,5678\",\"raw\":1234.5,\"neg\":\"-0.005\"}";
        JsonNode out = FieldMappingEngine.apply(List.of(
                rule("price", "rounded", FieldTransform.NUMBER, "{\"decimalSeparator\":\",\",\"scale\":2}"),
                rule("price", "us", FieldTransform.NUMBER, "{\"decimalSeparator\":\",\",\"format\":\"#,##0.00\"}"),
                rule("raw", "de", FieldTransform.NUMBER, "{\"format\":\"#,##0.00\",\"locale\":\"de-DE\"}"),
                rule("raw", "cents", FieldTransform.NUMBER, "{\"scale\":0}"),
                rule("neg", "halfUp", FieldTransform.NUMBER, "{\"scale\":2}")), json(record)).value();
        assertThat(out.get("rounded").decimalValue()).isEqualByComparingTo("1234.57");
        assertThat(out.get("rounded").isNumber()).isTrue();
        assertThat(out.get("us").asText()).isEqualTo("1,234.57");
        assertThat(out.get("de").asText()).isEqualTo("1.234,50");
        assertThat(out.get("cents").decimalValue()).isEqualByComparingTo("1235");
        assertThat(out.get("halfUp").decimalValue()).isEqualByComparingTo("-0.01");
    }

    @Test
    void numberRejectsTextsThatAreNotNumbersAndNonScalars() {
        MappingDefinition number = rule("v", "v", FieldTransform.NUMBER, null);
        assertThat(errorOf(number, "{\"v\":\"12abc\"}")).isEqualTo("'12abc' is not a number (decimal separator '.')");
        assertThat(errorOf(number, "{\"v\":\"\"}")).contains("is not a number");
        assertThat(errorOf(number, "{\"v\":true}")).isEqualTo("expects a number or a numeric text, got a boolean");
        assertThat(errorOf(number, "{\"v\":{\"amount\":1}}")).contains("got an object");
    }

    @Test
    void dateIsStrictAndConvertsBetweenTimeZones() {
        MappingDefinition strict = rule("d", "d", FieldTransform.DATE, "{\"inputFormat\":\"yyyy-MM-dd\",\"outputFormat\":\"dd.MM.yyyy\"}");
        assertThat(mapOne(strict, "{\"d\":\"2024-02-29\"}").value().get("d").asText()).isEqualTo("29.02.2024");
        assertThat(errorOf(strict, "{\"d\":\"2024-02-30\"}")).isEqualTo("'2024-02-30' is not a date of the form yyyy-MM-dd");
        assertThat(errorOf(strict, "{\"d\":\"2023-02-29\"}")).contains("is not a date");
        assertThat(errorOf(strict, "{\"d\":{\"y\":2024}}")).isEqualTo("expects a date text, got an object");

        MappingDefinition toParis = rule("t", "t", FieldTransform.DATE, "{\"inputFormat\":\"yyyy-MM-dd'T'HH:mm:ssXXX\","
                + "\"outputFormat\":\"yyyy-MM-dd HH:mm xxx\",\"timezone\":\"Europe/Paris\"}");
        assertThat(mapOne(toParis, "{\"t\":\"2026-07-01T22:30:00Z\"}").value().get("t").asText())
                .isEqualTo("2026-07-02 00:30 +02:00");
        MappingDefinition localToInstant = rule("t", "t", FieldTransform.DATE, "{\"inputFormat\":\"dd/MM/yyyy HH:mm\","
                + "\"outputFormat\":\"yyyy-MM-dd'T'HH:mmXXX\",\"timezone\":\"America/New_York\"}");
        assertThat(mapOne(localToInstant, "{\"t\":\"15/01/2026 09:00\"}").value().get("t").asText())
                .isEqualTo("2026-01-15T09:00-05:00");
        MappingDefinition dayInZone = rule("t", "t", FieldTransform.DATE, "{\"inputFormat\":\"yyyy-MM-dd\","
                + "\"outputFormat\":\"yyyy-MM-dd'T'HH:mmXXX\",\"timezone\":\"+05:30\"}");
        assertThat(mapOne(dayInZone, "{\"t\":\"2026-03-01\"}").value().get("t").asText()).isEqualTo("2026-03-01T00:00+05:30");

        MappingDefinition needsTime = rule("d", "d", FieldTransform.DATE, "{\"inputFormat\":\"yyyy-MM-dd\",\"outputFormat\":\"HH:mm\"}");
        assertThat(errorOf(needsTime, "{\"d\":\"2024-02-29\"}")).startsWith("'2024-02-29' (yyyy-MM-dd) lacks what HH:mm needs");
    }

    @Test
    void concatAndLookupRejectObjectsAndArrays() {
        MappingDefinition concat = rule("a", "ab", FieldTransform.CONCAT, "{\"fields\":[\"a\",\"b\"],\"separator\":\"-\"}");
        assertThat(mapOne(concat, "{\"a\":\"x\",\"b\":7}").value().get("ab").asText()).isEqualTo("x-7");
        assertThat(errorOf(concat, "{\"a\":\"x\",\"b\":{\"c\":1}}")).isEqualTo("CONCAT joins texts, numbers and booleans; b is an object");
        MappingDefinition lookup = rule("s", "s", FieldTransform.LOOKUP, "{\"table\":{\"1\":\"one\"}}");
        assertThat(mapOne(lookup, "{\"s\":1}").value().get("s").asText()).isEqualTo("one");
        assertThat(errorOf(lookup, "{\"s\":[1]}")).isEqualTo("LOOKUP translates texts, numbers and booleans, got an array");
    }

    @Test
    void jsonPointersReadEscapedAndIndexedPathsAndAMissingPathIsSkipped() {
        String record = "{\"a/b\":{\"m~n\":\"escaped\"},\"lines\":[{\"sku\":\"S-1\"},{\"sku\":\"S-2\"}]}";
        JsonNode out = FieldMappingEngine.apply(List.of(rule("/a~1b/m~0n", "escaped", FieldTransform.NONE, null),
                rule("/lines/1/sku", "/item/sku", FieldTransform.LOWERCASE, null),
                rule("/lines/9/sku", "missing", FieldTransform.NONE, null)), json(record)).value();
        assertThat(out).isEqualTo(json("{\"escaped\":\"escaped\",\"item\":{\"sku\":\"s-2\"}}"));
    }
}
