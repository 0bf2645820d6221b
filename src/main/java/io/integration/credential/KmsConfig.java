package io.integration.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Configuration of the key provider behind credential encryption ({@code integration.kms.*}). */
@ConfigMapping(prefix = "integration.kms")
public interface KmsConfig {

    /** Which provider wraps data keys. */
    enum ProviderKind { LOCAL, PKCS11 }

    /** The key provider: {@code local} (keys from configuration) or {@code pkcs11} (keys inside an HSM). */
    @WithDefault("local")
    ProviderKind provider();

    /** Key versions ({@code <id>:<version>}) that are retired: refused for wrapping and unwrapping. */
    Optional<List<String>> retiredKeys();

    /** Settings of the {@code local} provider. */
    Local local();

    /** Settings of the {@code pkcs11} provider. */
    Pkcs11 pkcs11();

    /** Key-encryption keys held in process memory. */
    interface Local {

        /** Key-encryption keys: {@code "<id>.v<version>"} (or {@code <id>:<version>}) to the base64 of 32 bytes. */
        Map<String, String> keys();

        /** Directory of key files named {@code <id>.v<version>} (a mounted Kubernetes Secret); merged with keys. */
        Optional<Path> keyDirectory();

        /** The key version ({@code <id>:<version>}) that wraps new data keys. */
        Optional<String> activeKey();
    }

    /** Key-encryption keys inside a PKCS#11 token, reached through the JDK's SunPKCS11 provider. */
    interface Pkcs11 {

        /** Path of the PKCS#11 module. */
        @WithDefault("/usr/lib/softhsm/libsofthsm2.so")
        Path library();

        /** Slot id of the token; when absent, {@code slot-list-index} picks the token. */
        OptionalLong slot();

        /** Position of the token in the module's slot list, used when no slot id is given. */
        @WithDefault("0")
        int slotListIndex();

        /** User PIN of the token; set it only in the environment or a secret store. */
        Optional<String> pin();

        /** The key version ({@code <id>:<version>}, token label {@code <id>.v<version>}) that wraps new data keys. */
        Optional<String> activeKey();

        /** Whether to generate the active key inside the token at startup when the token does not hold it yet. */
        @WithDefault("false")
        boolean generateMissingActiveKey();
    }
}
