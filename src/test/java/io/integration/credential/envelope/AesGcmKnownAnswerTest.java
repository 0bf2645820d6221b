package io.integration.credential.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.AEADBadTagException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The data layer's AES-256-GCM reproduces the published known answers and rejects a modified tag. */
class AesGcmKnownAnswerTest {

    private final AesGcm aesGcm = new AesGcm();

    @ParameterizedTest
    @FieldSource("io.integration.credential.envelope.GcmTestVectors#ALL")
    void encryptsToTheKnownCiphertextAndTag(GcmTestVectors.Vector vector) throws Exception {
        assertThat(aesGcm.encrypt(vector.keyBytes(), vector.ivBytes(), vector.aadBytes(), vector.plaintextBytes()))
                .isEqualTo(vector.sealedBytes());
    }

    @ParameterizedTest
    @FieldSource("io.integration.credential.envelope.GcmTestVectors#ALL")
    void decryptsTheKnownCiphertext(GcmTestVectors.Vector vector) throws Exception {
        assertThat(aesGcm.decrypt(vector.keyBytes(), vector.ivBytes(), vector.aadBytes(), vector.sealedBytes()))
                .isEqualTo(vector.plaintextBytes());
    }

    @ParameterizedTest
    @FieldSource("io.integration.credential.envelope.GcmTestVectors#ALL")
    void rejectsTheKnownCiphertextWithAFlippedTagBit(GcmTestVectors.Vector vector) {
        byte[] sealed = vector.sealedBytes();
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> aesGcm.decrypt(vector.keyBytes(), vector.ivBytes(), vector.aadBytes(), sealed))
                .isInstanceOf(AEADBadTagException.class);
    }
}
