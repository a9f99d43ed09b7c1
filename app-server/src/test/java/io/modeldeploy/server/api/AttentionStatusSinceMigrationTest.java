package io.modeldeploy.server.api;

import io.modeldeploy.server.postgres.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migration that adds {@code status_since} fills it for the versions a database already holds,
 * from their history: the first entry after the newest one in another status. On H2, and on
 * PostgreSQL in the api-on-postgresql run.
 */
class AttentionStatusSinceMigrationTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void existingVersionsGetWhenTheirCurrentStatusBegan() throws SQLException {
        boolean postgres = "postgres".equals(System.getProperty("modeldeploy.test.database"));
        String url = postgres ? TestPostgres.shared().createDatabase()
                : "jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String user = postgres ? TestPostgres.shared().user() : "sa";
        String password = postgres ? TestPostgres.shared().password() : "";
        Flyway.configure().dataSource(url, user, password).target(MigrationVersion.fromVersion("4")).load().migrate();

        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            // READY since its first READY entry; the later READY entry only changed the message.
            version(connection, "ready", "READY", 0, 3);
            history(connection, "ready", "CREATED", 0);
            history(connection, "ready", "PENDING", 1);
            history(connection, "ready", "READY", 2);
            history(connection, "ready", "READY", 3);
            // READY again after an ERROR: since the second READY.
            version(connection, "flapped", "READY", 0, 3);
            history(connection, "flapped", "CREATED", 0);
            history(connection, "flapped", "READY", 1);
            history(connection, "flapped", "ERROR", 2);
            history(connection, "flapped", "READY", 3);
            // Never changed: since its only entry.
            version(connection, "created", "CREATED", 5, 5);
            history(connection, "created", "CREATED", 5);
            // No history at all: since its creation.
            version(connection, "bare", "LOST", 7, 9);

            Flyway.configure().dataSource(url, user, password).load().migrate();

            Map<String, Instant> since = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, status_since FROM deployment_version");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    since.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            assertEquals(Map.of("ready", at(2), "flapped", at(3), "created", at(5), "bare", at(7)), since);
        }
    }

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static void version(Connection connection, String id, String status, int createdAt, int updatedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO deployment_version (id, workspace, name, entity_version, config, config_version,
                    status, status_message, created_by, created_at, updated_at)
                VALUES (?, 'default', ?, 1, 'cfg', 1, ?, '', 'admin', ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setString(3, status);
            insert.setObject(4, at(createdAt).atOffset(ZoneOffset.UTC));
            insert.setObject(5, at(updatedAt).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private static void history(Connection connection, String id, String status, int minutes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO status_event (deployment_id, status, status_message, actor, source, recorded_at)
                VALUES (?, ?, ?, 'admin', 'api', ?)""")) {
            insert.setString(1, id);
            insert.setString(2, status);
            insert.setString(3, status + " at " + minutes);
            insert.setObject(4, at(minutes).atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
