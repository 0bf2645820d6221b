package io.integration.mapping;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Reports a template's repeated sourceField/targetField pairs as {@code mappings[i]} violations. */
public class TemplateMappingsConstraint implements ConstraintValidator<ValidTemplateMappings, FieldMappingTemplateRequest> {

    @Override
    public boolean isValid(FieldMappingTemplateRequest request, ConstraintValidatorContext context) {
        return request == null || request.mappings() == null
                || MappingDefinitionConstraint.report(MappingDefinitionValidator.duplicatePairs(request.mappings()), context);
    }
}
