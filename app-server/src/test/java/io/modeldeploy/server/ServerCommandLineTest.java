package io.modeldeploy.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerCommandLineTest {

    @Test
    void defaultsAreLoopbackPort8080AndTheXdgDataDirectory() {
        ServerOptions options = ServerCommandLine.parse(new String[0], Map.of("XDG_DATA_HOME", "/xdg")).options();
        assertEquals("127.0.0.1", options.bind());
        assertEquals(8080, options.port());
        assertEquals(Path.of("/xdg/modeldeploy"), options.dataDir());
    }

    @Test
    void optionsAcceptSpaceAndEqualsForms() {
        ServerOptions options = ServerCommandLine.parse(
                new String[]{"--port", "9000", "--bind=0.0.0.0", "--data-dir", "/srv/md"}, Map.of()).options();
        assertEquals(9000, options.port());
        assertEquals("0.0.0.0", options.bind());
        assertEquals(Path.of("/srv/md"), options.dataDir());
    }

    @Test
    void dataDirFlagWinsOverEnvironmentWhichWinsOverXdg() {
        Map<String, String> env = Map.of("MODELDEPLOY_DATA_DIR", "/env/md", "XDG_DATA_HOME", "/xdg");
        assertEquals(Path.of("/flag"), DataDirectory.resolve("/flag", env));
        assertEquals(Path.of("/env/md"), DataDirectory.resolve(null, env));
        assertEquals(Path.of(System.getProperty("user.home"), ".local", "share", "modeldeploy"),
                DataDirectory.resolve(null, Map.of()));
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerCommandLine.parse(new String[]{"--port", "http"}, Map.of())).getMessage().contains("--port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerCommandLine.parse(new String[]{"--port", "70000"}, Map.of())).getMessage().contains("--port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerCommandLine.parse(new String[]{"--data-dir"}, Map.of())).getMessage().contains("--data-dir"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerCommandLine.parse(new String[]{"--verbose"}, Map.of())).getMessage().contains("--verbose"));
    }

    @Test
    void helpIsRecognised() {
        assertTrue(ServerCommandLine.parse(new String[]{"--help"}, Map.of()).helpRequested());
    }
}
