package io.modeldeploy.gui;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command line and display detection of the launcher. */
class LaunchOptionsTest {

    @Test
    void noArgumentsMeansTheBuiltInServerWithDefaults() {
        LaunchOptions options = LaunchOptions.parse(List.of());
        assertTrue(options.embedded());
        assertNull(options.port());
        assertNull(options.dataDir());
    }

    @Test
    void serverUrlSelectsAnExternalServerInBothSpellings() {
        assertEquals(URI.create("http://127.0.0.1:8080"),
                LaunchOptions.parse(List.of("--server", "http://127.0.0.1:8080/")).server());
        LaunchOptions options = LaunchOptions.parse(List.of("--server=https://models.example.com"));
        assertFalse(options.embedded());
        assertEquals(URI.create("https://models.example.com"), options.server());
    }

    @Test
    void portAndDataDirConfigureTheBuiltInServer() {
        LaunchOptions options = LaunchOptions.parse(List.of("--port", "0", "--data-dir=/tmp/md"));
        assertEquals(0, options.port());
        assertEquals(Path.of("/tmp/md"), options.dataDir());
    }

    @Test
    void badArgumentsAreExplainedInOneLine() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--server")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--server", "ftp://x")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--server", "localhost")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--port", "70000")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--port", "x")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--frobnicate")));
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--server", "http://h:1", "--port", "2")));
        assertFalse(mixed.getMessage().contains("\n"));
    }

    @Test
    void helpAndVersionFlags() {
        assertTrue(LaunchOptions.parse(List.of("-h")).help());
        assertTrue(LaunchOptions.parse(List.of("--version")).version());
        assertTrue(LaunchOptions.USAGE.contains("--server URL"));
    }

    @Test
    void displayIsRequiredOnLinuxUnlessMonocleRendersHeadless() {
        assertFalse(DisplayCheck.hasDisplay(Map.of(), "Linux", null));
        assertFalse(DisplayCheck.hasDisplay(Map.of("DISPLAY", " "), "Linux", null));
        assertTrue(DisplayCheck.hasDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertTrue(DisplayCheck.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertTrue(DisplayCheck.hasDisplay(Map.of(), "Linux", "Monocle"));
        assertTrue(DisplayCheck.hasDisplay(Map.of(), "Windows 11", null));
        assertTrue(DisplayCheck.hasDisplay(Map.of(), "Mac OS X", null));
    }

    @Test
    void noDisplayMessageIsOneLineNamingTheServerJar() {
        String message = DisplayCheck.noDisplayMessage("0.1.0-SNAPSHOT");
        assertFalse(message.contains("\n"));
        assertTrue(message.startsWith("No display available"));
        assertTrue(message.contains("java -jar app-server/target/app-server-0.1.0-SNAPSHOT-all.jar"), message);
        assertTrue(DisplayCheck.isDisplayFailure(new UnsupportedOperationException("Unable to open DISPLAY")));
        assertFalse(DisplayCheck.isDisplayFailure(new IllegalStateException("something else")));
    }

    @Test
    void tokenGoesWithServerAndIsNeverPrinted() {
        LaunchOptions options = LaunchOptions.parse(List.of("--server", "http://10.0.0.5:8080", "--token", "s3cret"));
        assertEquals("s3cret", options.token());
        assertEquals("s3cret", LaunchOptions.parse(List.of("--server=http://h:1", "--token=s3cret")).token());
        assertFalse(options.toString().contains("s3cret"), options.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--token", "s3cret")));
        assertTrue(e.getMessage().startsWith("--token applies to --server"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--server", "http://h:1",
                "--token")));
    }

    @Test
    void demoIsOnUnlessNoDemoOrTheEnvironmentSaysFalse() {
        LaunchOptions plain = LaunchOptions.parse(List.of());
        assertTrue(plain.demo(Map.of()));
        assertTrue(plain.demo(Map.of("MODELDEPLOY_DEMO", "true")));
        assertFalse(plain.demo(Map.of("MODELDEPLOY_DEMO", "false")));
        assertFalse(plain.demo(Map.of("MODELDEPLOY_DEMO", " OFF ")));
        assertFalse(plain.demo(Map.of("MODELDEPLOY_DEMO", "0")));
        LaunchOptions noDemo = LaunchOptions.parse(List.of("--no-demo"));
        assertFalse(noDemo.demo(Map.of()));
        assertFalse(noDemo.demo(Map.of("MODELDEPLOY_DEMO", "true")), "the option wins");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--server", "http://h:1", "--no-demo")));
        assertTrue(e.getMessage().contains("built-in server"), e.getMessage());
    }
}
