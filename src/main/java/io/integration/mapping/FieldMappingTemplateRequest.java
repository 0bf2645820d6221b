package io.integration.mapping;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a template create or full replace. */
@ValidTemplateMappings
@Schema(name = "FieldMappingTemplateRequest", description = "A reusable set of field rules for one integration type")
public record FieldMappingTemplateRequest(
        @Schema(description = "Unique per integration type within the tenant", examples = "HubSpot contacts")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Provider slug the template is for; it applies only to connections of that provider",
                examples = "hubspot")
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9_-]{0,63}$",
                message = "must be a lowercase slug: letters, digits, '-' or '_', at most 64 characters")
        String integrationType,
        @Schema(description = "Free text, at most 2000 characters") @Size(max = 2000) String description,
        @Schema(description = "The field rules, 1 to 500; each sourceField/targetField pair at most once")
        @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull MappingDefinition> mappings,
        @Schema(description = "Whether this is the default template of its integration type (at most one is);"
                + " setting it clears the flag on the previous default. Defaults to false")
        Boolean isDefault) {
}
