package io.modeldeploy.server.persistence;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Brings the database's schema up to date with Flyway when its connection pool is created, before
 * anything uses it. Flyway scans, parses and validates every migration each time it runs (0.2 s
 * of a 1.5 s server start): a database whose migrations all succeeded, the last of them this
 * release's newest ({@link #NEWEST}), is current and is opened without it. A new database, an
 * older one or one with a failed migration goes to Flyway. One that a newer release has migrated
 * further is refused untouched ({@link NewerSchemaException}): this release does not know what
 * those migrations changed, and Flyway would open it silently (it ignores future migrations).
 */
@Singleton
public class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    /** The newest migration's version; {@code SchemaMigrationsTest} fails if a newer one is added and this is not. */
    public static final String NEWEST = "9";
    /** The SQL migrations (shared by H2 and PostgreSQL) and the Java ones (database-specific, see V7). */
    static final String[] LOCATIONS = {"classpath:db/migration", "classpath:io/modeldeploy/server/persistence/migration"};

    private final DataSourceResolver resolver;

    public SchemaMigrations(DataSourceResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // The pool itself: the bean may be Micronaut Data's transaction-aware wrapper, which would
        // look the data source up again (and land here again) for a connection.
        DataSource pool = resolver.resolve(event.getBean());
        if (!isCurrent(pool)) {
            newestApplied(pool).filter(applied -> applied.compareTo(MigrationVersion.fromVersion(NEWEST)) > 0).ifPresent(applied -> {
                throw new NewerSchemaException(applied.getVersion(), NEWEST);
            });
            flyway(pool).migrate();
        }
        return event.getBean();
    }

    /** The newest migration applied to the database, failed or not; empty for a new database. */
    static Optional<MigrationVersion> newestApplied(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasHistory(connection)) {
                return Optional.empty();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet applied = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                         + " WHERE \"version\" IS NOT NULL")) {
                MigrationVersion newest = null;
                while (applied.next()) {
                    MigrationVersion version = MigrationVersion.fromVersion(applied.getString(1));
                    if (newest == null || version.compareTo(newest) > 0) {
                        newest = version;
                    }
                }
                return Optional.ofNullable(newest);
            }
        } catch (SQLException e) {
            return Optional.empty(); // Flyway will say what is wrong
        }
    }

    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATIONS)
                .load();
    }

    /** Whether every migration applied to the database succeeded and the last one is {@link #NEWEST}. */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasHistory(connection)) {
                return false;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet applied = statement.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                         + " ORDER BY \"installed_rank\"")) {
                String last = null;
                while (applied.next()) {
                    if (!applied.getBoolean(2)) {
                        return false;
                    }
                    last = applied.getString(1);
                }
                return NEWEST.equals(last);
            }
        } catch (SQLException e) {
            return false; // Flyway will say what is wrong
        }
    }

    /** Whether Flyway's history table exists (asked, not tried: a failed query leaves a trace file in H2). */
    private static boolean hasHistory(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return tables.next();
        }
    }
}
