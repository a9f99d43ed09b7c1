package io.modeldeploy.server.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.HistoryExportEntry;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The history export's reads: one page at a time, each in a short transaction of its own, after the
 * last entry of the page before (keyset pagination: each page is one index range, however far into
 * the history it is, and no connection is held between pages).
 */
@Singleton
public class HistoryExportQueries {
    private static final String COLUMNS = "SELECT e.id, e.recorded_at, e.status, e.status_message, e.model_provider_id,"
            + " e.actor, e.source, d.workspace, d.name, d.entity_version FROM status_event e";
    private static final String JOIN = " JOIN deployment_version d ON d.id = e.deployment_id";

    private final JdbcOperations jdbc;
    /** Whether the database is H2, asked of the first connection (null until then). */
    private volatile Boolean h2;

    public HistoryExportQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * H2 would read the range of {@code e.id <= ?} by the primary key and sort all of it for every
     * page; told the index, it reads the page in the index's order and stops after it. PostgreSQL
     * plans this itself (and has no such hint).
     */
    private String from(String index) {
        if (h2 == null) {
            try {
                h2 = jdbc.getConnection().getMetaData().getDatabaseProductName().equals("H2");
            } catch (SQLException e) {
                throw new DataAccessException("cannot tell which database this is", e);
            }
        }
        return COLUMNS + (h2 ? " USE INDEX (" + index + ")" : "") + JOIN;
    }

    /** The id of the newest history entry (0 when there is none). */
    @ReadOnly
    public long lastEntryId() {
        return jdbc.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM status_event", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Up to {@code limit} entries the filter selects after {@code after} (from the first when null):
     * a version's in id order (the order applied), the fleet's by time, then id.
     */
    @ReadOnly
    public List<HistoryExportRow> page(HistoryExportFilter filter, @Nullable HistoryExportRow after, int limit) {
        StringBuilder sql = new StringBuilder(from(filter.versionId() != null ? "status_event_history"
                : "status_event_by_time")).append(" WHERE e.id <= ?");
        List<Object> parameters = new ArrayList<>(List.of(filter.lastEntryId()));
        if (filter.versionId() != null) {
            sql.append(" AND e.deployment_id = ?");
            parameters.add(filter.versionId());
            if (after != null) {
                sql.append(" AND e.id > ?");
                parameters.add(after.id());
            }
        } else {
            if (filter.workspace() != null) {
                sql.append(" AND d.workspace = ?");
                parameters.add(filter.workspace());
            }
            if (filter.since() != null) {
                sql.append(" AND e.recorded_at >= ?");
                parameters.add(filter.since());
            }
            if (filter.until() != null) {
                sql.append(" AND e.recorded_at < ?");
                parameters.add(filter.until());
            }
            if (!filter.statuses().isEmpty()) {
                sql.append(" AND e.status IN (").append(String.join(", ", Collections.nCopies(filter.statuses().size(), "?")))
                        .append(')');
                filter.statuses().stream().map(DeploymentStatus::name).sorted().forEach(parameters::add);
            }
            if (after != null) {
                // (recorded_at, id) > (t, id) written so that the first condition is a plain index range
                sql.append(" AND e.recorded_at >= ? AND (e.recorded_at > ? OR e.id > ?)");
                Instant at = after.entry().timestamp();
                parameters.addAll(List.of(at, at, after.id()));
            }
        }
        // the order of the index read: deployment_id is one value for a version's history
        sql.append(filter.versionId() != null ? " ORDER BY e.deployment_id, e.id" : " ORDER BY e.recorded_at, e.id")
                .append(" LIMIT ?");
        parameters.add(limit);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            bind(statement, parameters);
            List<HistoryExportRow> rows = new ArrayList<>(limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        });
    }

    private static HistoryExportRow read(ResultSet rs) throws SQLException {
        HistoryExportEntry entry = new HistoryExportEntry(rs.getString("workspace"), rs.getString("name"),
                rs.getInt("entity_version"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                DeploymentStatus.valueOf(rs.getString("status")), rs.getString("status_message"),
                rs.getString("model_provider_id"), rs.getString("actor"),
                ChangeSource.fromWireName(rs.getString("source")));
        return new HistoryExportRow(rs.getLong("id"), entry);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
