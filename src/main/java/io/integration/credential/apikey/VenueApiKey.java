package io.integration.credential.apikey;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.integration.common.TimestampedEntity;

/** A venue's named API key for a provider (row of {@code venue_api_keys}); secret columns hold envelope blobs only. */
@Entity
@Table(name = "venue_api_keys")
public class VenueApiKey extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    @Column(nullable = false, updatable = false)
    public String keyName;

    public byte[] apiKeyEncrypted;

    public byte[] apiSecretEncrypted;

    public byte[] webhookSecretEncrypted;

    public String apiKeyMask;

    public String kmsKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> encryptionContext;

    public int keyVersion;

    public boolean isActive;

    public Instant rotatedAt;

    @Version
    public long version;

    @Override
    public String toString() {
        // Never the blobs: they are not secret, but nothing about them belongs in a log line either.
        return "VenueApiKey[id=" + id + ", tenant=" + tenantId + ", venue=" + venueId + ", provider=" + integrationType
                + ", name=" + keyName + ", keyVersion=" + keyVersion + "]";
    }
}
