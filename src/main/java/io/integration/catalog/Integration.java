package io.integration.catalog;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.integration.common.TimestampedEntity;

/** A tenant's catalog entry for one provider (row of {@code integrations}); internal, never serialized. */
@Entity
@Table(name = "integrations")
public class Integration extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IntegrationCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IntegrationStatus status;

    public String description;

    @Version
    public long version;
}
