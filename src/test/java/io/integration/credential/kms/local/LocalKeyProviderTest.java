package io.integration.credential.kms.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyProviderContract;
import io.integration.credential.kms.KeyRef;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key provider contract against the {@code local} provider. */
class LocalKeyProviderTest extends KeyProviderContract {

    private final SecureRandom random = new SecureRandom();
    private final Map<KeyRef, byte[]> issuedKeys = new HashMap<>();

    @Override
    protected KeyProvider newProvider(Set<KeyRef> keys, KeyRef active) {
        Map<KeyRef, byte[]> material = new HashMap<>();
        for (KeyRef ref : keys) {
            material.put(ref, issuedKeys.computeIfAbsent(ref, r -> {
                byte[] key = new byte[32];
                random.nextBytes(key);
                return key;
            }));
        }
        return LocalKeyProvider.create(material, active, Set.of(), random);
    }

    @Test
    void providerToStringDoesNotShowTheKeyEncryptionKeys() {
        KeyRef ref = new KeyRef("kek", 1);
        KeyProvider provider = newProvider(Set.of(ref), ref);
        byte[] kek = issuedKeys.get(ref);
        String wrapper = new LocalKeyWrapper(Map.of(ref, kek), random).toString();
        for (String shown : new String[] {provider.toString(), wrapper}) {
            assertThat(shown)
                    .doesNotContain(Base64.getEncoder().encodeToString(kek))
                    .doesNotContain(java.util.HexFormat.of().formatHex(kek))
                    .doesNotContain(Arrays.toString(kek));
        }
    }
}
