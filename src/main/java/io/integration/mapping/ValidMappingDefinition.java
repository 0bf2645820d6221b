package io.integration.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Bean Validation hook running {@link MappingDefinitionValidator#validate} on a definition. */
@Documented
@Constraint(validatedBy = MappingDefinitionConstraint.class)
@Target({ElementType.TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidMappingDefinition {

    String message() default "is not a valid field mapping";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
