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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The migration that records the model provider with each history entry gives the entries a database
 * already holds their version's current reference. On H2, and on PostgreSQL in the api-on-postgresql run.
 */
class HistoryExportMigrationTest {

    @Test
    void existingEntriesTakeTheirVersionsModelProvider() throws SQLException {
        boolean postgres = "postgres".equals(System.getProperty("modeldeploy.test.database"));
        String url = postgres ? TestPostgres.shared().createDatabase()
                : "jdbc:h2:mem:provider-backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String user = postgres ? TestPostgres.shared().user() : "sa";
        String password = postgres ? TestPostgres.shared().password() : "";
        migrate(url, user, password, MigrationVersion.fromVersion("7"));

        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            execute(connection, """
                    INSERT INTO deployment_version (id, workspace, name, entity_version, config, config_version, status,
                        status_message, model_provider_id, created_by, created_at, updated_at, status_since)
                    VALUES ('served', 'default', 'served', 1, 'cfg', 1, 'READY', '', 'default/served', 'admin',
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
                           ('bare', 'default', 'bare', 1, 'cfg', 1, 'CREATED', '', NULL, 'admin',
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
            execute(connection, """
                    INSERT INTO status_event (deployment_id, status, status_message, actor, source, recorded_at)
                    VALUES ('served', 'CREATED', 'served-1', 'admin', 'api', CURRENT_TIMESTAMP),
                           ('served', 'READY', 'served-2', 'admin', 'api', CURRENT_TIMESTAMP),
                           ('bare', 'CREATED', 'bare-1', 'admin', 'api', CURRENT_TIMESTAMP)""");

            migrate(url, user, password, MigrationVersion.LATEST);

            Map<String, String> providers = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT status_message, model_provider_id FROM status_event");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    providers.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, String> expected = new HashMap<>();
            expected.put("served-1", "default/served");
            expected.put("served-2", "default/served");
            expected.put("bare-1", null);
            assertEquals(expected, providers);
        }
    }

    private static void migrate(String url, String user, String password, MigrationVersion target) {
        Flyway.configure().dataSource(url, user, password).target(target)
                .locations("classpath:db/migration", "classpath:io/modeldeploy/server/persistence/migration")
                .load().migrate();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
