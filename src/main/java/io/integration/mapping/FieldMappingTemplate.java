package io.integration.mapping;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import io.integration.common.TimestampedEntity;

/** A reusable set of field rules for one integration type (row of {@code field_mapping_templates}); internal. */
@Entity
@Table(name = "field_mapping_templates")
public class FieldMappingTemplate extends TimestampedEntity {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String integrationType;

    public String description;

    /** Normalized definitions (every optional part filled in), stored as a jsonb array. */
    @Convert(converter = MappingDefinitionsConverter.class)
    // The parameter is typed text first: a String bound straight to jsonb would be stored as one JSON string.
    @ColumnTransformer(read = "mappings::text", write = "(?::text)::jsonb")
    @Column(nullable = false)
    public List<MappingDefinition> mappings;

    @Column(name = "is_default", nullable = false)
    public boolean defaultTemplate;

    @Version
    public long version;
}
