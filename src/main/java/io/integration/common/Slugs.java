package io.integration.common;

import java.util.regex.Pattern;

/** Validates provider slugs and key names taken from paths, answering 400 when malformed. */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");

    private Slugs() {
    }

    public static String require(String value, String name) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidRequestException("'" + name + "' must be a lowercase slug (letters, digits, '-', '_')");
        }
        return value;
    }
}
