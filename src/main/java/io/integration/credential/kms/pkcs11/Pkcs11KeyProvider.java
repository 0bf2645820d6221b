package io.integration.credential.kms.pkcs11;

import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.WrappingKeyProvider;
import java.security.SecureRandom;
import java.util.Set;

/** Builds the {@code pkcs11} key provider: key-encryption keys that never leave the HSM. */
public final class Pkcs11KeyProvider {

    public static final String NAME = "pkcs11";

    private Pkcs11KeyProvider() {
    }

    public static KeyProvider create(Pkcs11KeyWrapper wrapper, KeyRef activeKey, Set<KeyRef> retiredKeys,
            SecureRandom random) {
        return new WrappingKeyProvider(NAME, wrapper, activeKey, retiredKeys, random);
    }
}
