package io.integration.mapping;

import jakarta.ws.rs.core.EntityTag;

import io.integration.common.InvalidRequestException;

/** ETag and If-Match handling of the mapping resources: the ETag is the row's version. */
final class ETags {

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header expects, or null when there is none (or it is "*"). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
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
