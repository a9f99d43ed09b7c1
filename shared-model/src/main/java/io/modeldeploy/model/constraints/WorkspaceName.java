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
 * A workspace name that can hold deployments: {@link FieldRule#WORKSPACE}
 * (the name pattern, at most 255 characters, not {@code -}).
 * Null is valid: whether the field must be present is {@link FieldRule#required()}, checked where
 * the JSON is read.
 */
@Documented
@Constraint(validatedBy = WorkspaceName.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface WorkspaceName {
    String message() default "is not a workspace name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#WORKSPACE}. */
    @Introspected
    final class Validator extends FieldRuleValidator<WorkspaceName> {
        public Validator() {
            super(WorkspaceName.class);
        }
    }
}
