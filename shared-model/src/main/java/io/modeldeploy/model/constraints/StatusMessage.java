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
 * A status message: {@link FieldRule#STATUS_MESSAGE} (at most 1000 characters).
 * Null is valid: whether the field must be present is {@link FieldRule#required()}, checked where
 * the JSON is read.
 */
@Documented
@Constraint(validatedBy = StatusMessage.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface StatusMessage {
    String message() default "is not a status message";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#STATUS_MESSAGE}. */
    @Introspected
    final class Validator extends FieldRuleValidator<StatusMessage> {
        public Validator() {
            super(StatusMessage.class);
        }
    }
}
