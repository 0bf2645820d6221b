package io.integration.mapping;

import java.util.List;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Reports each {@link MappingViolation} of a definition as a field-level violation, e.g. {@code transformConfig.value}. */
public class MappingDefinitionConstraint implements ConstraintValidator<ValidMappingDefinition, MappingDefinition> {

    @Override
    public boolean isValid(MappingDefinition definition, ConstraintValidatorContext context) {
        return definition == null || report(MappingDefinitionValidator.validate(definition), context);
    }

    /** Adds one violation per entry; messages travel as parameters so client text is never interpolated. */
    static boolean report(List<MappingViolation> violations, ConstraintValidatorContext context) {
        if (violations.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
        for (MappingViolation violation : violations) {
            hibernate.addMessageParameter("detail", violation.message())
                    .buildConstraintViolationWithTemplate("{detail}")
                    .addPropertyNode(violation.field())
                    .addConstraintViolation();
        }
        return false;
    }
}
