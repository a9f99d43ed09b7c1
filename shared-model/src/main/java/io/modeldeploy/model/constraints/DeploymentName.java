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
 * A deployment name: {@link FieldRule#NAME} (letters, digits, {@code _ - .}, at most 255 characters).
 * Null is valid: whether the field must be present is {@link FieldRule#required()}, checked where
 * the JSON is read.
 */
@Documented
@Constraint(validatedBy = DeploymentName.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface DeploymentName {
    String message() default "is not a deployment name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#NAME}. */
    @Introspected
    final class Validator extends FieldRuleValidator<DeploymentName> {
        public Validator() {
            super(DeploymentName.class);
        }
    }
}
