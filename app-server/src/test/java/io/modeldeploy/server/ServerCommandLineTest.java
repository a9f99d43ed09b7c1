package io.modeldeploy.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void theServiceIsConfiguredByEnvironmentVariablesAndOptionsWin() {
        Map<String, String> env = Map.of("MODELDEPLOY_PORT", "9100", "MODELDEPLOY_BIND", "0.0.0.0",
                "MODELDEPLOY_REQUIRE_AUTH", "true", "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://db:5432/md");
        ServerOptions fromEnvironment = ServerCommandLine.parse(new String[0], env).options();
        assertEquals(9100, fromEnvironment.port());
        assertEquals("0.0.0.0", fromEnvironment.bind());
        assertTrue(fromEnvironment.requireAuth());
        assertEquals(Database.POSTGRESQL, fromEnvironment.database());
        assertEquals("jdbc:postgresql://db:5432/md", fromEnvironment.jdbcUrl());

        ServerOptions fromOptions = ServerCommandLine.parse(new String[]{"--port", "9200",
                "--database-url", "jdbc:postgresql://other/md"}, env).options();
        assertEquals(9200, fromOptions.port());
        assertEquals("jdbc:postgresql://other/md", fromOptions.databaseUrl());
    }

    @Test
    void withoutADatabaseUrlTheBuiltInH2DatabaseLivesInTheDataDirectory() {
        ServerOptions options = ServerCommandLine.parse(new String[]{"--data-dir", "/srv/md"}, Map.of()).options();
        assertTrue(options.builtInDatabase());
        assertEquals(Database.H2, options.database());
        assertTrue(options.jdbcUrl().startsWith("jdbc:h2:file:/srv/md/modeldeploy"), options.jdbcUrl());
        assertEquals("H2", options.toProperties().get("datasources.default.dialect"));
        ServerOptions shared = ServerCommandLine.parse(
                new String[]{"--data-dir", "/srv/md", "--database-url", "jdbc:postgresql://db/md"}, Map.of()).options();
        assertEquals("POSTGRES", shared.toProperties().get("datasources.default.dialect"));
    }

    @Test
    void badEnvironmentValuesAndDatabaseUrlsAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(new String[0],
                Map.of("MODELDEPLOY_PORT", "eighty"))).getMessage().contains("MODELDEPLOY_PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(new String[0],
                Map.of("MODELDEPLOY_REQUIRE_AUTH", "maybe"))).getMessage().contains("MODELDEPLOY_REQUIRE_AUTH"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(
                new String[]{"--database-url", "jdbc:mysql://db/md"}, Map.of())).getMessage()
                .contains("jdbc:postgresql://"));
    }

    @Test
    void aHistoryCacheBoundBecomesTheSettingAndIsKeptByTheWithMethods() {
        ServerOptions defaults = ServerCommandLine.parse(new String[0], Map.of()).options();
        assertNull(defaults.toProperties().get("modeldeploy.history-cache.max-entries"), "the setting or its default");
        ServerOptions bounded = defaults.withHistoryCacheEntries(5_000).withPort(0).withDemo(true);
        assertEquals(5_000, bounded.toProperties().get("modeldeploy.history-cache.max-entries"));
        assertThrows(IllegalArgumentException.class, () -> defaults.withHistoryCacheEntries(-1));
    }

    @Test
    void stuckLimitsComeFromTheOptionOrTheEnvironmentAndBecomeTheSetting() {
        assertNull(ServerCommandLine.parse(new String[0], Map.of()).options().stuckAfter(), "the default applies");
        assertNull(ServerCommandLine.parse(new String[0], Map.of()).options().toProperties().get("modeldeploy.stuck-after"));
        Map<String, String> env = Map.of("MODELDEPLOY_STUCK_AFTER", "PENDING=10m");
        ServerOptions fromEnvironment = ServerCommandLine.parse(new String[0], env).options();
        assertEquals("PENDING=10m", fromEnvironment.toProperties().get("modeldeploy.stuck-after"));
        ServerOptions fromOption = ServerCommandLine.parse(new String[]{"--stuck-after", "PENDING=2h,LOST=1h"}, env).options();
        assertEquals("PENDING=2h,LOST=1h", fromOption.toProperties().get("modeldeploy.stuck-after"));
        assertEquals("CREATED=90s", ServerCommandLine.parse(new String[]{"--stuck-after=CREATED=90s"}, Map.of())
                .options().stuckAfter());
        assertEquals("PENDING=2h,LOST=1h", fromOption.withPort(0).withDemo(true).stuckAfter(), "kept by the with-methods");
    }

    @Test
    void badStuckLimitsStopStartUpWithTheBadPart() {
        String fromOption = assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(
                new String[]{"--stuck-after", "PENDING=30m,STALLED=5m"}, Map.of())).getMessage();
        assertTrue(fromOption.contains("--stuck-after") && fromOption.contains("'STALLED'"), fromOption);
        String fromEnvironment = assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(
                new String[0], Map.of("MODELDEPLOY_STUCK_AFTER", "PENDING=soon"))).getMessage();
        assertTrue(fromEnvironment.contains("MODELDEPLOY_STUCK_AFTER") && fromEnvironment.contains("'soon'"),
                fromEnvironment);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerCommandLine.parse(
                new String[]{"--stuck-after"}, Map.of())).getMessage().contains("--stuck-after needs a value"));
    }

    @Test
    void helpIsRecognised() {
        assertTrue(ServerCommandLine.parse(new String[]{"--help"}, Map.of()).helpRequested());
    }
}
