package io.modeldeploy.model.constraints;

import io.modeldeploy.model.FieldRule;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.lang.annotation.Annotation;

/**
 * Bean Validation's side of a {@link FieldRule}: a value is valid when the rule accepts it. Null is
 * valid, as for the standard constraints; presence is the rule's {@link FieldRule#required()}.
 *
 * @param <A> the constraint annotation, whose rule {@link FieldConstraints#ruleOf} names
 */
public abstract class FieldRuleValidator<A extends Annotation> implements ConstraintValidator<A, String> {
    private final FieldRule rule;

    protected FieldRuleValidator(Class<A> constraint) {
        this.rule = FieldConstraints.ruleOf(constraint)
                .orElseThrow(() -> new IllegalArgumentException("no field rule for @" + constraint.getSimpleName()));
    }

    public FieldRule rule() {
        return rule;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || rule.accepts(value);
    }
}
