package io.integration.connection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.integration.common.TimestampedEntity;

/** A venue's or user's connection to an integration (row of {@code connections}); secrets are envelope blobs. */
@Entity
@Table(name = "connections")
public class Connection extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID integrationId;

    @Column(updatable = false)
    public UUID venueId;

    @Column(updatable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConnectionStatus status;

    public byte[] accessTokenEncrypted;

    public byte[] refreshTokenEncrypted;

    public String credentialMask;

    public String kmsKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> encryptionContext;

    public int tokenVersion;

    public Instant tokenExpiresAt;

    public String[] scopes;

    public String statusReason;

    public Instant connectedAt;

    public Instant disconnectedAt;

    public Instant lastTestedAt;

    public String lastTestStatus;

    public String lastTestMessage;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> metadata;

    @Version
    public long version;

    @Override
    public String toString() {
        return "Connection[id=" + id + ", tenant=" + tenantId + ", integration=" + integrationId + ", venue=" + venueId
                + ", user=" + userId + ", status=" + status + "]";
    }
}
