package io.integration.mapping;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.integration.common.TimestampedEntity;

/** One field rule of a connection (row of {@code field_mappings}); internal, never serialized. */
@Entity
@Table(name = "field_mappings")
public class FieldMapping extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public UUID connectionId;

    @Column(nullable = false)
    public String sourceField;

    @Column(nullable = false)
    public String targetField;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FieldTransform transform;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ObjectNode transformConfig;

    @Column(name = "is_required", nullable = false)
    public boolean required;

    @Column(nullable = false)
    public int position;

    @Version
    public long version;
}
