package io.modeldeploy.model.constraints;

import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each constraint applies its field rule, and the request records carry them. */
class FieldConstraintsTest {

    @Test
    void eachValidatorAppliesItsRuleAndLetsNullPass() {
        Map<FieldRuleValidator<?>, FieldRule> validators = Map.of(
                new WorkspaceName.Validator(), FieldRule.WORKSPACE,
                new DeploymentName.Validator(), FieldRule.NAME,
                new ConfigName.Validator(), FieldRule.CONFIG,
                new ProjectName.Validator(), FieldRule.PROJECT,
                new StatusMessage.Validator(), FieldRule.STATUS_MESSAGE,
                new ModelProviderId.Validator(), FieldRule.MODEL_PROVIDER_ID);
        validators.forEach((validator, rule) -> {
            assertSame(rule, validator.rule());
            assertTrue(validator.isValid(null, null), rule + ": presence is not the constraint's business");
            assertFalse(validator.isValid("x".repeat(rule.maxLength() + 1), null), rule.toString());
        });
        assertFalse(new WorkspaceName.Validator().isValid("-", null));
        assertTrue(new ConfigName.Validator().isValid("\uD83D\uDE00".repeat(255), null));
    }

    @Test
    void theRequestRecordsCarryTheirFieldsConstraints() {
        assertEquals(List.of("name:DeploymentName", "config:ConfigName", "project:ProjectName"),
                constrained(CreateDeploymentRequest.class));
        assertEquals(List.of("config:ConfigName"), constrained(NewVersionRequest.class));
        assertEquals(List.of("statusMessage:StatusMessage", "modelProviderId:ModelProviderId"),
                constrained(StatusUpdateRequest.class));
    }

    private static List<String> constrained(Class<? extends Record> type) {
        List<String> found = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            for (Annotation annotation : component.getAccessor().getAnnotations()) {
                if (FieldConstraints.ruleOf(annotation.annotationType()).isPresent()) {
                    found.add(component.getName() + ":" + annotation.annotationType().getSimpleName());
                }
            }
        }
        return found;
    }
}
