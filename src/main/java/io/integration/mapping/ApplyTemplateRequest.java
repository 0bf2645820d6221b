package io.integration.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of applying a template: the connection that receives its rules. */
@Schema(name = "ApplyTemplateRequest")
public record ApplyTemplateRequest(
        @Schema(required = true, description = "A connection of the template's integration type",
                examples = "3a0e7c1e-5a8e-4b5e-9a3c-2f1d0c9b8a7d")
        @NotNull UUID connectionId) {
}
