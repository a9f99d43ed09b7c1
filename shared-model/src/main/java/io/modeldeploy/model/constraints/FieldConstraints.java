package io.modeldeploy.model.constraints;

import io.modeldeploy.model.FieldRule;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@link FieldRule} each constraint annotation of this package applies: the one place that
 * pairs them, read by the annotations' validators and by whoever turns a violation back into the
 * rule's {@link FieldRule.Violation} (the server's 422 answer).
 */
public final class FieldConstraints {
    private static final Map<Class<? extends Annotation>, FieldRule> RULES = Map.of(
            WorkspaceName.class, FieldRule.WORKSPACE,
            DeploymentName.class, FieldRule.NAME,
            ConfigName.class, FieldRule.CONFIG,
            ProjectName.class, FieldRule.PROJECT,
            StatusMessage.class, FieldRule.STATUS_MESSAGE,
            ModelProviderId.class, FieldRule.MODEL_PROVIDER_ID);

    private FieldConstraints() {
    }

    /** The rule behind {@code constraint}, or empty for a constraint that is not one of ours. */
    public static Optional<FieldRule> ruleOf(Class<? extends Annotation> constraint) {
        return Optional.ofNullable(RULES.get(constraint));
    }
}
