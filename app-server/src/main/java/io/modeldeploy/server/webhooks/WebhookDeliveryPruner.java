package io.modeldeploy.server.webhooks;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes deliveries older than {@code modeldeploy.webhook-delivery.retention} (default 7 days),
 * hourly and in small transactions, whatever became of them: by then a delivery is long delivered or
 * given up (retries end within hours), or its endpoint is no longer configured.
 */
@Singleton
public class WebhookDeliveryPruner {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryPruner.class);
    private static final int BATCH = 10_000;

    private final WebhookDeliveryTable table;
    private final Clock clock;
    private final Duration retention;

    public WebhookDeliveryPruner(WebhookDeliveryTable table, Clock clock,
                                 @Value("${modeldeploy.webhook-delivery.retention:7d}") Duration retention) {
        if (retention.compareTo(WebhookStuckScan.LOOK_BACK) <= 0) {
            throw new IllegalArgumentException("modeldeploy.webhook-delivery.retention must be longer than "
                    + WebhookStuckScan.LOOK_BACK + ", was " + retention);
        }
        this.table = table;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelay = "${modeldeploy.webhook-delivery.prune-interval:1h}",
            fixedDelay = "${modeldeploy.webhook-delivery.prune-interval:1h}")
    void scheduledPrune() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("Pruning old webhook deliveries failed; trying again later: {}", e.getMessage());
        }
    }

    /** Deletes the deliveries older than the retention; returns how many. */
    public long prune() {
        long deleted = 0;
        int batch;
        do {
            batch = table.deleteCreatedBefore(clock.instant().minus(retention), BATCH);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            LOG.info("Pruned {} webhook deliveries older than {}", deleted, retention);
        }
        return deleted;
    }
}
