package io.integration.credential.kms.local;

import io.integration.credential.kms.KeyProviderException;
import io.integration.credential.kms.KeyRef;
import io.integration.credential.kms.KeyWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** Reads 256-bit key-encryption keys from configuration values or from a mounted Kubernetes Secret directory. */
public final class LocalKeyLoader {

    /** A key file is tiny; anything bigger is not a key and is not read into memory. */
    private static final long MAX_KEY_FILE_BYTES = 1024;

    /** Keys given as {@code "<id>:<version>"} or {@code "<id>.v<version>"} mapped to the base64 of 32 bytes. */
    public Map<KeyRef, byte[]> fromConfig(Map<String, String> encodedKeys) {
        Map<KeyRef, byte[]> keys = new TreeMap<>();
        encodedKeys.forEach((name, encoded) -> {
            KeyRef ref = parseName(name);
            keys.put(ref, decodeBase64Key(ref, encoded.getBytes(StandardCharsets.US_ASCII)));
        });
        return keys;
    }

    /**
     * Keys from files named {@code <id>.v<version>} holding either the raw 32 bytes or their base64 text. Other
     * entries, such as the {@code ..data} links Kubernetes adds to a mounted Secret, are ignored.
     */
    public Map<KeyRef, byte[]> fromDirectory(Path directory) {
        Map<KeyRef, byte[]> keys = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                KeyRef ref = KeyRef.fromLabel(file.getFileName().toString());
                if (ref != null && Files.isRegularFile(file)) {
                    keys.put(ref, readKeyFile(ref, file));
                }
            }
        } catch (IOException e) {
            throw new KeyProviderException("cannot read key directory " + directory, e);
        }
        return keys;
    }

    private static KeyRef parseName(String name) {
        // The label form exists because an unescaped ':' ends a key in a .properties file.
        KeyRef label = KeyRef.fromLabel(name);
        if (label != null) {
            return label;
        }
        try {
            return KeyRef.parse(name);
        } catch (IllegalArgumentException e) {
            throw new KeyProviderException("invalid local key name '" + name + "': expected <id>:<version> or <id>.v<version>");
        }
    }

    private static byte[] readKeyFile(KeyRef ref, Path file) throws IOException {
        if (Files.size(file) > MAX_KEY_FILE_BYTES) {
            throw new KeyProviderException("key file for " + ref + " is too large to be a 256-bit key");
        }
        byte[] content = Files.readAllBytes(file);
        try {
            return content.length == KeyWrapper.DATA_KEY_BYTES ? content.clone() : decodeBase64Key(ref, content);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] decodeBase64Key(KeyRef ref, byte[] encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(trim(encoded));
        } catch (IllegalArgumentException e) {
            throw new KeyProviderException("key-encryption key " + ref + " is not valid base64");
        }
        if (key.length != KeyWrapper.DATA_KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new KeyProviderException("key-encryption key " + ref + " must be 256 bits, got " + key.length * 8);
        }
        return key;
    }

    private static byte[] trim(byte[] text) {
        int start = 0;
        int end = text.length;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(text, start, end);
    }
}
