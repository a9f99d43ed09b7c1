package io.modeldeploy.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field rules as NeMo's pydantic models apply them: code points, then length, pattern, emptiness. */
class FieldRuleTest {
    private static final String EMOJI = "\uD83D\uDE00";
    private static final String ASTRAL_LETTER = "\uD835\uDD38";

    private static Optional<FieldRule.Problem> problem(FieldRule rule, String value) {
        return rule.check(value).map(FieldRule.Violation::problem);
    }

    @Test
    void lengthsCountCodePointsNotChars() {
        assertEquals(1, FieldRule.length(EMOJI));
        assertEquals(2, FieldRule.length("e\u0301"), "a combining mark is a character of its own");
        assertEquals(0, FieldRule.length(null));
        assertTrue(FieldRule.CONFIG.accepts(EMOJI.repeat(255)), "510 chars, 255 characters");
        assertEquals(new FieldRule.Violation(FieldRule.Problem.TOO_LONG, 256), FieldRule.CONFIG.check(EMOJI.repeat(256)).orElseThrow());
        assertTrue(FieldRule.CONFIG.accepts(ASTRAL_LETTER.repeat(200)));
        assertTrue(FieldRule.STATUS_MESSAGE.accepts(EMOJI + "m".repeat(999)));
        assertEquals(Optional.of(FieldRule.Problem.TOO_LONG), problem(FieldRule.STATUS_MESSAGE, EMOJI + "m".repeat(1000)));
    }

    @Test
    void lengthComesBeforePatternAndPatternBeforeEmptiness() {
        assertEquals(Optional.of(FieldRule.Problem.TOO_LONG), problem(FieldRule.NAME, " ".repeat(256)));
        assertEquals(Optional.of(FieldRule.Problem.PATTERN_MISMATCH), problem(FieldRule.NAME, EMOJI.repeat(255)));
        assertEquals(Optional.of(FieldRule.Problem.PATTERN_MISMATCH), problem(FieldRule.NAME, ""),
                "a pattern asks for one character at least");
        assertEquals(Optional.of(FieldRule.Problem.EMPTY), problem(FieldRule.CONFIG, ""));
        assertTrue(FieldRule.CONFIG.accepts(" "), "a config is any text");
        assertTrue(FieldRule.STATUS_MESSAGE.accepts(""));
    }

    @Test
    void eachPatternsCharacters() {
        assertTrue(FieldRule.NAME.accepts("Aa0_.-z"));
        for (String bad : new String[]{"a b", "a/b", "a@b", "\u00f1", "e\u0301", EMOJI, ASTRAL_LETTER, "abc\n", "a\u0000"}) {
            assertEquals(Optional.of(FieldRule.Problem.PATTERN_MISMATCH), problem(FieldRule.NAME, bad), bad);
        }
        assertTrue(FieldRule.PROJECT.accepts("org/team.p_1-x"));
        assertFalse(FieldRule.PROJECT.accepts("a b"));
    }

    @Test
    void aModelProviderIdIsAnyStringUpTo255CharactersAsInNemo() {
        for (String any : new String[]{"ws_1/provider.v2", "provider-123", "", "a/b/c", "/b", "a b/c", EMOJI + "/x",
                "p".repeat(255)}) {
            assertTrue(FieldRule.MODEL_PROVIDER_ID.accepts(any), any);
        }
        assertEquals(Optional.of(FieldRule.Problem.TOO_LONG), problem(FieldRule.MODEL_PROVIDER_ID, "p".repeat(256)));
    }

    @Test
    void dotAndDotDotAreNoNames() {
        for (FieldRule rule : new FieldRule[]{FieldRule.NAME, FieldRule.WORKSPACE}) {
            assertEquals(Optional.of(FieldRule.Problem.DOT_SEGMENT), problem(rule, "."), rule.toString());
            assertEquals(Optional.of(FieldRule.Problem.DOT_SEGMENT), problem(rule, ".."), rule.toString());
            assertTrue(rule.accepts("..."), rule.toString());
            assertTrue(rule.accepts(".a"), rule.toString());
        }
        assertTrue(FieldRule.CONFIG.accepts(".."));
        assertTrue(FieldRule.PROJECT.accepts(".."));
    }

    @Test
    void noFieldHoldsTheNulCharacter() {
        for (FieldRule rule : new FieldRule[]{FieldRule.CONFIG, FieldRule.STATUS_MESSAGE, FieldRule.MODEL_PROVIDER_ID}) {
            assertEquals(Optional.of(FieldRule.Problem.NUL_CHARACTER), problem(rule, "a\u0000b"), rule.toString());
            assertEquals(Optional.of(FieldRule.Problem.NUL_CHARACTER), problem(rule, "\u0000"), rule.toString());
        }
        for (FieldRule rule : new FieldRule[]{FieldRule.NAME, FieldRule.WORKSPACE, FieldRule.PROJECT}) {
            assertTrue(problem(rule, "a\u0000b").isPresent(), rule.toString());
        }
    }

    @Test
    void missingOnlyCountsForRequiredFields() {
        assertEquals(new FieldRule.Violation(FieldRule.Problem.MISSING, 0), FieldRule.NAME.check(null).orElseThrow());
        assertEquals(Optional.of(FieldRule.Problem.MISSING), problem(FieldRule.CONFIG, null));
        assertTrue(FieldRule.PROJECT.accepts(null));
        assertTrue(FieldRule.STATUS_MESSAGE.accepts(null));
        assertTrue(FieldRule.MODEL_PROVIDER_ID.accepts(null));
        assertTrue(FieldRule.NAME.required() && FieldRule.CONFIG.required() && FieldRule.WORKSPACE.required());
    }

    @Test
    void theAllWorkspacesDashIsReservedForWorkspacesOnly() {
        assertEquals(Optional.of(FieldRule.Problem.RESERVED), problem(FieldRule.WORKSPACE, "-"));
        assertTrue(FieldRule.WORKSPACE.accepts("--"));
        assertTrue(FieldRule.NAME.accepts("-"));
        assertEquals(Optional.of(FieldRule.Problem.PATTERN_MISMATCH), problem(FieldRule.WORKSPACE, "w w"));
        assertEquals(Optional.of(FieldRule.Problem.TOO_LONG), problem(FieldRule.WORKSPACE, "w".repeat(256)));
    }

    @Test
    void configVersionIsZeroToIntMax() {
        IntegerRule rule = IntegerRule.CONFIG_VERSION;
        assertTrue(rule.accepts(0), "0 means the default version");
        assertTrue(rule.accepts(Integer.MAX_VALUE));
        assertEquals(new IntegerRule.Violation(IntegerRule.Problem.BELOW_MINIMUM, 0), rule.check(-1).orElseThrow());
        assertEquals(new IntegerRule.Violation(IntegerRule.Problem.ABOVE_MAXIMUM, Integer.MAX_VALUE),
                rule.check(Integer.MAX_VALUE + 1L).orElseThrow());
        assertEquals(IntegerRule.Problem.ABOVE_MAXIMUM,
                rule.check(new java.math.BigDecimal("1E400")).orElseThrow().problem());
        assertEquals(IntegerRule.Problem.BELOW_MINIMUM, rule.outOfRange(-1).problem());
    }
}
