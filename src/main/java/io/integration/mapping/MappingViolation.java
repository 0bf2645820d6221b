package io.integration.mapping;

/** One invalid part of a mapping definition: the field path (e.g. {@code transformConfig.inputFormat}) and why. */
public record MappingViolation(String field, String message) {
}
