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
    private final JdbcOperations jdbc;
    private final String textCollation;

    public DeploymentQueries(JdbcOperations jdbc, @Value("${datasources.default.dialect:H2}") Dialect dialect) {
        this.jdbc = jdbc;
        this.textCollation = dialect == Dialect.POSTGRES ? " COLLATE \"C\"" : "";
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
        String marks = String.join(", ", Collections.nCopies(deploymentIds.size(), "?"));
        String sql = "SELECT id, deployment_id, status, status_message, model_provider_id, actor, source, recorded_at FROM ("
                + "SELECT e.*, ROW_NUMBER() OVER (PARTITION BY e.deployment_id ORDER BY e.id DESC) AS newest_rank"
                + " FROM status_event e WHERE e.deployment_id IN (" + marks + ")"
                + ") ranked WHERE newest_rank <= ? ORDER BY deployment_id, id";
        return jdbc.prepareStatement(sql, statement -> {
            List<Object> parameters = new ArrayList<>(deploymentIds);
            parameters.add(perVersion);
            bind(statement, parameters);
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
