package io.integration.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.integration.common.TimestampedEntity;

/** A sync job (row of {@code sync_queue}) as the tenant API reads, enqueues and cancels it; workers use {@link SyncQueue}. */
@Entity
@Table(name = "sync_queue")
public class SyncJob extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public SyncType syncType;

    @Enumerated(EnumType.STRING)
    public SyncJobStatus status;

    public int priority;

    public int attempts;

    public int maxAttempts;

    public Instant nextAttemptAt;

    public String leaseOwner;

    public Instant leaseExpiresAt;

    public Instant heartbeatAt;

    public Instant startedAt;

    public Instant finishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> payload;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> progress;

    public String lastError;

    @Column(updatable = false)
    public Instant scheduledFor;
}
