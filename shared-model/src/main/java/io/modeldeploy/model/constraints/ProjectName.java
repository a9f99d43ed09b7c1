package io.modeldeploy.model.constraints;

import io.micronaut.core.annotation.Introspected;
import io.modeldeploy.model.FieldRule;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A project: {@link FieldRule#PROJECT} (letters, digits, {@code _ - . /}, at most 255 characters).
 * Null is valid: whether the field must be present is {@link FieldRule#required()}, checked where
 * the JSON is read.
 */
@Documented
@Constraint(validatedBy = ProjectName.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ProjectName {
    String message() default "is not a project";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#PROJECT}. */
    @Introspected
    final class Validator extends FieldRuleValidator<ProjectName> {
        public Validator() {
            super(ProjectName.class);
        }
    }
}
