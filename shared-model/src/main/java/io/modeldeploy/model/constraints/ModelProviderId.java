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
 * A model provider reference: {@link FieldRule#MODEL_PROVIDER_ID} ({@code workspace/name}, at most
 * 255 characters).
 * Null is valid: whether the field must be present is {@link FieldRule#required()}, checked where
 * the JSON is read.
 */
@Documented
@Constraint(validatedBy = ModelProviderId.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelProviderId {
    String message() default "is not a model provider reference";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#MODEL_PROVIDER_ID}. */
    @Introspected
    final class Validator extends FieldRuleValidator<ModelProviderId> {
        public Validator() {
            super(ModelProviderId.class);
        }
    }
}
