package io.modeldeploy.server.service;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.server.persistence.DeploymentEventRepository;
import io.modeldeploy.server.persistence.DeploymentEventRow;
import io.modeldeploy.server.webhooks.WebhookOutbox;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes one event row per change inside the changing transaction, so an event exists exactly
 * when its change was committed; after the commit the broadcaster is told to look.
 */
@Singleton
public class DeploymentEventLog {
    private final DeploymentEventRepository events;
    private final JsonMapper jsonMapper;
    private final ApplicationEventPublisher<EventsCommitted> publisher;
    private final WebhookOutbox webhookOutbox;

    public DeploymentEventLog(DeploymentEventRepository events, JsonMapper jsonMapper,
                              ApplicationEventPublisher<EventsCommitted> publisher, WebhookOutbox webhookOutbox) {
        this.events = events;
        this.jsonMapper = jsonMapper;
        this.publisher = publisher;
        this.webhookOutbox = webhookOutbox;
    }

    /** Must run inside the transaction that made the change. */
    public void record(DeploymentEventType type, ModelDeployment after, Instant at) {
        recordAll(List.of(new Change(type, after, at)));
    }

    /**
     * Records several changes of one transaction, in order. Must run inside that transaction, after
     * its last version lock was taken: the event ids are taken here, and their lock is held until
     * the commit.
     */
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        events.advanceSequence(changes.size());
        long id = events.lastId() - changes.size();
        List<DeploymentEventRow> rows = new ArrayList<>(changes.size());
        List<WebhookOutbox.Change> forWebhooks = new ArrayList<>(changes.size());
        for (Change change : changes) {
            id++;
            ModelDeployment after = change.after();
            DeploymentEvent event = new DeploymentEvent(id, change.type(), after.workspace(), after.name(),
                    after.entityVersion(), change.at(), after);
            rows.add(new DeploymentEventRow(id, change.type().wireName(), after.workspace(), after.name(),
                    after.entityVersion(), change.at(), toJson(event)));
            forWebhooks.add(new WebhookOutbox.Change(id, change.type(), change.previousStatus(), after, change.at()));
        }
        events.saveAll(rows);
        webhookOutbox.enqueue(forWebhooks);
        publisher.publishEvent(EventsCommitted.INSTANCE);
    }

    private String toJson(DeploymentEvent event) {
        try {
            return jsonMapper.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ReadOnly
    public List<DeploymentEventRow> readAfter(long afterId, int limit) {
        return events.findAfter(afterId, limit);
    }

    @ReadOnly
    public long lastId() {
        return events.lastId();
    }

    /** The oldest event still kept; empty when none is. */
    @ReadOnly
    public Optional<Long> oldestId() {
        return events.oldestId();
    }

    /**
     * One change to record: its kind, the version after it (with the history entries it added), when,
     * and the status before it (null for a new version, and for a purge).
     */
    public record Change(DeploymentEventType type, ModelDeployment after, Instant at, DeploymentStatus previousStatus) {
        public Change(DeploymentEventType type, ModelDeployment after, Instant at) {
            this(type, after, at, null);
        }
    }

    /** Published inside a writing transaction; listeners hear it once that transaction commits. */
    public enum EventsCommitted {
        INSTANCE
    }
}
