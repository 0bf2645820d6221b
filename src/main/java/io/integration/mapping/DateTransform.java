package io.integration.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The DATE transform: parses a text with {@code inputFormat} and writes it with {@code outputFormat} (java.time
 * patterns, resolved strictly: 2024-02-30 is an error, not 2024-02-29). With {@code timezone} (an IANA id or offset),
 * an input with an offset is converted to that zone, and an input without one is taken to be in it.
 */
final class DateTransform {

    private DateTransform() {
    }

    static JsonNode apply(JsonNode value, ObjectNode config) {
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new IllegalArgumentException("expects a date text, got " + FieldMappingEngine.kindOf(value));
        }
        String inputFormat = config.path("inputFormat").asText();
        String outputFormat = config.path("outputFormat").asText();
        String text = value.asText();
        TemporalAccessor parsed;
        try {
            parsed = formatter(inputFormat).parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date of the form " + inputFormat);
        }
        try {
            return TextNode.valueOf(formatter(outputFormat).format(inZone(parsed, config.path("timezone").asText(""))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' (" + inputFormat + ") lacks what " + outputFormat
                    + " needs: " + e.getMessage());
        }
    }

    /** The parsed value moved to or placed in the configured zone; unchanged without one. */
    private static TemporalAccessor inZone(TemporalAccessor parsed, String timezone) {
        if (timezone.isEmpty()) {
            return parsed;
        }
        ZoneId zone = ZoneId.of(timezone);
        if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
            return Instant.from(parsed).atZone(zone);
        }
        if (parsed.isSupported(ChronoField.HOUR_OF_DAY) || parsed.isSupported(ChronoField.CLOCK_HOUR_OF_AMPM)) {
            return LocalDateTime.from(parsed).atZone(zone);
        }
        return LocalDate.from(parsed).atStartOfDay(zone);
    }

    /** A strict formatter in which {@code yyyy} (year of era) means the current era, as everyone expects. */
    static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** Checks inputFormat, outputFormat and timezone of a DATE rule. */
    static void check(ObjectNode settings, List<MappingViolation> violations) {
        checkPattern("inputFormat", settings.get("inputFormat"), violations);
        checkPattern("outputFormat", settings.get("outputFormat"), violations);
        JsonNode timezone = settings.get("timezone");
        if (timezone != null) {
            try {
                ZoneId.of(timezone.isTextual() ? timezone.asText() : "");
            } catch (DateTimeException e) {
                violations.add(new MappingViolation("transformConfig.timezone",
                        "must be a time zone such as Europe/Paris, UTC or +02:00"));
            }
        }
    }

    private static void checkPattern(String key, JsonNode pattern, List<MappingViolation> violations) {
        String path = "transformConfig." + key;
        if (pattern == null || pattern.isNull()) {
            violations.add(new MappingViolation(path, "is required for transform DATE"));
        } else if (!pattern.isTextual() || pattern.asText().isBlank()) {
            violations.add(new MappingViolation(path, "must be a java.time pattern such as yyyy-MM-dd"));
        } else {
            try {
                formatter(pattern.asText());
            } catch (IllegalArgumentException e) {
                violations.add(new MappingViolation(path, "is not a valid java.time pattern: " + e.getMessage()));
            }
        }
    }
}
