package io.modeldeploy.server.persistence;

import io.modeldeploy.model.DeploymentStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list query over deployment versions: conditions (each a SQL fragment with its parameters),
 * the sort and the page. Built by the API layer from validated input only: column names come
 * from a fixed set, values are always bound parameters.
 */
public final class DeploymentQuery {

    public enum Column {
        WORKSPACE("workspace"), NAME("name"), PROJECT("project"), CONFIG("config"), STATUS("status"),
        STATUS_MESSAGE("status_message"), MODEL_PROVIDER_ID("model_provider_id"),
        CREATED_AT("created_at"), UPDATED_AT("updated_at"), STATUS_SINCE("status_since");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    record Condition(String sql, List<Object> parameters) {
    }

    public record Sort(Column column, boolean descending) {
    }

    private final List<Condition> conditions = new ArrayList<>();
    private boolean latestOnly = true;
    private Sort sort = new Sort(Column.CREATED_AT, false);

    public DeploymentQuery latestOnly(boolean value) {
        this.latestOnly = value;
        return this;
    }

    public DeploymentQuery sort(Sort value) {
        this.sort = value;
        return this;
    }

    public DeploymentQuery equalTo(Column column, Object value) {
        conditions.add(new Condition("d." + column.sql + " = ?", List.of(value)));
        return this;
    }

    /**
     * {@code $like} as NeMo's store matches it: ignoring case; a pattern without {@code %} or
     * {@code _} matches anywhere in the value (as {@code %pattern%}), one with them as SQL LIKE
     * ({@code \\} escapes). Both sides are lowered by the database, so H2 and PostgreSQL agree.
     */
    public DeploymentQuery like(Column column, String pattern) {
        String matching = pattern.contains("%") || pattern.contains("_") ? pattern : "%" + pattern + "%";
        conditions.add(new Condition("LOWER(d." + column.sql + ") LIKE LOWER(?) ESCAPE '\\'", List.of(matching)));
        return this;
    }

    public DeploymentQuery in(Column column, List<?> values, boolean negate) {
        if (values.isEmpty()) {
            conditions.add(new Condition(negate ? "TRUE" : "FALSE", List.of()));
            return this;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
        String sql = negate
                ? "(d." + column.sql + " IS NULL OR d." + column.sql + " NOT IN (" + marks + "))"
                : "d." + column.sql + " IN (" + marks + ")";
        conditions.add(new Condition(sql, List.copyOf(values)));
        return this;
    }

    public DeploymentQuery atLeast(Column column, Instant value) {
        conditions.add(new Condition("d." + column.sql + " >= ?", List.of(value)));
        return this;
    }

    public DeploymentQuery atMost(Column column, Instant value) {
        conditions.add(new Condition("d." + column.sql + " <= ?", List.of(value)));
        return this;
    }

    /**
     * Versions in one of the {@code always} statuses, or in a status of {@code inStatusSinceBefore}
     * since before the time it gives for that status.
     */
    public DeploymentQuery needsAttention(Set<DeploymentStatus> always, Map<DeploymentStatus, Instant> inStatusSinceBefore) {
        List<String> alternatives = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!always.isEmpty()) {
            alternatives.add("d.status IN (" + String.join(", ", java.util.Collections.nCopies(always.size(), "?")) + ")");
            parameters.addAll(always);
        }
        inStatusSinceBefore.forEach((status, before) -> {
            alternatives.add("(d.status = ? AND d.status_since < ?)");
            parameters.add(status);
            parameters.add(before);
        });
        conditions.add(alternatives.isEmpty() ? new Condition("FALSE", List.of())
                : new Condition("(" + String.join(" OR ", alternatives) + ")", parameters));
        return this;
    }

    String whereClause() {
        List<String> parts = new ArrayList<>();
        if (latestOnly) {
            parts.add("d.entity_version = (SELECT MAX(m.entity_version) FROM deployment_version m"
                    + " WHERE m.workspace = d.workspace AND m.name = d.name)");
        }
        conditions.forEach(c -> parts.add(c.sql()));
        return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
    }

    List<Object> parameters() {
        List<Object> parameters = new ArrayList<>();
        conditions.forEach(c -> parameters.addAll(c.parameters()));
        return parameters;
    }

    /**
     * @param textCollation appended to every text column, so that text sorts by code point on
     *                      every database (H2 does so by default; PostgreSQL needs COLLATE "C",
     *                      else it sorts by the database's locale)
     */
    String orderByClause(String textCollation) {
        String direction = sort.descending() ? " DESC" : " ASC";
        boolean timestamp = sort.column() == Column.CREATED_AT || sort.column() == Column.UPDATED_AT
                || sort.column() == Column.STATUS_SINCE;
        return " ORDER BY d." + sort.column().sql + (timestamp ? "" : textCollation) + direction
                + ", d.workspace" + textCollation + direction + ", d.name" + textCollation + direction
                + ", d.entity_version" + direction;
    }
}
