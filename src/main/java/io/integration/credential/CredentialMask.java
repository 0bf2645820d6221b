package io.integration.credential;

/** The displayable stand-in for a secret: a fixed prefix and at most its last four characters. */
public final class CredentialMask {

    public static final String PREFIX = "••••";

    /** Below this length even four characters would give away too much of the secret. */
    static final int MIN_LENGTH_TO_REVEAL = 8;
    static final int REVEALED_CHARACTERS = 4;

    private CredentialMask() {
    }

    /** {@code ••••} plus the last four characters; just {@code ••••} under eight characters; empty for no secret. */
    public static String of(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        // Code points, so a surrogate pair is never split and counted as two characters.
        int length = secret.codePointCount(0, secret.length());
        if (length < MIN_LENGTH_TO_REVEAL) {
            return PREFIX;
        }
        int tailStart = secret.offsetByCodePoints(0, length - REVEALED_CHARACTERS);
        return PREFIX + secret.substring(tailStart);
    }
}
