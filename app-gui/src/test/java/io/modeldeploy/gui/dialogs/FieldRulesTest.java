package io.modeldeploy.gui.dialogs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's field rules, as the dialogs check them while typing. */
class FieldRulesTest {

    @Test
    void namesAllowLettersDigitsUnderscoreHyphenAndDot() {
        assertNull(FieldRules.name("Llama-3.1_8b"));
        assertNull(FieldRules.name("  padded  "), "surrounding blanks are trimmed");
        assertEquals(FieldRules.REQUIRED, FieldRules.name("   "));
        assertEquals(FieldRules.NAME_CHARACTERS, FieldRules.name("with space"));
        assertEquals(FieldRules.NAME_CHARACTERS, FieldRules.name("with/slash"));
        assertNull(FieldRules.name("x".repeat(255)));
        assertTrue(FieldRules.name("x".repeat(256)).startsWith("At most 255 characters"));
    }

    /** The server refuses them: HTTP clients drop such path segments, so the deployment could never be reached. */
    @Test
    void dotAndDotDotAreNoNamesNorWorkspaces() {
        for (String dots : new String[]{".", "..", " .. "}) {
            assertEquals(FieldRules.DOT_NAME, FieldRules.name(dots));
            assertEquals(FieldRules.DOT_NAME, FieldRules.workspace(dots));
        }
        assertNull(FieldRules.name("..."));
        assertNull(FieldRules.workspace(".hidden"));
    }

    /** The server refuses the NUL character in any text (PostgreSQL cannot store it); the dialog says so first. */
    @Test
    void aConfigWithTheNulCharacterIsRefused() {
        assertEquals(FieldRules.NUL_TEXT, FieldRules.config("llama\u0000nim"));
    }

    /** The bug this fixes: 200 emoji are 400 Java chars but 200 characters, which the server takes. */
    @Test
    void lengthsAreCountedInCharactersAsTheServerCountsThem() {
        String emoji = "\uD83D\uDE00";
        assertNull(FieldRules.config(emoji.repeat(200)));
        assertNull(FieldRules.config(emoji.repeat(255)));
        assertEquals("At most 255 characters (this has 256).", FieldRules.config(emoji.repeat(256)));
        assertEquals(FieldRules.PROJECT_CHARACTERS, FieldRules.project(emoji.repeat(255)));
        assertEquals("At most 255 characters (this has 256).", FieldRules.project(emoji.repeat(256)));
    }

    @Test
    void workspaceMayNotBeTheAllWorkspacesDash() {
        assertEquals(FieldRules.ALL_WORKSPACES, FieldRules.workspace("-"));
        assertEquals(FieldRules.ALL_WORKSPACES, FieldRules.workspace(" - "));
        assertNull(FieldRules.workspace("--"));
        assertNull(FieldRules.workspace("team-a"));
        assertEquals(FieldRules.REQUIRED, FieldRules.workspace(""));
    }

    @Test
    void configIsRequiredAndAtMost255Characters() {
        assertNull(FieldRules.config("any config: even spaces"));
        assertEquals(FieldRules.REQUIRED, FieldRules.config(null));
        assertTrue(FieldRules.config("c".repeat(256)).contains("255"));
    }

    @Test
    void configVersionIsEmptyOrAWholeNumberTheServerTakes() {
        assertNull(FieldRules.configVersion(""));
        assertNull(FieldRules.configVersion("7"));
        assertNull(FieldRules.configVersion(String.valueOf(Integer.MAX_VALUE)));
        assertNull(FieldRules.configVersion("0"), "0 means the default version, as for the server (and NeMo)");
        for (String bad : new String[]{"-1", "1.5", "abc", "99999999999", "2147483648"}) {
            assertEquals(FieldRules.CONFIG_VERSION, FieldRules.configVersion(bad), bad);
        }
        assertNull(FieldRules.parseConfigVersion(""));
        assertEquals(12, FieldRules.parseConfigVersion(" 12 "));
        assertEquals(0, FieldRules.parseConfigVersion("0"));
    }

    @Test
    void projectIsOptionalAndMayContainSlashes() {
        assertNull(FieldRules.project(""));
        assertNull(FieldRules.project("org/team.project_1"));
        assertEquals(FieldRules.PROJECT_CHARACTERS, FieldRules.project("no spaces"));
        assertTrue(FieldRules.project("p".repeat(256)).contains("255"));
    }
}
