package io.modeldeploy.server.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The queries whose shape depends on the request: filtered lists and histories of many versions. */
@Singleton
public class DeploymentQueries {
    /** Versions per query of their newest history entries: one indexed read each, joined by UNION ALL. */
    private static final int NEWEST_EVENTS_CHUNK = 100;
    private static final String HISTORY_COLUMNS = "id, deployment_id, status, status_message, model_provider_id, actor,"
            + " source, recorded_at";
    private final JdbcOperations jdbc;
    private final String textCollation;
    /**
     * The history of one version in order. H2 would read it by the foreign key's index on
     * deployment_id alone and sort all of it for every page (40 ms for a history of 30,000, whatever
     * the page); told the (deployment_id, id) index and ordered by both its columns, it reads the
     * page in the index's order and stops after it (under 1 ms). PostgreSQL plans this itself (and
     * has no such hint).
     */
    private final String historyOfOneVersion;

    public DeploymentQueries(JdbcOperations jdbc, @Value("${datasources.default.dialect:H2}") Dialect dialect) {
        this.jdbc = jdbc;
        this.textCollation = dialect == Dialect.POSTGRES ? " COLLATE \"C\"" : "";
        this.historyOfOneVersion = "SELECT " + HISTORY_COLUMNS + " FROM status_event"
                + (dialect == Dialect.POSTGRES ? "" : " USE INDEX (status_event_history)") + " WHERE deployment_id = ?";
    }

    /** One page of a version's history, oldest first. */
    @ReadOnly
    public List<StatusEventRow> historyPage(String deploymentId, long offset, int limit) {
        return history(historyOfOneVersion + " ORDER BY deployment_id, id LIMIT ? OFFSET ?",
                List.of(deploymentId, limit, offset));
    }

    /** A version's newest {@code limit} history entries, newest first. */
    @ReadOnly
    public List<StatusEventRow> newestHistory(String deploymentId, int limit) {
        return history(historyOfOneVersion + " ORDER BY deployment_id DESC, id DESC LIMIT ?", List.of(deploymentId, limit));
    }

    private List<StatusEventRow> history(String sql, List<Object> parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<StatusEventRow> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(jdbc.readEntity(rs, StatusEventRow.class));
                }
            }
            return entries;
        });
    }

    @ReadOnly
    public long count(DeploymentQuery query) {
        String sql = "SELECT COUNT(*) FROM deployment_version d" + query.whereClause();
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, query.parameters());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @ReadOnly
    public List<DeploymentVersionRow> find(DeploymentQuery query, long offset, int limit) {
        List<Object> parameters = new ArrayList<>(query.parameters());
        parameters.add(limit);
        parameters.add(offset);
        return select(query.whereClause() + query.orderByClause(textCollation) + " LIMIT ? OFFSET ?", parameters);
    }

    /** Every version the query selects, in its order. */
    @ReadOnly
    public List<DeploymentVersionRow> findAll(DeploymentQuery query) {
        return select(query.whereClause() + query.orderByClause(textCollation), query.parameters());
    }

    private List<DeploymentVersionRow> select(String whereAndOrder, List<Object> parameters) {
        String sql = "SELECT d.* FROM deployment_version d" + whereAndOrder;
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                List<DeploymentVersionRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(jdbc.readEntity(rs, DeploymentVersionRow.class));
                }
                return rows;
            }
        });
    }

    /** The newest {@code perVersion} history entries of each version, oldest first per version. */
    @ReadOnly
    public Map<String, List<StatusEventRow>> newestEvents(Collection<String> deploymentIds, int perVersion) {
        if (deploymentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<StatusEventRow>> byVersion = new LinkedHashMap<>();
        List<String> ids = List.copyOf(deploymentIds);
        for (int from = 0; from < ids.size(); from += NEWEST_EVENTS_CHUNK) {
            byVersion.putAll(newestEventsOf(ids.subList(from, Math.min(ids.size(), from + NEWEST_EVENTS_CHUNK)),
                    perVersion));
        }
        return byVersion;
    }

    /**
     * One query per chunk: each version's newest entries read backwards on its (deployment_id, id)
     * index and cut at {@code perVersion}, so the cost follows the page, not the length of the
     * histories (a window function over whole histories read 71,000 rows to return 100 for a long one).
     */
    private Map<String, List<StatusEventRow>> newestEventsOf(List<String> deploymentIds, int perVersion) {
        String one = "(" + historyOfOneVersion + " ORDER BY deployment_id DESC, id DESC FETCH FIRST " + perVersion
                + " ROWS ONLY)";
        String sql = "SELECT * FROM (" + String.join(" UNION ALL ", Collections.nCopies(deploymentIds.size(), one))
                + ") newest ORDER BY deployment_id, id";
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, new ArrayList<>(deploymentIds));
            Map<String, List<StatusEventRow>> byVersion = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    StatusEventRow event = jdbc.readEntity(rs, StatusEventRow.class);
                    byVersion.computeIfAbsent(event.deploymentId(), id -> new ArrayList<>()).add(event);
                }
            }
            return byVersion;
        });
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
