package io.modeldeploy.server.persistence;

import io.micronaut.core.annotation.Nullable;
import io.modeldeploy.model.DeploymentStatus;

import java.time.Instant;
import java.util.Set;

/**
 * Which history entries an export holds: those of one version ({@code versionId}, in the order
 * applied), or of the fleet in time order, narrowed by workspace, time ({@code since} inclusive,
 * {@code until} exclusive) and status (empty: every status). {@code lastEntryId} is the newest entry
 * when the export began: entries recorded while it streams are not in it, so it always ends.
 */
public record HistoryExportFilter(@Nullable String versionId, @Nullable String workspace, @Nullable Instant since,
                                  @Nullable Instant until, Set<DeploymentStatus> statuses, long lastEntryId) {

    public static HistoryExportFilter version(String versionId, long lastEntryId) {
        return new HistoryExportFilter(versionId, null, null, null, Set.of(), lastEntryId);
    }

    public static HistoryExportFilter fleet(@Nullable String workspace, @Nullable Instant since, @Nullable Instant until,
                                            Set<DeploymentStatus> statuses, long lastEntryId) {
        return new HistoryExportFilter(null, workspace, since, until, Set.copyOf(statuses), lastEntryId);
    }
}
