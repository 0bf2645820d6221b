package io.integration.mapping;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A template's rules as JSON text for the jsonb {@code mappings} column. Text rather than Hibernate's JSON type
 * because Hibernate Reactive binds JSON values as objects, and this column holds an array.
 */
@Converter
public class MappingDefinitionsConverter implements AttributeConverter<List<MappingDefinition>, String> {

    private static final TypeReference<List<MappingDefinition>> RULES = new TypeReference<>() {
    };

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(List<MappingDefinition> rules) {
        try {
            return json.writeValueAsString(rules == null ? List.of() : rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template rules could not be written as JSON", e);
        }
    }

    @Override
    public List<MappingDefinition> convertToEntityAttribute(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored template rules are not valid JSON", e);
        }
    }
}
