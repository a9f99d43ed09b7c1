package io.modeldeploy.server.service;

import io.micronaut.transaction.annotation.ReadOnly;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.AttentionItem;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.server.persistence.DeploymentQueries;
import io.modeldeploy.server.persistence.DeploymentQuery;
import io.modeldeploy.server.persistence.DeploymentVersionRow;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What needs attention, computed by the server so every client sees the same: the latest version
 * of a deployment in ERROR or LOST, or longer in its status than that status's stuck limit.
 */
@Singleton
public class AttentionService {
    private static final Set<DeploymentStatus> ALWAYS = EnumSet.of(DeploymentStatus.ERROR, DeploymentStatus.LOST);

    private final DeploymentQueries queries;
    private final StuckLimits limits;
    private final Clock clock;

    public AttentionService(DeploymentQueries queries, StuckLimits limits, Clock clock) {
        this.queries = queries;
        this.limits = limits;
        this.clock = clock;
    }

    /** Restricts a list query to the latest versions that need attention now. */
    public DeploymentQuery restrict(DeploymentQuery query) {
        Instant now = clock.instant();
        Map<DeploymentStatus, Instant> stuckIfSinceBefore = new EnumMap<>(DeploymentStatus.class);
        limits.limits().forEach((status, limit) -> {
            if (!ALWAYS.contains(status)) {
                stuckIfSinceBefore.put(status, now.minus(limit));
            }
        });
        return query.latestOnly(true).needsAttention(ALWAYS, stuckIfSinceBefore);
    }

    /** Everything that needs attention in a workspace ({@code -}: in all), longest waiting first. */
    @ReadOnly
    public AttentionList list(String workspace) {
        DeploymentQuery query = restrict(new DeploymentQuery())
                .sort(new DeploymentQuery.Sort(DeploymentQuery.Column.STATUS_SINCE, false));
        if (!ApiLimits.ALL_WORKSPACES.equals(workspace)) {
            query.equalTo(DeploymentQuery.Column.WORKSPACE, workspace);
        }
        List<AttentionItem> items = queries.findAll(query).stream().map(AttentionService::item).toList();
        return new AttentionList(items, limits.inSeconds());
    }

    private static AttentionItem item(DeploymentVersionRow row) {
        AttentionReason reason = switch (row.status()) {
            case ERROR -> AttentionReason.ERROR;
            case LOST -> AttentionReason.LOST;
            default -> AttentionReason.STUCK;
        };
        return new AttentionItem(reason, row.status(), row.statusSince(), DeploymentService.toResource(row, List.of()));
    }
}
