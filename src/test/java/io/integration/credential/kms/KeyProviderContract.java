package io.integration.credential.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.integration.credential.envelope.EnvelopeBlob;
import io.integration.credential.envelope.EnvelopeEncryptor;
import io.integration.credential.envelope.MalformedBlobException;
import io.integration.credential.envelope.SealedSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link KeyProvider} must have, run against each provider by a subclass. */
public abstract class KeyProviderContract {

    protected static final String TOKEN = "sk_live_51HxTestToken0123456789abcdefABCD";
    private static final UUID TENANT = UUID.fromString("6f1f3c1e-0c1a-4b7e-9d55-2a9b1f8e7c01");
    private static final UUID OTHER_TENANT = UUID.fromString("0b7c6b55-5f0f-4f3a-8d2e-8e4b7d1c9a02");
    private static final UUID ROW = UUID.fromString("3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a");
    private static final UUID OTHER_ROW = UUID.fromString("aa2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0b");
    protected static final EncryptionContext CONTEXT =
            EncryptionContext.of(TENANT, "oauth_tokens", "access_token", ROW);

    private KeyRef v1;
    private KeyRef v2;
    private KeyProvider provider;
    private EnvelopeEncryptor encryptor;

    /** A provider holding {@code keys}, with {@code active} active; each call may reuse earlier keys of the same ref. */
    protected abstract KeyProvider newProvider(Set<KeyRef> keys, KeyRef active);

    @BeforeEach
    void createProvider() {
        // A fresh id per test: the pkcs11 token outlives a single test.
        String keyId = "kek-" + UUID.randomUUID().toString().substring(0, 8);
        v1 = new KeyRef(keyId, 1);
        v2 = new KeyRef(keyId, 2);
        provider = newProvider(Set.of(v1, v2), v1);
        encryptor = new EnvelopeEncryptor(provider);
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void generatesAFresh256BitDataKeyWrappedUnderTheActiveKey() {
        try (DataKey first = provider.generateDataKey(CONTEXT); DataKey second = provider.generateDataKey(CONTEXT)) {
            assertThat(first.plaintext()).hasSize(32).isNotEqualTo(second.plaintext());
            assertThat(first.wrapped().keyRef()).isEqualTo(v1);
            assertThat(first.wrapped().bytes()).hasSize(KeyWrapper.WRAPPED_BYTES);
            assertThat(provider.unwrap(first.wrapped(), CONTEXT)).isEqualTo(first.plaintext());
        }
    }

    @Test
    void wrappedKeyDoesNotUnwrapUnderAnotherContext() {
        try (DataKey dataKey = provider.generateDataKey(CONTEXT)) {
            EncryptionContext elsewhere = EncryptionContext.of(TENANT, "oauth_tokens", "access_token", OTHER_ROW);
            assertThatThrownBy(() -> provider.unwrap(dataKey.wrapped(), elsewhere))
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageContaining("row=" + OTHER_ROW);
        }
    }

    @Test
    void wrappedKeyRelabelledToAnotherVersionDoesNotUnwrap() {
        try (DataKey dataKey = provider.generateDataKey(CONTEXT)) {
            WrappedKey relabelled = new WrappedKey(v2, dataKey.wrapped().bytes());
            assertThatThrownBy(() -> provider.unwrap(relabelled, CONTEXT)).isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void sealsAndOpensA40ByteTokenAnd2KbSecretAndAnEmptyValue() {
        byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[2048];
        new java.util.Random(7).nextBytes(large);
        for (byte[] plaintext : new byte[][] {token, large, new byte[0]}) {
            SealedSecret sealed = encryptor.seal(plaintext, CONTEXT);
            assertThat(sealed.keyRef()).isEqualTo(v1);
            assertThat(encryptor.open(sealed.blob(), CONTEXT)).isEqualTo(plaintext);
        }
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentBlobs() {
        byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
        assertThat(encryptor.seal(token, CONTEXT).blob()).isNotEqualTo(encryptor.seal(token, CONTEXT).blob());
    }

    @Test
    void blobDoesNotContainThePlaintext() {
        byte[] blob = encryptor.seal(TOKEN.getBytes(StandardCharsets.UTF_8), CONTEXT).blob();
        assertThat(new String(blob, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN).doesNotContain("sk_live");
    }

    @Test
    void flippingAnyBitOfAnyByteOfTheBlobFailsWithATypedError() {
        byte[] blob = encryptor.seal(TOKEN.getBytes(StandardCharsets.UTF_8), CONTEXT).blob();
        for (int position = 0; position < blob.length; position++) {
            for (int bit = 0; bit < 8; bit += 7) {
                byte[] tampered = blob.clone();
                tampered[position] ^= (byte) (1 << bit);
                Throwable failure = catchThrowable(() -> encryptor.open(tampered, CONTEXT));
                assertThat(failure).as("byte %d bit %d", position, bit).isInstanceOf(CredentialCryptoException.class);
                assertThat(failure.getMessage()).doesNotContain(TOKEN);
            }
        }
    }

    @Test
    void blobCopiedToAnotherRowColumnTableOrTenantDoesNotOpen() {
        byte[] blob = encryptor.seal(TOKEN.getBytes(StandardCharsets.UTF_8), CONTEXT).blob();
        EncryptionContext[] elsewhere = {
            EncryptionContext.of(TENANT, "oauth_tokens", "access_token", OTHER_ROW),
            EncryptionContext.of(TENANT, "oauth_tokens", "refresh_token", ROW),
            EncryptionContext.of(TENANT, "venue_api_keys", "access_token", ROW),
            EncryptionContext.of(OTHER_TENANT, "oauth_tokens", "access_token", ROW),
        };
        for (EncryptionContext context : elsewhere) {
            assertThatThrownBy(() -> encryptor.open(blob, context))
                    .as(context.toString())
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageContaining("does not authenticate under context " + context)
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void blobWhoseKeyIdOrVersionIsUnknownGivesUnknownKey() {
        EnvelopeBlob sealed = EnvelopeBlob.parse(encryptor.seal(TOKEN.getBytes(StandardCharsets.UTF_8), CONTEXT).blob());
        KeyRef unknownId = new KeyRef("missing-" + UUID.randomUUID().toString().substring(0, 8), 1);
        KeyRef unknownVersion = new KeyRef(v1.keyId(), 7);
        for (KeyRef unknown : new KeyRef[] {unknownId, unknownVersion}) {
            byte[] relabelled = sealed.withWrappedKey(new WrappedKey(unknown, sealed.wrappedKey().bytes())).toBytes();
            assertThatThrownBy(() -> encryptor.open(relabelled, CONTEXT))
                    .isInstanceOf(UnknownKeyException.class)
                    .hasMessage("unknown key-encryption key " + unknown);
        }
    }

    @Test
    void rotationRewrapsTheDataKeyOnlyAndRetiresTheOldVersion() {
        byte[] token = TOKEN.getBytes(StandardCharsets.UTF_8);
        byte[] underV1 = encryptor.seal(token, CONTEXT).blob();
        byte[] alsoUnderV1 = encryptor.seal(token, CONTEXT).blob();

        provider.activate(v2);
        assertThat(encryptor.seal(token, CONTEXT).keyRef()).isEqualTo(v2);
        assertThat(encryptor.needsRewrap(underV1)).isTrue();
        byte[] underV2 = encryptor.rewrap(underV1, CONTEXT);

        assertThat(encryptor.keyRefOf(underV2)).isEqualTo(v2);
        assertThat(encryptor.needsRewrap(underV2)).isFalse();
        EnvelopeBlob before = EnvelopeBlob.parse(underV1);
        EnvelopeBlob after = EnvelopeBlob.parse(underV2);
        assertThat(after.nonce()).isEqualTo(before.nonce());
        assertThat(after.ciphertext()).isEqualTo(before.ciphertext());
        assertThat(encryptor.open(underV2, CONTEXT)).isEqualTo(token);

        provider.retire(v1);
        assertThat(provider.retiredKeys()).containsExactly(v1);
        assertThat(encryptor.open(underV2, CONTEXT)).isEqualTo(token);
        assertThatThrownBy(() -> encryptor.open(alsoUnderV1, CONTEXT))
                .isInstanceOf(RetiredKeyException.class)
                .hasMessage("key-encryption key " + v1 + " is retired");
        assertThatThrownBy(() -> encryptor.rewrap(alsoUnderV1, CONTEXT)).isInstanceOf(RetiredKeyException.class);
        assertThatThrownBy(() -> provider.activate(v1)).isInstanceOf(RetiredKeyException.class);
    }

    @Test
    void rewrapUnderAnotherContextFails() {
        byte[] blob = encryptor.seal(TOKEN.getBytes(StandardCharsets.UTF_8), CONTEXT).blob();
        provider.activate(v2);
        EncryptionContext elsewhere = EncryptionContext.of(OTHER_TENANT, "oauth_tokens", "access_token", ROW);
        assertThatThrownBy(() -> encryptor.rewrap(blob, elsewhere)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void theActiveKeyCannotBeRetiredAndUnknownKeysCannotBeActivated() {
        assertThatThrownBy(() -> provider.retire(v1))
                .isInstanceOf(KeyProviderException.class)
                .hasMessageContaining("active key " + v1 + " cannot be retired");
        KeyRef missing = new KeyRef(v1.keyId(), 99);
        assertThatThrownBy(() -> provider.activate(missing)).isInstanceOf(UnknownKeyException.class);
        assertThatThrownBy(() -> provider.retire(missing)).isInstanceOf(UnknownKeyException.class);
        assertThat(provider.activeKey()).isEqualTo(v1);
    }

    @Test
    void knowsItsKeys() {
        assertThat(provider.knownKeys()).contains(v1, v2);
        assertThat(provider.activeKey()).isEqualTo(v1);
        assertThat(provider.retiredKeys()).isEmpty();
    }

    @Test
    void healthProbeSucceeds() {
        HealthStatus health = provider.checkHealth();
        assertThat(health.up()).isTrue();
        assertThat(health.activeKey()).isEqualTo(v1);
        assertThat(health.provider()).isEqualTo(provider.name());
    }

    @Test
    void truncatedBlobsAndAbsurdLengthsGiveMalformedBlob() {
        byte[] blob = encryptor.seal(TOKEN.getBytes(StandardCharsets.UTF_8), CONTEXT).blob();
        for (int length = 0; length < blob.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(blob, length);
            assertThat(catchThrowable(() -> encryptor.open(truncated, CONTEXT)))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(CredentialCryptoException.class);
        }
        byte[] absurdWrappedLength = blob.clone();
        int wrappedLengthOffset = 6 + v1.keyId().length() + 4;
        absurdWrappedLength[wrappedLengthOffset] = (byte) 0xFF;
        absurdWrappedLength[wrappedLengthOffset + 1] = (byte) 0xFF;
        assertThatThrownBy(() -> encryptor.open(absurdWrappedLength, CONTEXT))
                .isInstanceOf(MalformedBlobException.class)
                .hasMessageContaining("wrapped key length 65535 out of range");
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        try (DataKey dataKey = provider.generateDataKey(CONTEXT)) {
            byte[] plaintext = dataKey.plaintext();
            String[] encodings = {
                HexFormat.of().formatHex(plaintext), Base64.getEncoder().encodeToString(plaintext),
                java.util.Arrays.toString(plaintext),
            };
            SealedSecret sealed = encryptor.seal(TOKEN.getBytes(StandardCharsets.UTF_8), CONTEXT);
            for (Object shown : new Object[] {dataKey, dataKey.wrapped(), provider, encryptor, sealed,
                    EnvelopeBlob.parse(sealed.blob())}) {
                assertThat(shown.toString()).doesNotContain(encodings).doesNotContain(TOKEN);
            }
            assertThat(dataKey.toString()).contains("<redacted>");
        }
    }
}
