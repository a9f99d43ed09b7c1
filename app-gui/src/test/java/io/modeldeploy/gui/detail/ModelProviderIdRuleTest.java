package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.dialogs.FieldRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelProviderIdRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"default/llama-demo", "ws_1/provider.v2", "a/b", "  default/llama  "})
    void acceptsWorkspaceSlashName(String value) {
        assertTrue(ModelProviderIdRule.problem(value, null).isEmpty(), value);
    }

    /** NeMo takes any reference (its own test sends {@code provider-123}); the form is only suggested. */
    @ParameterizedTest
    @ValueSource(strings = {"provider-123", "llama", "default/", "/llama", "a/b/c", "default/llama demo",
            "default\\llama", "ws/na$me"})
    void acceptsOtherShapesToo(String value) {
        assertTrue(ModelProviderIdRule.problem(value, null).isEmpty(), value);
    }

    @Test
    void refusesTheNulCharacter() {
        assertEquals(Optional.of(FieldRules.NUL_TEXT), ModelProviderIdRule.problem("w/\u0000", null));
    }

    @Test
    void limitsTheLengthTo255() {
        String ok = "w/" + "n".repeat(253);
        String tooLong = "w/" + "n".repeat(254);
        assertEquals(255, ok.length());
        assertTrue(ModelProviderIdRule.problem(ok, null).isEmpty());
        assertEquals("At most 255 characters (256 entered)", ModelProviderIdRule.problem(tooLong, null).orElseThrow());
    }

    @Test
    void emptyIsFineOnlyWhileThereIsNoProvider() {
        assertTrue(ModelProviderIdRule.problem("", null).isEmpty());
        assertTrue(ModelProviderIdRule.problem("   ", null).isEmpty());
        assertFalse(ModelProviderIdRule.isChanged("", null));
        String problem = ModelProviderIdRule.problem("", "default/llama").orElseThrow();
        assertTrue(problem.contains("can't be removed"), problem);
    }

    @Test
    void anUnchangedValueIsNeverAProblemEvenIfTheServerStoredAnOddOne() {
        assertTrue(ModelProviderIdRule.problem("legacy provider", "legacy provider").isEmpty());
        assertFalse(ModelProviderIdRule.isChanged(" legacy provider ", "legacy provider"));
    }
}
