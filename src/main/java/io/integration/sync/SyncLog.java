package io.integration.sync;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.integration.common.TimestampedEntity;

/** One finished attempt of a sync job (row of {@code sync_logs}); written once, never changed. */
@Entity
@Table(name = "sync_logs")
public class SyncLog extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    public UUID syncJobId;

    public UUID venueId;

    public String integrationType;

    @Enumerated(EnumType.STRING)
    public SyncType syncType;

    @Enumerated(EnumType.STRING)
    public SyncLogStatus status;

    public int attempt;

    public Instant startedAt;

    public Instant finishedAt;

    public int recordsFetched;

    public int recordsCreated;

    public int recordsUpdated;

    public int recordsDeleted;

    public int recordsFailed;

    public String errorMessage;

    public String workerId;
}
