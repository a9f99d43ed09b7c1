package io.modeldeploy.server.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.modeldeploy.server.persistence.DeploymentEventRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Deletes events older than {@code modeldeploy.events.retention} (default 7 days), hourly and in
 * small transactions. The event log only serves clients that resume a stream; a client asking for
 * events older than that gets a {@code resync} event and reloads (see the broadcaster). Every
 * instance on a shared database runs this; deleting what another already deleted is a no-op.
 */
@Singleton
public class DeploymentEventPruner {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentEventPruner.class);
    private static final long BATCH = 10_000;

    private final DeploymentEventRepository events;
    private final Clock clock;
    private final Duration retention;

    public DeploymentEventPruner(DeploymentEventRepository events, Clock clock,
                                 @Value("${modeldeploy.events.retention:7d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("modeldeploy.events.retention must be positive, was " + retention);
        }
        this.events = events;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelay = "${modeldeploy.events.prune-interval:1h}",
            fixedDelay = "${modeldeploy.events.prune-interval:1h}")
    void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("Pruning old deployment events failed; trying again later: {}", e.getMessage());
        }
    }

    /** Deletes the events older than the retention; returns how many. */
    public long prune() {
        Optional<Long> newestOldEvent = events.newestIdBefore(clock.instant().minus(retention));
        Optional<Long> oldestEvent = events.oldestId();
        if (newestOldEvent.isEmpty() || oldestEvent.isEmpty()) {
            return 0;
        }
        long newestOld = newestOldEvent.get();
        long oldest = oldestEvent.get();
        long deleted = 0;
        for (long from = oldest; from <= newestOld; from += BATCH) {
            deleted += events.deleteRange(from, Math.min(newestOld, from + BATCH - 1));
        }
        if (deleted > 0) {
            LOG.info("Pruned {} deployment events older than {}", deleted, retention);
        }
        return deleted;
    }
}
