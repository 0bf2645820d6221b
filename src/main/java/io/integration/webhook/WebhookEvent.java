package io.integration.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.integration.common.TimestampedEntity;

/** A queued webhook event (row of {@code webhooks}): its processing state, attempts and last error. */
@Entity
@Table(name = "webhooks")
public class WebhookEvent extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    public UUID connectionId;

    public UUID integrationWebhookId;

    public String eventType;

    public String status;

    public int attempts;

    public int maxAttempts;

    public Instant nextAttemptAt;

    public String leaseOwner;

    public Instant leaseExpiresAt;

    public String lastError;

    public Instant processedAt;
}
