package io.modeldeploy.server.persistence.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * On PostgreSQL, a trigram index for {@code filter[name][$like]} (case-insensitive, usually
 * {@code %text%}: {@code LOWER(name) LIKE LOWER(?)}), which no B-tree serves. It needs the
 * {@code pg_trgm} extension, which a database owner may create (it is trusted since PostgreSQL 13)
 * but a team's database may forbid: then the list scans the table, as on H2, and the server says so
 * once. A Java migration because the SQL ones are shared with H2 and this must not fail the start.
 */
public class V7__LikeTrigramIndex extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V7__LikeTrigramIndex.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            statement.execute("CREATE INDEX deployment_version_name_trigrams ON deployment_version"
                    + " USING gin (LOWER(name) gin_trgm_ops)");
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            connection.rollback(before);
            LOG.warn("No trigram index for $like filters on names: the extension pg_trgm cannot be created here ({}). "
                    + "Such lists scan the deployments (tens of milliseconds per 10,000). An administrator can add "
                    + "it: CREATE EXTENSION pg_trgm; CREATE INDEX deployment_version_name_trigrams ON "
                    + "deployment_version USING gin (LOWER(name) gin_trgm_ops);", e.getMessage());
        }
    }
}
