package io.integration.credential.kms.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integration.credential.envelope.GcmTestVectors;
import io.integration.credential.kms.KeyRef;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The local provider's BouncyCastle AES-GCM wrap reproduces the published AES-256-GCM known answers. */
class LocalKeyWrapperKnownAnswerTest {

    private static final KeyRef KEK = new KeyRef("kat", 1);

    @ParameterizedTest
    @FieldSource("io.integration.credential.envelope.GcmTestVectors#ALL")
    void wrapsToNonceFollowedByTheKnownCiphertextAndTag(GcmTestVectors.Vector vector) throws Exception {
        LocalKeyWrapper wrapper = new LocalKeyWrapper(Map.of(KEK, vector.keyBytes()), new FixedNonceRandom(vector.ivBytes()));
        assertThat(wrapper.wrap(KEK, vector.plaintextBytes(), vector.aadBytes()))
                .isEqualTo(concat(vector.ivBytes(), vector.sealedBytes()));
    }

    @ParameterizedTest
    @FieldSource("io.integration.credential.envelope.GcmTestVectors#ALL")
    void unwrapsTheKnownCiphertextAndRejectsAnotherAad(GcmTestVectors.Vector vector) throws Exception {
        LocalKeyWrapper wrapper = new LocalKeyWrapper(Map.of(KEK, vector.keyBytes()), new FixedNonceRandom(vector.ivBytes()));
        byte[] wrapped = concat(vector.ivBytes(), vector.sealedBytes());
        assertThat(wrapper.unwrap(KEK, wrapped, vector.aadBytes())).isEqualTo(vector.plaintextBytes());
        assertThatThrownBy(() -> wrapper.unwrap(KEK, wrapped, new byte[] {1}))
                .isInstanceOf(GeneralSecurityException.class);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
