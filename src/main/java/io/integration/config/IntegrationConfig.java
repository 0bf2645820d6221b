package io.integration.config;

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

/** A venue's settings for one provider (row of {@code integration_configs}); secret columns hold envelope blobs only. */
@Entity
@Table(name = "integration_configs")
public class IntegrationConfig extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> config;

    public boolean enabled;

    public boolean syncEnabled;

    public String syncSchedule;

    public String syncCursor;

    public Instant lastSyncAt;

    public String destinationUrl;

    public byte[] accessTokenEncrypted;

    public byte[] refreshTokenEncrypted;

    public byte[] apiKeyEncrypted;

    public String accessTokenMask;

    public String apiKeyMask;

    public String kmsKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> encryptionContext;

    public int tokenVersion;

    @Version
    public long version;

    @Override
    public String toString() {
        // Never the settings or blobs: only ids belong in a log line.
        return "IntegrationConfig[id=" + id + ", tenant=" + tenantId + ", venue=" + venueId + ", provider="
                + integrationType + ", tokenVersion=" + tokenVersion + "]";
    }
}
