package io.integration.common;

import java.util.Arrays;
import java.util.Locale;

/** Parses enum values given in query parameters, answering 400 with the allowed values when unknown. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> E parseOptional(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + name + "' must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
