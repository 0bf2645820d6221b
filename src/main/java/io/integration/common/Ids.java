package io.integration.common;

import java.util.UUID;

/** Parses identifiers from paths and queries into UUIDs, answering 400 (not 404 or 500) when malformed. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String value, String name) {
        if (value == null || value.length() != 36) {
            throw new InvalidRequestException("'" + name + "' must be a UUID");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + name + "' must be a UUID");
        }
    }

    /** A UUID from an optional query parameter: absent or blank is null, anything else must be a UUID (else 400). */
    public static UUID parseOptional(String value, String name) {
        return value == null || value.isBlank() ? null : parse(value.strip(), name);
    }
}
