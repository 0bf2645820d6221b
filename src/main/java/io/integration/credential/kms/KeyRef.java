package io.integration.credential.kms;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names one version of a key-encryption key: an id plus a positive version ({@code kek:3}, label {@code kek.v3}). */
public record KeyRef(String keyId, int version) implements Comparable<KeyRef> {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern CONFIG_FORM = Pattern.compile("(" + ID.pattern() + "):v?([1-9][0-9]{0,8})");
    private static final Pattern LABEL_FORM = Pattern.compile("(" + ID.pattern() + ")\\.v([1-9][0-9]{0,8})");

    public KeyRef {
        if (keyId == null || !ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must match " + ID.pattern() + ": " + keyId);
        }
        if (version < 1) {
            throw new IllegalArgumentException("key version must be positive: " + version);
        }
    }

    /** Parses the configuration form {@code id:version} (also accepts {@code id:vN}). */
    public static KeyRef parse(String text) {
        Matcher m = text == null ? null : CONFIG_FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("expected <id>:<version>, got: " + text);
        }
        return new KeyRef(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** Parses the label / file-name form {@code id.vN}; returns null when the text is not such a label. */
    public static KeyRef fromLabel(String label) {
        Matcher m = label == null ? null : LABEL_FORM.matcher(label);
        return m != null && m.matches() ? new KeyRef(m.group(1), Integer.parseInt(m.group(2))) : null;
    }

    /** The HSM object label and key file name of this key version. */
    public String label() {
        return keyId + ".v" + version;
    }

    @Override
    public int compareTo(KeyRef other) {
        int byId = keyId.compareTo(other.keyId);
        return byId != 0 ? byId : Integer.compare(version, other.version);
    }

    @Override
    public String toString() {
        return keyId + ":" + version;
    }
}
