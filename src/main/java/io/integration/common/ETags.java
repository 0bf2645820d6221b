package io.integration.common;

import jakarta.ws.rs.core.EntityTag;

/** Strong ETags built from an entity's optimistic-concurrency version, and the version an If-Match asks for. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by If-Match; null when absent or {@code *} (no precondition), 400 when not one of ours. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match must be an ETag returned by this API");
        }
    }
}
