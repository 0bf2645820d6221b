package io.integration.oauth;

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

/** A venue's OAuth tokens for one provider (row of {@code oauth_tokens}); token columns hold envelope blobs only. */
@Entity
@Table(name = "oauth_tokens")
public class OAuthToken extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    public byte[] accessTokenEncrypted;

    public byte[] refreshTokenEncrypted;

    public byte[] idTokenEncrypted;

    public String accessTokenMask;

    public String tokenType;

    public String[] scopes;

    public Instant expiresAt;

    public Instant refreshExpiresAt;

    public String kmsKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> encryptionContext;

    public int tokenVersion;

    public String refreshStatus;

    public int refreshFailures;

    public Instant nextRefreshAt;

    public Instant lastRefreshedAt;

    public String lastRefreshError;

    @Version
    public long version;

    @Override
    public String toString() {
        return "OAuthToken[id=" + id + ", tenant=" + tenantId + ", venue=" + venueId + ", provider=" + integrationType
                + ", v" + tokenVersion + "]";
    }
}
