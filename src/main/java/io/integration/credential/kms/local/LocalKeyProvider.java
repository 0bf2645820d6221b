package io.integration.credential.kms.local;

import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.WrappingKeyProvider;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;

/** Builds the {@code local} key provider: key-encryption keys from configuration, wrapping in process. */
public final class LocalKeyProvider {

    public static final String NAME = "local";

    private LocalKeyProvider() {
    }

    public static KeyProvider create(Map<KeyRef, byte[]> keys, KeyRef activeKey, Set<KeyRef> retiredKeys,
            SecureRandom random) {
        if (keys.isEmpty()) {
            throw new KeyProviderException("the local key provider has no key-encryption keys configured");
        }
        return new WrappingKeyProvider(NAME, new LocalKeyWrapper(keys, random), activeKey, retiredKeys, random);
    }
}
