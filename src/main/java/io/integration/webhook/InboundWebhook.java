package io.integration.webhook;

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

/** One inbound provider webhook as received (row of {@code integration_webhooks}); rejected ones keep no payload. */
@Entity
@Table(name = "integration_webhooks")
public class InboundWebhook extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    public String eventType;

    public String providerEventId;

    public byte[] payload;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> headers;

    public String contentType;

    public String signatureScheme;

    public boolean signatureValid;

    public String outcome;

    public String rejectionReason;

    public Instant receivedAt;
}
