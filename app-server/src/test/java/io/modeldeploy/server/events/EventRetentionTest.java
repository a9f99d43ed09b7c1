package io.modeldeploy.server.events;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.StreamResync;
import io.modeldeploy.server.service.DeploymentEventPruner;
import io.micronaut.core.type.Argument;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Old events are pruned; a client resuming from before the kept log gets a {@code resync} event
 * (reload, then follow), never a partial replay; one resuming within the kept log is unaffected.
 */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.events.retention", value = "1ms")
class EventRetentionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    DeploymentEventPruner pruner;

    private EventsApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
    }

    @Test
    void resumingFromPrunedEventsGivesAResyncThenLiveEvents() throws Exception {
        String workspace = unique("ws-retention");
        api.create(workspace, "old");
        long before;
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            before = api.heartbeat(stream.nextHeartbeat(WAIT)).lastEventId();
            api.setStatus(workspace, "old", "READY", "first");
            api.setStatus(workspace, "old", "ERROR", "second");
            stream.nextChanges(2, WAIT);
        }
        Thread.sleep(20);
        assertTrue(pruner.prune() >= 3, "the creation and both changes are older than 1 ms");

        try (SseStream resumed = SseStream.open(api.uri(events(workspace)), "Last-Event-ID", Long.toString(before))) {
            SseStream.SseEvent first = resumed.next(WAIT);
            assertEquals("resync", first.name(), first.toString());
            assertEquals(null, first.id(), "a resync does not move the client's Last-Event-ID");
            StreamResync resync = api.read(first.data(), Argument.of(StreamResync.class));
            assertEquals(before + 2, resync.lastEventId());
            assertTrue(resync.reason().contains("no longer kept"), resync.reason());

            api.setStatus(workspace, "old", "READY", "third");
            DeploymentEvent live = api.event(resumed.nextChange(WAIT));
            assertEquals("third", live.deployment().statusMessage());
            assertEquals(before + 3, live.eventId());
        }

        // Resuming from within what is kept replays as ever.
        try (SseStream resumed = SseStream.open(api.uri(events(workspace)), "Last-Event-ID",
                Long.toString(before + 2))) {
            DeploymentEvent replayed = api.event(resumed.nextChange(WAIT));
            assertEquals("third", replayed.deployment().statusMessage());
        }
    }
}
