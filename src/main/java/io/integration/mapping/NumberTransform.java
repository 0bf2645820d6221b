package io.integration.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The NUMBER transform: parses a number (a JSON number, or a text with the configured {@code decimalSeparator}; the
 * other of "." and "," is taken as grouping), optionally rounds it to {@code scale} decimals (half up), and optionally
 * formats it as text with a {@link DecimalFormat} {@code format} pattern in the symbols of {@code locale}.
 */
final class NumberTransform {

    static final int MAX_SCALE = 18;

    private NumberTransform() {
    }

    static JsonNode apply(JsonNode value, ObjectNode config) {
        if (value.isContainerNode() || value.isBoolean()) {
            throw new IllegalArgumentException("expects a number or a numeric text, got " + FieldMappingEngine.kindOf(value));
        }
        if (value.isNumber() && !config.hasNonNull("scale") && !config.hasNonNull("format")) {
            return value;
        }
        BigDecimal number = value.isNumber() ? value.decimalValue() : parse(value.asText(),
                config.path("decimalSeparator").asText("."));
        if (config.hasNonNull("scale")) {
            number = number.setScale(config.get("scale").asInt(), RoundingMode.HALF_UP);
        }
        if (config.hasNonNull("format")) {
            return TextNode.valueOf(formatter(config.get("format").asText(), config.path("locale").asText("")).format(number));
        }
        return DecimalNode.valueOf(number);
    }

    private static BigDecimal parse(String text, String decimalSeparator) {
        String grouping = decimalSeparator.equals(",") ? "." : ",";
        String plain = text.strip().replace(" ", "").replace("\u00a0", "").replace("'", "")
                .replace(grouping, "").replace(decimalSeparator, ".");
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number (decimal separator '" + decimalSeparator + "')");
        }
    }

    private static DecimalFormat formatter(String pattern, String locale) {
        DecimalFormat format = new DecimalFormat(pattern,
                DecimalFormatSymbols.getInstance(locale.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(locale)));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** Checks decimalSeparator, scale, format and locale of a NUMBER rule. */
    static void check(ObjectNode settings, List<MappingViolation> violations) {
        JsonNode separator = settings.get("decimalSeparator");
        if (separator != null && !(separator.isTextual() && (separator.asText().equals(".") || separator.asText().equals(",")))) {
            violations.add(violation("decimalSeparator", "must be \".\" or \",\""));
        }
        JsonNode scale = settings.get("scale");
        if (scale != null && !(scale.canConvertToInt() && scale.isIntegralNumber() && scale.asInt() >= 0
                && scale.asInt() <= MAX_SCALE)) {
            violations.add(violation("scale", "must be a whole number of decimals from 0 to " + MAX_SCALE));
        }
        JsonNode format = settings.get("format");
        if (format != null) {
            if (!format.isTextual() || format.asText().isBlank()) {
                violations.add(violation("format", "must be a java.text.DecimalFormat pattern such as #,##0.00"));
            } else {
                try {
                    new DecimalFormat(format.asText());
                } catch (IllegalArgumentException e) {
                    violations.add(violation("format", "is not a valid DecimalFormat pattern: " + e.getMessage()));
                }
            }
        }
        JsonNode locale = settings.get("locale");
        if (locale != null) {
            if (format == null) {
                violations.add(violation("locale", "only applies together with format"));
            } else if (!isLanguageTag(locale)) {
                violations.add(violation("locale", "must be a BCP 47 language tag such as de-DE or en-US"));
            }
        }
    }

    private static boolean isLanguageTag(JsonNode locale) {
        if (!locale.isTextual() || locale.asText().isBlank()) {
            return false;
        }
        try {
            return !new Locale.Builder().setLanguageTag(locale.asText()).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    private static MappingViolation violation(String key, String message) {
        return new MappingViolation("transformConfig." + key, message);
    }
}
