package io.integration.webhook;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.integration.common.TimestampedEntity;

/** A venue's inbound webhook endpoint for one provider (row of {@code webhook_endpoints}); only the token's hash. */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID venueId;

    @Column(nullable = false, updatable = false)
    public String integrationType;

    @Column(nullable = false)
    public byte[] tokenHash;

    public String subscriberUrl;

    public boolean enqueueSync;

    public boolean enabled;

    @Version
    public long version;
}
