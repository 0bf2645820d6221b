package io.integration.common;

/** A validated page request: the decoded cursor (or null for the first page) and a bounded limit. */
public record PageRequest(Cursor after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(String cursor, String limit) {
        int size;
        try {
            size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("'limit' must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor), size);
    }
}
