package io.integration.health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.integration.common.TimestampedEntity;

/** Health of one provider for one venue (row of {@code integration_health}), fed by tests, syncs and webhooks. */
@Entity
@Table(name = "integration_health")
public class IntegrationHealth extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    @Column(nullable = false)
    public String status;

    public BigDecimal successRate;

    public BigDecimal uptimePercentage;

    public long totalChecks;

    public long failedChecks;

    public int consecutiveFailures;

    public Integer avgResponseMs;

    /** Sum of every recorded response time, so the average stays exact (avg = total / checks, half up). */
    public long totalResponseMs;

    /** The sliding window of outcomes, oldest first, under the key "window". */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<Boolean>> recentOutcomes = new HashMap<>();

    public Instant lastSuccessAt;

    public Instant lastFailureAt;

    public String lastError;
}
