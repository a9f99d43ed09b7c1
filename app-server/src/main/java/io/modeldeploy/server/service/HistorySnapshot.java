package io.modeldeploy.server.service;

import io.modeldeploy.server.persistence.DeploymentVersionRow;
import io.modeldeploy.server.persistence.StatusEventRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest history entries (oldest first) of one version as of its {@code updated_at}. Every
 * change that appends history also advances {@code updated_at}, so a snapshot whose time still
 * equals the locked row's is that row's current history: a change can then answer without
 * reading it again.
 */
public record HistorySnapshot(String versionId, Instant updatedAt, List<StatusEventRow> newest) {

    boolean isCurrentFor(DeploymentVersionRow row) {
        return versionId.equals(row.id()) && updatedAt.equals(row.updatedAt());
    }

    /** The snapshot after a change that moved the version to {@code updatedAt} and appended {@code added}. */
    HistorySnapshot plus(Instant newUpdatedAt, List<StatusEventRow> added, int window) {
        if (added.isEmpty()) {
            return new HistorySnapshot(versionId, newUpdatedAt, newest);
        }
        List<StatusEventRow> all = new ArrayList<>(newest.size() + added.size());
        all.addAll(newest);
        all.addAll(added);
        return new HistorySnapshot(versionId, newUpdatedAt,
                List.copyOf(all.subList(Math.max(0, all.size() - window), all.size())));
    }
}
