package io.modeldeploy.gui.api;

import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which status-history entries of the fleet to export: those of {@code workspace} ({@code "-"}: every
 * workspace) recorded at or after {@code since} and before {@code until}, in one of {@code statuses}
 * (empty: any status).
 */
public record HistoryExportQuery(String workspace, Instant since, Instant until, Set<DeploymentStatus> statuses) {

    public HistoryExportQuery {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (since.isAfter(until)) {
            throw new IllegalArgumentException("since must not be after until");
        }
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** True when {@code workspace} is {@code "-"}: every workspace. */
    public boolean allWorkspaces() {
        return ApiLimits.ALL_WORKSPACES.equals(workspace);
    }

    /** Whether an entry of {@code status} at {@code timestamp} in {@code entryWorkspace} belongs to the export. */
    public boolean matches(String entryWorkspace, Instant timestamp, DeploymentStatus status) {
        return (allWorkspaces() || workspace.equals(entryWorkspace))
                && timestamp != null && !timestamp.isBefore(since) && timestamp.isBefore(until)
                && (statuses.isEmpty() || statuses.contains(status));
    }

    /** The query string of {@code GET /apis/modeldeploy/v1/history-export} (statuses comma-separated, in enum order). */
    String queryString() {
        StringBuilder query = new StringBuilder("?workspace=").append(encode(workspace))
                .append("&since=").append(encode(since.toString()))
                .append("&until=").append(encode(until.toString()));
        if (!statuses.isEmpty()) {
            query.append("&status=").append(encode(EnumSet.copyOf(statuses).stream().map(Enum::name)
                    .collect(Collectors.joining(","))));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
