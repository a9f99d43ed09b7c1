package io.modeldeploy.gui.main;

import io.modeldeploy.gui.alerts.AlertRules;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uses its own preferences node, never the application's. */
class GuiPreferencesTest {

    static final String TEST_ROOT = "io/modeldeploy/gui-test";

    private final Preferences node = Preferences.userRoot().node(TEST_ROOT + "/" + UUID.randomUUID());
    private final GuiPreferences prefs = new GuiPreferences(node);

    @AfterEach
    void removeNode() throws BackingStoreException {
        removeTestRoot();
    }

    /** Removes every node the tests created and writes that through, so nothing is left on disk. */
    static void removeTestRoot() throws BackingStoreException {
        Preferences root = Preferences.userRoot();
        if (root.nodeExists(TEST_ROOT)) {
            Preferences testRoot = root.node(TEST_ROOT);
            Preferences parent = testRoot.parent();
            testRoot.removeNode();
            parent.flush();
        }
    }

    @Test
    void theExportFolderIsRememberedWhileItExists(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        assertEquals(java.util.Optional.empty(), prefs.exportFolder());
        java.nio.file.Path reports = java.nio.file.Files.createDirectory(folder.resolve("reports"));
        prefs.setExportFolder(reports);
        assertEquals(java.util.Optional.of(reports), prefs.exportFolder());

        java.nio.file.Files.delete(reports);
        assertEquals(java.util.Optional.empty(), prefs.exportFolder(), "a folder since removed is not offered");
    }

    @Test
    void themeDefaultsToLightAndIsRemembered() {
        assertEquals(Theme.LIGHT, prefs.theme());
        prefs.setTheme(Theme.DARK);
        assertEquals(Theme.DARK, new GuiPreferences(node).theme());
        node.put("theme", "neon");
        assertEquals(Theme.LIGHT, prefs.theme(), "unknown values fall back to light");
    }

    @Test
    void theListsLatestOnlyOrAllVersionsChoiceDefaultsToLatestOnlyAndIsRemembered() {
        assertFalse(prefs.listAllVersions());
        prefs.setListAllVersions(true);
        assertTrue(new GuiPreferences(node).listAllVersions());
    }

    @Test
    void recentServersAreUrlsMostRecentFirstWithoutRepeatsAndAtMostEight() {
        assertEquals(List.of(), prefs.recentServers());
        prefs.rememberServer(URI.create("http://a:1"));
        prefs.rememberServer(URI.create("https://b.example.com"));
        prefs.rememberServer(URI.create("http://a:1"));
        assertEquals(List.of("http://a:1", "https://b.example.com"), new GuiPreferences(node).recentServers());

        for (int i = 0; i < 10; i++) {
            prefs.rememberServer(URI.create("http://host-" + i + ":8080"));
        }
        List<String> recent = prefs.recentServers();
        assertEquals(GuiPreferences.MAX_RECENT_SERVERS, recent.size());
        assertEquals("http://host-9:8080", recent.get(0));
    }

    @Test
    void hiddenColumnsUtcTimesAndTheLastNewDeploymentWorkspaceAreRemembered() {
        assertEquals(Optional.empty(), prefs.hiddenColumns(), "never chosen");
        assertFalse(prefs.timesInUtc());
        assertNull(prefs.lastNewDeploymentWorkspace());
        prefs.setHiddenColumns(new LinkedHashSet<>(List.of("provider", "message")));
        prefs.setTimesInUtc(true);
        prefs.setLastNewDeploymentWorkspace("team-nlp");
        GuiPreferences again = new GuiPreferences(node);
        assertEquals(Optional.of(Set.of("provider", "message")), again.hiddenColumns());
        again.setHiddenColumns(Set.of());
        assertEquals(Optional.of(Set.of()), new GuiPreferences(node).hiddenColumns(), "chose to hide none");
        assertTrue(again.timesInUtc());
        assertEquals("team-nlp", again.lastNewDeploymentWorkspace());
    }

    @Test
    void notificationRulesDefaultToErrorLostAndStuckEverywhereAndAreRemembered() {
        assertEquals(AlertRules.DEFAULT, prefs.alertRules());
        AlertRules chosen = new AlertRules(EnumSet.of(DeploymentStatus.LOST, DeploymentStatus.UNKNOWN), false,
                Set.of("team-nlp", "prod eu"), false, false);
        prefs.setAlertRules(chosen);
        assertEquals(chosen, new GuiPreferences(node).alertRules());

        AlertRules off = new AlertRules(EnumSet.noneOf(DeploymentStatus.class), true, Set.of(), false, true);
        prefs.setAlertRules(off);
        assertEquals(off, new GuiPreferences(node).alertRules(), "no status chosen stays no status, not the default");
    }

    @Test
    void windowBoundsRoundTrip() {
        assertTrue(prefs.windowBounds().isEmpty());
        prefs.setWindowBounds(new GuiPreferences.WindowBounds(10, 20, 1200, 700, true));
        assertEquals(new GuiPreferences.WindowBounds(10, 20, 1200, 700, true),
                new GuiPreferences(node).windowBounds().orElseThrow());
    }

    @Test
    void dividerPositionsRoundTripAndNonsenseIsIgnored() {
        assertArrayEquals(new double[0], prefs.dividerPositions("main"));
        prefs.setDividerPositions("main", new double[]{0.55});
        assertArrayEquals(new double[]{0.55}, prefs.dividerPositions("main"));
        node.put("dividers.main", "1.7");
        assertArrayEquals(new double[0], prefs.dividerPositions("main"));
        node.put("dividers.main", "abc");
        assertArrayEquals(new double[0], prefs.dividerPositions("main"));
    }

    @Test
    void applicationStoresItsPreferencesUnderIoModeldeployGui() {
        assertEquals("io/modeldeploy/gui", GuiPreferences.NODE, "tests never touch this node");
    }
}
