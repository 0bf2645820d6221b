package io.integration.support;

import java.util.UUID;

/** Test secrets carry one recognizable prefix, so the log audit can prove none of them was ever logged. */
public final class Secrets {

    public static final String PREFIX = "plaintext-secret-";

    private Secrets() {
    }

    public static String newSecret() {
        return PREFIX + UUID.randomUUID();
    }
}
