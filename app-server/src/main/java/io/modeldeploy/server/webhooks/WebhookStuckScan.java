package io.modeldeploy.server.webhooks;

import io.micronaut.scheduling.annotation.Scheduled;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.server.persistence.DeploymentQueries;
import io.modeldeploy.server.persistence.DeploymentQuery;
import io.modeldeploy.server.persistence.DeploymentVersionRow;
import io.modeldeploy.server.service.DeploymentService;
import io.modeldeploy.server.service.StuckLimits;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the latest versions that became stuck (longer in their status than the server's stuck limit,
 * as the attention list counts it) and owes each endpoint with {@code "stuck": true} one notice per
 * version and status_since. Every instance scans; the outbox's unique key keeps it to one notice.
 * Only versions that became stuck within the last day are looked at, well inside the outbox's
 * retention, so a version stuck for weeks is not reported again once its notice is pruned.
 */
@Singleton
public class WebhookStuckScan {
    static final Duration LOOK_BACK = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookStuckScan.class);

    private final WebhookEndpoints endpoints;
    private final WebhookOutbox outbox;
    private final DeploymentQueries queries;
    private final StuckLimits limits;
    private final Clock clock;

    public WebhookStuckScan(WebhookEndpoints endpoints, WebhookOutbox outbox, DeploymentQueries queries,
                            StuckLimits limits, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.queries = queries;
        this.limits = limits;
        this.clock = clock;
    }

    @Scheduled(initialDelay = "${modeldeploy.webhook-delivery.stuck-scan-interval:30s}",
            fixedDelay = "${modeldeploy.webhook-delivery.stuck-scan-interval:30s}")
    void scheduledScan() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warn("Webhooks: looking for stuck deployments failed; trying again later: {}", e.getMessage());
        }
    }

    /** One scan; how many notices it enqueued. */
    public int scan() {
        if (endpoints.all().stream().noneMatch(WebhookEndpoint::stuck)) {
            return 0;
        }
        Instant now = clock.instant();
        int enqueued = 0;
        for (Map.Entry<DeploymentStatus, Duration> limit : limits.limits().entrySet()) {
            if (limit.getKey() == DeploymentStatus.ERROR || limit.getKey() == DeploymentStatus.LOST) {
                continue; // always needing attention, never "stuck" (as in the attention list)
            }
            Instant stuckIfSinceBefore = now.minus(limit.getValue());
            List<DeploymentVersionRow> stuck = queries.findAll(new DeploymentQuery()
                    .latestOnly(true)
                    .needsAttention(Set.of(), Map.of(limit.getKey(), stuckIfSinceBefore))
                    .atLeast(DeploymentQuery.Column.STATUS_SINCE, stuckIfSinceBefore.minus(LOOK_BACK)));
            for (DeploymentVersionRow row : stuck) {
                enqueued += outbox.enqueueStuck(DeploymentService.toResource(row, List.of()), limit.getValue(), now);
            }
        }
        return enqueued;
    }
}
