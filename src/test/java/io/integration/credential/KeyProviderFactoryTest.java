package io.integration.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integration.credential.envelope.EnvelopeEncryptor;
import io.integration.credential.kms.EncryptionContext;
import io.integration.credential.kms.KeyProvider;
import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.local.LocalKeyLoader;
import io.integration.credential.kms.pkcs11.SoftHsmToken;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code integration.kms.*} properties map onto {@link KmsConfig} and build the chosen provider. */
class KeyProviderFactoryTest {

    private static final EncryptionContext CONTEXT =
            EncryptionContext.of(UUID.randomUUID(), "connections", "credentials", UUID.randomUUID());

    private final KeyProviderFactory factory = new KeyProviderFactory(new LocalKeyLoader(), new SecureRandom());

    @Test
    void defaultsToTheLocalProviderAndFailsClearlyWithoutAnActiveKey() {
        KmsConfig config = mapping(Map.of());
        assertThat(config.provider()).isEqualTo(KmsConfig.ProviderKind.LOCAL);
        assertThat(config.local().keys()).isEmpty();
        assertThat(config.pkcs11().library()).isEqualTo(SoftHsmToken.LIBRARY);
        assertThat(config.pkcs11().slotListIndex()).isZero();
        assertThatThrownBy(() -> factory.create(config))
                .isInstanceOf(KeyProviderException.class)
                .hasMessage("integration.kms.local.active-key is not set");
    }

    @Test
    void buildsTheLocalProviderFromPropertiesAndAKeyDirectory(@TempDir Path secretMount) throws Exception {
        Files.writeString(secretMount.resolve("kek.v2"), randomKeyBase64());
        KmsConfig config = mapping(Map.of(
                "integration.kms.provider", "local",
                "integration.kms.local.keys.\"kek.v1\"", randomKeyBase64(),
                "integration.kms.local.key-directory", secretMount.toString(),
                "integration.kms.local.active-key", "kek:2",
                "integration.kms.retired-keys", "kek:1"));

        KeyProvider provider = factory.create(config);

        assertThat(provider.knownKeys()).containsExactly(new KeyRef("kek", 1), new KeyRef("kek", 2));
        assertThat(provider.activeKey()).isEqualTo(new KeyRef("kek", 2));
        assertThat(provider.retiredKeys()).containsExactly(new KeyRef("kek", 1));
        EnvelopeEncryptor encryptor = new EnvelopeEncryptor(provider);
        byte[] secret = "a secret".getBytes(StandardCharsets.UTF_8);
        assertThat(encryptor.open(encryptor.seal(secret, CONTEXT).blob(), CONTEXT)).isEqualTo(secret);
    }

    @Test
    void rejectsAKeyDefinedTwiceAndAnActiveKeyItDoesNotHold(@TempDir Path secretMount) throws Exception {
        Files.writeString(secretMount.resolve("kek.v1"), randomKeyBase64());
        Map<String, String> twice = Map.of(
                "integration.kms.local.keys.\"kek.v1\"", randomKeyBase64(),
                "integration.kms.local.key-directory", secretMount.toString(),
                "integration.kms.local.active-key", "kek:1");
        assertThatThrownBy(() -> factory.create(mapping(twice)))
                .isInstanceOf(KeyProviderException.class)
                .hasMessageContaining("key kek:1 is defined both in configuration and in");
        Map<String, String> missingActive = Map.of(
                "integration.kms.local.keys.\"kek.v1\"", randomKeyBase64(),
                "integration.kms.local.active-key", "kek:9");
        assertThatThrownBy(() -> factory.create(mapping(missingActive)))
                .hasMessage("unknown key-encryption key kek:9");
        Map<String, String> badRef = Map.of(
                "integration.kms.local.keys.\"kek.v1\"", randomKeyBase64(),
                "integration.kms.local.active-key", "kek");
        assertThatThrownBy(() -> factory.create(mapping(badRef)))
                .hasMessage("integration.kms.local.active-key must look like <id>:<version>, got 'kek'");
    }

    @Test
    void buildsThePkcs11ProviderAndGeneratesTheMissingActiveKeyWhenAsked() {
        SoftHsmToken token = SoftHsmToken.shared();
        String keyId = "factory-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> properties = new HashMap<>(Map.of(
                "integration.kms.provider", "pkcs11",
                "integration.kms.pkcs11.library", SoftHsmToken.LIBRARY.toString(),
                "integration.kms.pkcs11.slot", Long.toString(token.slotId()),
                "integration.kms.pkcs11.pin", new String(token.settings().pin()),
                "integration.kms.pkcs11.active-key", keyId + ":1"));
        assertThatThrownBy(() -> factory.create(mapping(properties)))
                .hasMessage("unknown key-encryption key " + keyId + ":1");

        properties.put("integration.kms.pkcs11.generate-missing-active-key", "true");
        KeyProvider provider = factory.create(mapping(properties));

        assertThat(provider.name()).isEqualTo("pkcs11");
        assertThat(provider.activeKey()).isEqualTo(new KeyRef(keyId, 1));
        assertThat(provider.checkHealth().up()).isTrue();
    }

    private static KmsConfig mapping(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(KmsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(KmsConfig.class);
    }

    private static String randomKeyBase64() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
