package io.modeldeploy.server.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.ServerStartException;
import io.modeldeploy.server.persistence.SchemaMigrations;
import io.modeldeploy.server.postgres.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every earlier release's database opens in this one: the fixtures (see the README beside them) are
 * migrated by the current code, and everything their release wrote is still answered and stored. A
 * database from a newer release is refused untouched.
 */
class UpgradeFixturesTest {
    private static final String RETENTION = "modeldeploy.events.retention";
    private static String retentionBefore;

    @TempDir
    Path dataDir;

    // The fixtures' events are as old as the fixtures; the test checks what migrating does to them, not pruning.
    @BeforeAll
    static void keepOldEvents() {
        retentionBefore = System.setProperty(RETENTION, "36500d");
    }

    @AfterAll
    static void restoreRetention() {
        if (retentionBefore == null) {
            System.clearProperty(RETENTION);
        } else {
            System.setProperty(RETENTION, retentionBefore);
        }
    }

    @Test
    void everyFixtureFolderIsTestedAndTheNewestMigrationHasOne() throws URISyntaxException, IOException {
        Path folder = Path.of(Objects.requireNonNull(UpgradeFixturesTest.class.getResource("README.md")).toURI()).getParent();
        try (Stream<Path> entries = Files.list(folder)) {
            List<String> present = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("h2-v9", "postgresql-v9"), present,
                    "a fixture folder that is not in the @ValueSource lists below is never opened");
        }
        assertTrue(Files.isDirectory(folder.resolve("h2-v" + SchemaMigrations.NEWEST))
                        && Files.isDirectory(folder.resolve("postgresql-v" + SchemaMigrations.NEWEST)),
                "a release that adds a migration adds its fixtures (README.md beside them says how)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2-v9"})
    void aBuiltInDatabaseOfAnEarlierReleaseOpensAndKeepsEverything(String fixture) throws SQLException {
        unpackH2(fixture);
        checkApiAndRows(fixture, new ServerOptions(ServerOptions.DEFAULT_BIND, 0, dataDir), this::h2Connection);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql-v9"})
    void aPostgresDumpOfAnEarlierReleaseOpensAndKeepsEverything(String fixture) throws SQLException {
        String url = restoreDump(fixture);
        checkApiAndRows(fixture, new ServerOptions(ServerOptions.DEFAULT_BIND, 0, dataDir, false, false, url),
                () -> DriverManager.getConnection(url));
    }

    @Test
    void aBuiltInDatabaseOfANewerReleaseIsRefusedUntouched() throws SQLException {
        unpackH2("h2-v" + SchemaMigrations.NEWEST);
        checkNewerIsRefused("h2-v" + SchemaMigrations.NEWEST, new ServerOptions(ServerOptions.DEFAULT_BIND, 0, dataDir),
                this::h2Connection, "The database in " + dataDir);
    }

    @Test
    void aPostgresDatabaseOfANewerReleaseIsRefusedUntouched() throws SQLException {
        String url = restoreDump("postgresql-v" + SchemaMigrations.NEWEST);
        checkNewerIsRefused("postgresql-v" + SchemaMigrations.NEWEST,
                new ServerOptions(ServerOptions.DEFAULT_BIND, 0, dataDir, false, false, url),
                () -> DriverManager.getConnection(url), "The database " + url);
    }

    private void checkApiAndRows(String fixture, ServerOptions options, Connect connect) throws SQLException {
        try (RunningServer server = ModelDeployServer.start(options)) {
            UpgradeFixture.assertContains(expected(fixture, UpgradeFixture.API_SNAPSHOT),
                    new UpgradeFixture(server.baseUrl()).apiSnapshot(), fixture);
        }
        try (Connection connection = connect.open()) {
            JsonNode rows = UpgradeFixture.rows(connection);
            UpgradeFixture.assertRowsContained(expected(fixture, UpgradeFixture.ROWS_SNAPSHOT), rows);
            int newestApplied = 0;
            for (JsonNode migration : rows.get("flyway_schema_history")) {
                if (!migration.get("version").isNull()) {
                    newestApplied = Math.max(newestApplied, Integer.parseInt(migration.get("version").asText()));
                }
            }
            assertEquals(SchemaMigrations.NEWEST, String.valueOf(newestApplied), "migrated to this release's newest schema");
        }
    }

    private void checkNewerIsRefused(String fixture, ServerOptions options, Connect connect, String naming)
            throws SQLException {
        String newer = String.valueOf(Integer.parseInt(SchemaMigrations.NEWEST) + 1);
        try (Connection connection = connect.open(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\","
                    + " \"success\") VALUES (1000, '" + newer + "', 'later', 'SQL', 'V" + newer + "__later.sql', 0,"
                    + " 'later', 0, TRUE)");
        }
        ServerStartException refused = assertThrows(ServerStartException.class, () -> ModelDeployServer.start(options).close());
        assertEquals(naming + " cannot be opened: it was written by a newer ModelDeploy release (its schema is at"
                + " version " + newer + ", this release knows versions up to " + SchemaMigrations.NEWEST + ") and is"
                + " left untouched. Run that release on it, or restore a backup made with this one.", refused.getMessage());
        try (Connection connection = connect.open()) {
            JsonNode rows = UpgradeFixture.rows(connection);
            UpgradeFixture.assertRowsContained(expected(fixture, UpgradeFixture.ROWS_SNAPSHOT), rows);
            assertEquals(expected(fixture, UpgradeFixture.ROWS_SNAPSHOT).get("flyway_schema_history").size() + 1,
                    rows.get("flyway_schema_history").size(), "no migration ran");
        }
    }

    private Connection h2Connection() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("modeldeploy"), "sa", "");
    }

    private void unpackH2(String fixture) {
        try (InputStream in = new GZIPInputStream(resource(fixture + "/modeldeploy.mv.db.gz"))) {
            Files.copy(in, dataDir.resolve("modeldeploy.mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new PostgreSQL database holding the fixture's dump; its URL with credentials. */
    private static String restoreDump(String fixture) throws SQLException {
        String script;
        try (InputStream in = resource(fixture + "/dump.sql")) {
            // psql's meta-commands (\restrict) are not SQL; everything else runs as one script
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = TestPostgres.shared().createDatabaseWithCredentials();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
        return url;
    }

    private static JsonNode expected(String fixture, String file) {
        return UpgradeFixture.readGzippedJson(resource(fixture + "/" + file));
    }

    private static InputStream resource(String path) {
        return Objects.requireNonNull(UpgradeFixturesTest.class.getResourceAsStream(path), path);
    }

    @FunctionalInterface
    private interface Connect {
        Connection open() throws SQLException;
    }
}
