package io.modeldeploy.server.bench;

import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.postgres.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The database a compressed year is generated into and the soak's server runs on: the built-in H2
 * file of a data directory, or a new database on PostgreSQL (the tests' embedded server, or
 * MODELDEPLOY_TEST_POSTGRES_URL).
 */
record SoakDatabase(String url, String user, String password, Path h2File) {

    static SoakDatabase h2(Path dataDir) {
        return new SoakDatabase(new ServerOptions("127.0.0.1", 0, dataDir).jdbcUrl(), "sa", "",
                dataDir.resolve("modeldeploy.mv.db"));
    }

    static SoakDatabase newPostgres() {
        TestPostgres postgres = TestPostgres.shared();
        return new SoakDatabase(postgres.createDatabase(), postgres.user(), postgres.password(), null);
    }

    boolean postgres() {
        return h2File == null;
    }

    String label() {
        return postgres() ? "PostgreSQL " + url : "built-in H2 " + h2File;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** What the server's command line adds to use this database. */
    List<String> serverArguments() {
        return postgres() ? List.of("--database-url", url) : List.of();
    }

    /** What the server's environment adds to use this database. */
    Map<String, String> serverEnvironment() {
        return postgres() ? Map.of("DATASOURCES_DEFAULT_USERNAME", user, "DATASOURCES_DEFAULT_PASSWORD", password)
                : Map.of();
    }

    /** The database's size on disk: the H2 file, or PostgreSQL's pg_database_size. */
    long sizeBytes() throws SQLException {
        if (!postgres()) {
            try {
                return Files.size(h2File);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Connection db = connect();
             Statement statement = db.createStatement();
             ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        }
    }

    /** Rows of the event table (on H2 only while no server has the file open). */
    long countEvents() throws SQLException {
        try (Connection db = connect();
             Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM deployment_event")) {
            count.next();
            return count.getLong(1);
        }
    }
}
