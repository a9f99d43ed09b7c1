package io.modeldeploy.server.events;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.StreamHeartbeat;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.modeldeploy.server.events.EventsApi.DEFAULT;
import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heartbeats: first on connect, then every interval (200 ms here), carrying the newest event id. */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.events.heartbeat-interval", value = "200ms")
@Timeout(60)
class HeartbeatTest {
    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
    }

    @Test
    void aHeartbeatComesFirstOnConnectWithTheNewestEventId() {
        String name = unique("hb-first");
        long newest;
        try (SseStream watcher = SseStream.open(api.uri(events("-")))) {
            api.create(DEFAULT, name);
            api.setStatus(DEFAULT, name, "READY", "up");
            newest = watcher.nextChanges(2, SseStream.EVENT_TIMEOUT).get(1).eventId();
        }
        for (String workspace : List.of("-", DEFAULT)) {
            try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
                SseStream.SseEvent first = stream.next(Duration.ofSeconds(5));
                assertEquals("heartbeat", first.name(), "first event on " + workspace + ": " + first);
                assertNull(first.id(), "a heartbeat has no id");
                StreamHeartbeat heartbeat = api.heartbeat(first);
                assertEquals(newest, heartbeat.lastEventId(), "last_event_id is the newest committed event");
                assertTrue(heartbeat.timestamp() != null);
            }
        }
    }

    @Test
    void heartbeatsArrivePeriodicallyAndCarryTheCurrentLastEventId() {
        String name = unique("hb-periodic");
        api.create(DEFAULT, name);
        try (SseStream stream = SseStream.open(api.uri(events(DEFAULT)))) {
            StreamHeartbeat first = api.heartbeat(stream.next());
            long started = System.nanoTime();
            List<StreamHeartbeat> periodic = new ArrayList<>();
            while (periodic.size() < 4) {
                periodic.add(api.heartbeat(stream.next(Duration.ofSeconds(3))));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(elapsed.compareTo(Duration.ofMillis(500)) >= 0,
                    "4 heartbeats at 200 ms take at least ~600 ms, took " + elapsed);
            assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "4 heartbeats at 200 ms took " + elapsed);
            Instant previous = first.timestamp();
            for (StreamHeartbeat heartbeat : periodic) {
                assertEquals(first.lastEventId(), heartbeat.lastEventId(), "no change, same last_event_id");
                assertFalse(heartbeat.timestamp().isBefore(previous), "timestamps never go back");
                previous = heartbeat.timestamp();
            }

            // a change moves last_event_id of the following heartbeats to its id
            api.setStatus(DEFAULT, name, "READY", "moved");
            SseStream.SseEvent change = stream.nextChange();
            assertEquals(first.lastEventId() + 1, change.eventId());
            StreamHeartbeat after = api.heartbeat(stream.nextHeartbeat(Duration.ofSeconds(3)));
            assertEquals(change.eventId(), after.lastEventId(), "the heartbeat after a change carries its id");
        }
    }

    @Test
    void heartbeatsKeepComingOnAStreamOfAnIdleWorkspace() {
        String workspace = unique("ws-idle");
        api.create(workspace, "seed");
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            long newest = api.heartbeat(stream.next()).lastEventId();
            // changes in another workspace move last_event_id, though their events are not sent here
            String elsewhere = unique("hb-elsewhere");
            api.create(DEFAULT, elsewhere);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            StreamHeartbeat heartbeat;
            do {
                SseStream.SseEvent event = stream.next(Duration.ofSeconds(3));
                assertTrue(event.isHeartbeat(), "only heartbeats on an idle workspace: " + event);
                heartbeat = api.heartbeat(event);
            } while (heartbeat.lastEventId() == newest && System.nanoTime() < deadline);
            assertEquals(newest + 1, heartbeat.lastEventId(), "last_event_id counts every workspace's events");
        }
    }
}
