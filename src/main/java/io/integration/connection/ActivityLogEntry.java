package io.integration.connection;

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

/** One entry of {@code integration_activity_logs}: who did what, never a secret. */
@Entity
@Table(name = "integration_activity_logs")
public class ActivityLogEntry extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    public UUID integrationId;

    public UUID connectionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityAction action;

    public String actorUserId;

    public String actorDisplayName;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
}
