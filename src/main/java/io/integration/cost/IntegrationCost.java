package io.integration.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.integration.common.TimestampedEntity;

/** Provider API calls and their cost for one venue, provider and UTC month (row of {@code integration_costs}). */
@Entity
@Table(name = "integration_costs")
public class IntegrationCost extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    /** The first day of the month. */
    @Column(nullable = false, updatable = false)
    public LocalDate periodStart;

    /** The last day of the month. */
    @Column(nullable = false, updatable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    public long apiCalls;

    @Column(nullable = false, precision = 14, scale = 6)
    public BigDecimal cost;

    @Column(nullable = false, length = 3)
    public String currency;
}
