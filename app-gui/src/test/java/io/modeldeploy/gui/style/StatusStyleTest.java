package io.modeldeploy.gui.style;

import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Status styling: one class, icon and description per status, and CSS that defines every colour used. */
class StatusStyleTest {

    @Test
    void everyStatusHasItsOwnStyleClassIconAndDescription() {
        Set<String> classes = new HashSet<>();
        Set<Object> icons = new HashSet<>();
        for (DeploymentStatus status : DeploymentStatus.values()) {
            classes.add(StatusStyle.styleClass(status));
            icons.add(StatusStyle.icon(status));
            assertFalse(StatusStyle.description(status).isBlank());
            assertTrue(StatusStyle.description(status).startsWith(StatusStyle.displayName(status)));
        }
        assertEquals(DeploymentStatus.values().length, classes.size());
        assertEquals(DeploymentStatus.values().length, icons.size());
        assertEquals("status-ready", StatusStyle.styleClass(DeploymentStatus.READY));
        assertEquals("Deleting", StatusStyle.displayName(DeploymentStatus.DELETING));
    }

    @Test
    void missingStatusIsShownAsUnknown() {
        assertEquals("status-unknown", StatusStyle.styleClass(null));
        assertEquals(StatusStyle.icon(DeploymentStatus.UNKNOWN), StatusStyle.icon(null));
        assertEquals("Unknown", StatusStyle.displayName(null));
    }

    @Test
    void bothThemesDefineForegroundAndBackgroundOfEveryStatus() throws IOException {
        for (String theme : new String[]{"theme/light.css", "theme/dark.css"}) {
            String css = read(theme);
            for (DeploymentStatus status : DeploymentStatus.values()) {
                String name = "-" + StatusStyle.styleClass(status);
                assertTrue(css.contains(name + ":"), theme + " defines " + name);
                assertTrue(css.contains(name + "-bg:"), theme + " defines " + name + "-bg");
            }
        }
    }

    @Test
    void appStylesheetColoursBadgesDotsAndIconsOfEveryStatus() throws IOException {
        String css = read("app.css");
        for (DeploymentStatus status : DeploymentStatus.values()) {
            String cls = StatusStyle.styleClass(status);
            assertTrue(css.contains(".status-badge." + cls), "badge rule for " + cls);
            assertTrue(css.contains(".status-dot." + cls), "dot rule for " + cls);
            assertTrue(css.contains(".status-icon." + cls), "icon rule for " + cls);
            assertTrue(css.contains("-" + cls + "-bg"), "badge background uses -" + cls + "-bg");
        }
        assertFalse(Arrays.stream(css.split("\n")).anyMatch(l -> l.contains("-fx-text-fill: #")),
                "colours come from looked-up colours, not literals");
    }

    private static String read(String relative) throws IOException {
        try (InputStream in = StatusStyle.class.getResourceAsStream("/io/modeldeploy/gui/" + relative)) {
            assertNotNull(in, relative);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
