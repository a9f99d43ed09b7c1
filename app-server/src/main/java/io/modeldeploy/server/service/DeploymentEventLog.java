package io.modeldeploy.server.service;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.server.persistence.DeploymentEventRepository;
import io.modeldeploy.server.persistence.DeploymentEventRow;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes one event row per change inside the changing transaction, so an event exists exactly
 * when its change was committed; after the commit the broadcaster is told to look.
 */
@Singleton
public class DeploymentEventLog {
    private final DeploymentEventRepository events;
    private final JsonMapper jsonMapper;
    private final ApplicationEventPublisher<EventsCommitted> publisher;

    public DeploymentEventLog(DeploymentEventRepository events, JsonMapper jsonMapper,
                              ApplicationEventPublisher<EventsCommitted> publisher) {
        this.events = events;
        this.jsonMapper = jsonMapper;
        this.publisher = publisher;
    }

    /** Must run inside the transaction that made the change. */
    public void record(DeploymentEventType type, ModelDeployment after, Instant at) {
        events.advanceSequence();
        long id = events.lastId();
        DeploymentEvent event = new DeploymentEvent(id, type, after.workspace(), after.name(), after.entityVersion(),
                at, after);
        String payload;
        try {
            payload = jsonMapper.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.save(new DeploymentEventRow(id, type.wireName(), after.workspace(), after.name(), after.entityVersion(),
                at, payload));
        publisher.publishEvent(EventsCommitted.INSTANCE);
    }

    @ReadOnly
    public List<DeploymentEventRow> readAfter(long afterId, int limit) {
        return events.findAfter(afterId, limit);
    }

    @ReadOnly
    public long lastId() {
        return events.lastId();
    }

    /** Published inside a writing transaction; listeners hear it once that transaction commits. */
    public enum EventsCommitted {
        INSTANCE
    }
}
