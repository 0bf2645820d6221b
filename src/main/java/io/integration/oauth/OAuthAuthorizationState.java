package io.integration.oauth;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.integration.common.TimestampedEntity;

/** A started authorization (row of {@code oauth_authorization_states}): the state's hash and the sealed PKCE verifier. */
@Entity
@Table(name = "oauth_authorization_states")
public class OAuthAuthorizationState extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    public byte[] stateHash;

    public UUID integrationId;

    public UUID venueId;

    public UUID userId;

    public String integrationType;

    public String redirectUri;

    public String[] scopes;

    public byte[] codeVerifierEncrypted;

    public String kmsKeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> encryptionContext;

    public String actorUserId;

    public String actorDisplayName;

    public Instant expiresAt;

    @Override
    public String toString() {
        return "OAuthAuthorizationState[id=" + id + ", tenant=" + tenantId + ", venue=" + venueId + ", provider="
                + integrationType + "]";
    }
}
