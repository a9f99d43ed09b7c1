package io.modeldeploy.server.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigrationsTest {

    private static JdbcDataSource newDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Test
    void newestIsTheNewestMigrationThereIs() {
        MigrationInfo[] all = SchemaMigrations.flyway(newDatabase()).info().all();
        MigrationVersion newest = Arrays.stream(all).map(MigrationInfo::getVersion).max(MigrationVersion::compareTo)
                .orElseThrow();
        assertEquals(newest.getVersion(), SchemaMigrations.NEWEST,
                "a migration was added: set SchemaMigrations.NEWEST to its version");
    }

    @Test
    void aNewDatabaseIsNotCurrentAndIsCurrentOnceMigrated() {
        JdbcDataSource database = newDatabase();
        assertFalse(SchemaMigrations.isCurrent(database));
        SchemaMigrations.flyway(database).migrate();
        assertTrue(SchemaMigrations.isCurrent(database));
    }

    @Test
    void anOlderDatabaseIsNotCurrent() {
        JdbcDataSource database = newDatabase();
        Flyway.configure().dataSource(database).locations(SchemaMigrations.LOCATIONS)
                .target(MigrationVersion.fromVersion("8")).load().migrate();
        assertFalse(SchemaMigrations.isCurrent(database));
        SchemaMigrations.flyway(database).migrate();
        assertTrue(SchemaMigrations.isCurrent(database));
    }

    @Test
    void aFailedMigrationIsNotCurrent() throws SQLException {
        JdbcDataSource database = newDatabase();
        SchemaMigrations.flyway(database).migrate();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '5'");
        }
        assertFalse(SchemaMigrations.isCurrent(database));
    }

    @Test
    void aDatabaseOfANewerReleaseIsNotCurrent() throws SQLException {
        JdbcDataSource database = newDatabase();
        SchemaMigrations.flyway(database).migrate();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (100, '99', 'later', 'SQL', 'V99__later.sql', 0, 'sa', 0, TRUE)");
        }
        assertFalse(SchemaMigrations.isCurrent(database));
    }

    @Test
    void theNewestAppliedVersionIsComparedAsAVersionNotAsText() throws SQLException {
        JdbcDataSource database = newDatabase();
        assertEquals(Optional.empty(), SchemaMigrations.newestApplied(database), "a new database");
        SchemaMigrations.flyway(database).migrate();
        assertEquals(SchemaMigrations.NEWEST, SchemaMigrations.newestApplied(database).orElseThrow().getVersion());
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (100, '10', 'later', 'SQL', 'V10__later.sql', 0, 'sa', 0, FALSE)");
        }
        assertEquals("10", SchemaMigrations.newestApplied(database).orElseThrow().getVersion(),
                "10 is newer than 9, and a failed newer migration counts too");
    }
}
