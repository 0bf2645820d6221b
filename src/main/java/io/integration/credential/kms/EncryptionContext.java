package io.integration.credential.kms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a secret lives (tenant, table, column, row); bound as associated data so a ciphertext only opens in place.
 *
 * <p>Canonical bytes (the AAD): {@code 0x01 | tenant uuid (16) | len(table) u8 | table | len(column) u8 | column |
 * row uuid (16)}. Length prefixes make the encoding unambiguous, unlike a joined string.
 */
public record EncryptionContext(UUID tenantId, String table, String column, UUID rowId) {

    private static final byte ENCODING_VERSION = 1;
    private static final Set<String> MEMBERS = Set.of("tenant", "table", "column", "row");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern JSON_OBJECT = Pattern.compile("\\s*\\{(.*)}\\s*", Pattern.DOTALL);
    private static final Pattern JSON_MEMBER = Pattern.compile("\\s*\"([a-z]+)\"\\s*:\\s*\"([^\"\\\\]*)\"\\s*(,|$)");

    public EncryptionContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(rowId, "rowId");
        requireIdentifier("table", table);
        requireIdentifier("column", column);
    }

    public static EncryptionContext of(UUID tenantId, String table, String column, UUID rowId) {
        return new EncryptionContext(tenantId, table, column, rowId);
    }

    /** The associated data bound to both the data ciphertext and the wrapped data key. */
    public byte[] canonicalBytes() {
        byte[] tableBytes = table.getBytes(StandardCharsets.US_ASCII);
        byte[] columnBytes = column.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + 16 + 1 + tableBytes.length + 1 + columnBytes.length + 16)
                .put(ENCODING_VERSION)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .put((byte) tableBytes.length)
                .put(tableBytes)
                .put((byte) columnBytes.length)
                .put(columnBytes)
                .putLong(rowId.getMostSignificantBits())
                .putLong(rowId.getLeastSignificantBits())
                .array();
    }

    /** The value of the {@code encryption_context} column, in this fixed key order. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("tenant", tenantId.toString());
        map.put("table", table);
        map.put("column", column);
        map.put("row", rowId.toString());
        return map;
    }

    /** Compact JSON of {@link #toMap()}; no escaping is needed because every value is a UUID or an identifier. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        toMap().forEach((key, value) -> json.append(json.length() > 1 ? "," : "")
                .append('"').append(key).append("\":\"").append(value).append('"'));
        return json.append('}').toString();
    }

    /** Parses what {@link #toJson()} wrote (any member order, whitespace allowed); strict about members. */
    public static EncryptionContext fromJson(String json) {
        Matcher object = JSON_OBJECT.matcher(json == null ? "" : json);
        if (!object.matches()) {
            throw new IllegalArgumentException("encryption context is not a JSON object");
        }
        Map<String, String> members = new LinkedHashMap<>();
        Matcher member = JSON_MEMBER.matcher(object.group(1));
        int end = 0;
        boolean trailingComma = false;
        while (member.find() && member.start() == end) {
            if (members.put(member.group(1), member.group(2)) != null) {
                throw new IllegalArgumentException("duplicate member in encryption context: " + member.group(1));
            }
            end = member.end();
            trailingComma = ",".equals(member.group(3));
        }
        if (trailingComma || end != object.group(1).length() || !members.keySet().equals(MEMBERS)) {
            throw new IllegalArgumentException("encryption context must have exactly tenant, table, column, row");
        }
        return new EncryptionContext(UUID.fromString(members.get("tenant")), members.get("table"),
                members.get("column"), UUID.fromString(members.get("row")));
    }

    @Override
    public String toString() {
        return "tenant=" + tenantId + ", table=" + table + ", column=" + column + ", row=" + rowId;
    }

    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier: " + value);
        }
    }
}
