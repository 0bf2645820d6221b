package io.integration.credential.kms.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyProviderContract;
import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key provider contract against the {@code pkcs11} provider on a SoftHSM2 token. */
class Pkcs11KeyProviderTest extends KeyProviderContract {

    private final SecureRandom random = new SecureRandom();

    @Override
    protected KeyProvider newProvider(Set<KeyRef> keys, KeyRef active) {
        Pkcs11KeyWrapper wrapper = new Pkcs11KeyWrapper(SoftHsmToken.shared().settings(), random);
        for (KeyRef ref : keys) {
            if (!wrapper.holds(ref)) {
                wrapper.generateKey(ref);
            }
        }
        return Pkcs11KeyProvider.create(wrapper, active, Set.of(), random);
    }

    @Test
    void generatedKeysLiveInTheTokenAndCannotBeExtracted() throws Exception {
        KeyRef ref = new KeyRef("hsm-only", (int) (System.nanoTime() & 0xFFFFF) + 1);
        Pkcs11KeyWrapper wrapper = new Pkcs11KeyWrapper(SoftHsmToken.shared().settings(), random);
        wrapper.generateKey(ref);

        assertThat(wrapper.keys()).contains(ref);
        // A second, independent login sees the key too: it is a token object, not a session object.
        Pkcs11KeyWrapper again = new Pkcs11KeyWrapper(SoftHsmToken.shared().settings(), random);
        assertThat(again.holds(ref)).isTrue();

        KeyStore token = keyStoreOf(again);
        Key key = token.getKey(ref.label(), null);
        assertThat(key.getEncoded()).as("key material must not leave the token").isNull();
        assertThat(key.toString()).contains("sensitive").contains("unextractable");

        assertThatThrownBy(() -> wrapper.generateKey(ref))
                .isInstanceOf(KeyProviderException.class)
                .hasMessageContaining("already holds a key labelled " + ref.label());
    }

    @Test
    void unknownSlotGivesAClearErrorWithoutThePin() {
        Pkcs11Settings wrong = new Pkcs11Settings(SoftHsmToken.LIBRARY,
                java.util.OptionalLong.of(SoftHsmToken.shared().slotId() + 12345), 0, "some-pin-value".toCharArray());
        assertThatThrownBy(() -> new Pkcs11KeyWrapper(wrong, random))
                .isInstanceOf(KeyProviderException.class)
                .hasMessageContaining("pin=<redacted>")
                .hasMessageNotContaining("some-pin-value");
    }

    private static KeyStore keyStoreOf(Pkcs11KeyWrapper wrapper) throws Exception {
        java.lang.reflect.Field field = Pkcs11KeyWrapper.class.getDeclaredField("token");
        field.setAccessible(true);
        return (KeyStore) field.get(wrapper);
    }
}
