package io.integration.credential.vault;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.credential.envelope.EnvelopeEncryptor;
import io.integration.credential.envelope.SealedSecret;
import io.integration.credential.kms.EncryptionContext;
import io.integration.credential.kms.KeyProvider;
import io.integration.tenancy.TenantId;

/**
 * Seals and opens the secret columns of a row. The encryption context binds tenant, table, column and row id, so a
 * blob copied to another row, column or tenant does not open.
 */
@ApplicationScoped
public class CredentialVault {

    private final EnvelopeEncryptor encryptor;
    private final KeyProvider keyProvider;

    public CredentialVault(EnvelopeEncryptor encryptor, KeyProvider keyProvider) {
        this.encryptor = encryptor;
        this.keyProvider = keyProvider;
    }

    /** Encrypts {@code plaintext} for one column of one row; null stays null (no secret to store). */
    public byte[] seal(TenantId tenant, SecretTable table, String column, UUID rowId, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            SealedSecret sealed = encryptor.seal(bytes, context(tenant, table, column, rowId));
            return sealed.blob();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Decrypts one column of one row; fails with a typed exception when the blob belongs elsewhere or was altered. */
    public String open(TenantId tenant, SecretTable table, String column, UUID rowId, byte[] blob) {
        if (blob == null) {
            return null;
        }
        byte[] plaintext = encryptor.open(blob, context(tenant, table, column, rowId));
        try {
            return new String(plaintext, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Re-wraps the data key of one blob under the active key version (rotation); the ciphertext is unchanged. */
    public byte[] rewrap(TenantId tenant, SecretTable table, String column, UUID rowId, byte[] blob) {
        return encryptor.rewrap(blob, context(tenant, table, column, rowId));
    }

    /** The key version that new secrets are wrapped with, as stored in {@code kms_key_id}. */
    public String activeKeyId() {
        return keyProvider.activeKey().toString();
    }

    /** The row-level encryption context stored in {@code encryption_context} (the column is bound per blob). */
    public static Map<String, String> rowContext(TenantId tenant, SecretTable table, UUID rowId) {
        return Map.of("tenant", tenant.toString(), "table", table.table(), "row", rowId.toString());
    }

    private static EncryptionContext context(TenantId tenant, SecretTable table, String column, UUID rowId) {
        if (!table.secretColumns().contains(column)) {
            throw new IllegalArgumentException("not a secret column of " + table.table() + ": " + column);
        }
        return EncryptionContext.of(tenant.value(), table.table(), column, rowId);
    }
}
