package io.integration.credential.kms.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys load from configuration values and from a mounted Kubernetes Secret directory. */
class LocalKeyLoaderTest {

    private static final byte[] KEY_1 = filled(1);
    private static final byte[] KEY_2 = filled(2);

    private final LocalKeyLoader loader = new LocalKeyLoader();

    @Test
    void loadsBase64KeysFromConfigurationInBothNameForms() {
        Map<KeyRef, byte[]> keys = loader.fromConfig(Map.of(
                "kek:1", Base64.getEncoder().encodeToString(KEY_1),
                "kek.v2", " " + Base64.getEncoder().encodeToString(KEY_2) + "\n"));
        assertThat(keys).containsOnlyKeys(new KeyRef("kek", 1), new KeyRef("kek", 2));
        assertThat(keys.get(new KeyRef("kek", 1))).isEqualTo(KEY_1);
        assertThat(keys.get(new KeyRef("kek", 2))).isEqualTo(KEY_2);
    }

    @Test
    void rejectsKeysThatAreNot256BitsWithoutShowingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> loader.fromConfig(Map.of("kek:1", shortKey)))
                .isInstanceOf(KeyProviderException.class)
                .hasMessage("key-encryption key kek:1 must be 256 bits, got 128")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> loader.fromConfig(Map.of("kek:1", "not base64!")))
                .hasMessage("key-encryption key kek:1 is not valid base64");
        assertThatThrownBy(() -> loader.fromConfig(Map.of("KEK", "AAAA")))
                .hasMessageContaining("invalid local key name 'KEK'");
    }

    @Test
    void loadsAMountedSecretDirectoryIgnoringKubernetesBookkeeping(@TempDir Path mount) throws Exception {
        // Kubernetes mounts each key as a link into a timestamped ..data directory.
        Path data = Files.createDirectories(mount.resolve("..2024_01_01_00_00_00.123"));
        Files.write(data.resolve("kek.v1"), KEY_1);
        Files.writeString(data.resolve("kek.v2"), Base64.getEncoder().encodeToString(KEY_2) + "\n");
        Files.createSymbolicLink(mount.resolve("..data"), data.getFileName());
        Files.createSymbolicLink(mount.resolve("kek.v1"), Path.of("..data/kek.v1"));
        Files.createSymbolicLink(mount.resolve("kek.v2"), Path.of("..data/kek.v2"));
        Files.writeString(mount.resolve("README"), "not a key");

        Map<KeyRef, byte[]> keys = loader.fromDirectory(mount);

        assertThat(keys).containsOnlyKeys(new KeyRef("kek", 1), new KeyRef("kek", 2));
        assertThat(keys.get(new KeyRef("kek", 1))).isEqualTo(KEY_1);
        assertThat(keys.get(new KeyRef("kek", 2))).isEqualTo(KEY_2);
    }

    @Test
    void refusesOversizedKeyFilesAndMissingDirectories(@TempDir Path mount) throws Exception {
        Files.write(mount.resolve("kek.v1"), new byte[4096]);
        assertThatThrownBy(() -> loader.fromDirectory(mount))
                .isInstanceOf(KeyProviderException.class)
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> loader.fromDirectory(mount.resolve("absent")))
                .isInstanceOf(KeyProviderException.class)
                .hasMessageContaining("cannot read key directory");
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
