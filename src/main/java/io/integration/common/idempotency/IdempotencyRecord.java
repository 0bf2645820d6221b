package io.integration.common.idempotency;

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

/** One Idempotency-Key of a tenant (row of {@code idempotency_keys}): the request's hash and, once done, its response. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyRecord extends TimestampedEntity {

    static final String PENDING = "PENDING";
    static final String COMPLETED = "COMPLETED";

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public String idempotencyKey;

    @Column(nullable = false, updatable = false)
    public String requestHash;

    @Column(nullable = false)
    public String status;

    public Integer responseStatus;

    public String responseBody;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> responseHeaders;

    @Column(nullable = false)
    public Instant expiresAt;
}
