package io.integration.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** Bean Validation hook: a template may not list the same sourceField/targetField pair twice. */
@Documented
@Constraint(validatedBy = TemplateMappingsConstraint.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidTemplateMappings {

    String message() default "repeats a sourceField/targetField pair";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
