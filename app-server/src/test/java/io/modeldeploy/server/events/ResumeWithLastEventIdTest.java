package io.modeldeploy.server.events;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resuming with Last-Event-ID (header or ?last_event_id=): exactly the missed events, in order,
 * no duplicates, then live ones; also from further back than the broadcaster keeps in memory.
 */
@MicronautTest(transactional = false)
@Timeout(180)
class ResumeWithLastEventIdTest {
    /** The broadcaster keeps this many recent events in memory; older ones come from the database. */
    private static final int IN_MEMORY_WINDOW = 4096;
    private static final Duration QUIET = Duration.ofMillis(500);

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
    }

    private URI streamUri(String workspace, String query) {
        return api.uri(events(workspace) + query);
    }

    private String newWorkspace(String prefix) {
        String workspace = unique(prefix);
        api.create(workspace, "seed");
        return workspace;
    }

    @Test
    void resumingWithTheLastEventIdHeaderReplaysExactlyTheMissedEventsThenLiveOnes() {
        resumeAfterMissedChanges(false, false);
    }

    @Test
    void resumingWithTheLastEventIdQueryParameterReplaysExactlyTheMissedEventsThenLiveOnes() {
        resumeAfterMissedChanges(true, false);
    }

    @Test
    void resumingTheStreamOfAllWorkspacesReplaysExactlyTheMissedEventsThenLiveOnes() {
        resumeAfterMissedChanges(false, true);
    }

    /**
     * A subscriber receives some changes, disconnects, misses 6 (of two workspaces), resumes from
     * the last id it saw and must receive exactly what a subscriber that stayed connected saw.
     */
    private void resumeAfterMissedChanges(boolean viaQuery, boolean allWorkspaces) {
        String workspace = newWorkspace("ws-resume");
        String other = newWorkspace("ws-resume-other");
        String subscribed = allWorkspaces ? "-" : workspace;
        String name = unique("resume");
        try (SseStream witness = SseStream.open(streamUri(subscribed, ""))) {
            assertTrue(witness.next().isHeartbeat());
            List<SseStream.SseEvent> seenBefore;
            try (SseStream first = SseStream.open(streamUri(subscribed, ""))) {
                assertTrue(first.next().isHeartbeat());
                api.create(workspace, name);
                api.setStatus(workspace, name, "PENDING", "before-1");
                seenBefore = first.nextChanges(2, SseStream.EVENT_TIMEOUT);
            }
            assertEquals(seenBefore, witness.nextChanges(2, SseStream.EVENT_TIMEOUT));
            long lastSeen = seenBefore.get(1).eventId();

            // missed while disconnected: changes in both workspaces, one of each kind of change
            api.setStatus(workspace, name, "READY", "missed-1");
            api.setStatus(other, "seed", "READY", "missed-other");
            api.setStatus(workspace, name, "READY", "missed-2");
            api.newVersion(workspace, name, "cfg-2");
            api.deleteVersionReply(workspace, name, 1).expect(202);
            api.setStatus(workspace, name, "ERROR", "missed-3");
            int missedCount = allWorkspaces ? 6 : 5;
            List<SseStream.SseEvent> missed = witness.nextChanges(missedCount, SseStream.EVENT_TIMEOUT);

            String query = viaQuery ? "?last_event_id=" + lastSeen : "";
            String[] headers = viaQuery ? new String[0] : new String[] {"Last-Event-ID", Long.toString(lastSeen)};
            try (SseStream resumed = SseStream.open(streamUri(subscribed, query), headers)) {
                List<SseStream.SseEvent> replayed = resumed.nextChanges(missedCount, SseStream.EVENT_TIMEOUT);
                assertEquals(missed, replayed, "exactly the missed events, in order");
                assertTrue(replayed.get(0).eventId() > lastSeen);
                assertEquals(List.of("status_changed", "status_changed", "version_created", "deleted",
                                "status_changed"),
                        replayed.stream().filter(e -> !allWorkspaces || !e.data().contains(other))
                                .map(SseStream.SseEvent::name).toList());

                // then live ones, each once
                resumed.expectNone(e -> !e.isHeartbeat(), QUIET);
                api.setStatus(workspace, name, "READY", "live-1");
                api.setStatus(workspace, name, "READY", "live-2");
                List<SseStream.SseEvent> live = resumed.nextChanges(2, SseStream.EVENT_TIMEOUT);
                assertEquals(witness.nextChanges(2, SseStream.EVENT_TIMEOUT), live);
                assertEquals("live-1", api.event(live.get(0)).deployment().statusMessage());
                assertEquals("live-2", api.event(live.get(1)).deployment().statusMessage());
                assertEquals(missed.get(missedCount - 1).eventId() + 1, live.get(0).eventId());
                resumed.expectNone(e -> !e.isHeartbeat(), QUIET);
            }
        }
    }

    @Test
    void resumingWithTheNewestIdReplaysNothing() {
        String workspace = newWorkspace("ws-resume-newest");
        String name = unique("newest");
        long newest;
        try (SseStream stream = SseStream.open(streamUri(workspace, ""))) {
            assertTrue(stream.next().isHeartbeat());
            api.create(workspace, name);
            newest = stream.nextChange().eventId();
        }
        try (SseStream resumed = SseStream.open(streamUri(workspace, ""), "Last-Event-ID", Long.toString(newest))) {
            SseStream.SseEvent first = resumed.next();
            assertTrue(first.isHeartbeat(), "nothing to replay, so the heartbeat comes first: " + first);
            assertEquals(newest, api.heartbeat(first).lastEventId());
            resumed.expectNone(e -> !e.isHeartbeat(), QUIET);
            api.setStatus(workspace, name, "READY", "live");
            SseStream.SseEvent live = resumed.nextChange();
            assertEquals(newest + 1, live.eventId());
        }
    }

    @Test
    void resumingFromFurtherBackThanTheInMemoryWindowStillReplaysExactlyFromTheDatabase() throws Exception {
        String workspace = newWorkspace("ws-resume-old");
        int deploymentCount = 4;
        int updatesPerDeployment = 1100;
        int total = deploymentCount * updatesPerDeployment;
        assertTrue(total > IN_MEMORY_WINDOW + 100);
        List<String> names = new ArrayList<>();
        long startId;
        try (SseStream stream = SseStream.open(streamUri(workspace, ""))) {
            assertTrue(stream.next().isHeartbeat());
            for (int d = 0; d < deploymentCount; d++) {
                String name = unique("old-" + d);
                names.add(name);
                api.create(workspace, name);
            }
            startId = stream.nextChanges(deploymentCount, SseStream.EVENT_TIMEOUT).get(deploymentCount - 1).eventId();
        }

        // many cheap status updates over HTTP, one thread per deployment, while nobody listens
        ExecutorService pool = Executors.newFixedThreadPool(deploymentCount);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (String name : names) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < updatesPerDeployment; i++) {
                        api.patchStatus(workspace, name, "", EventsApi.statusBody(i % 2 == 0 ? "READY" : "PENDING",
                                "m" + i)).expect(200);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long newest = startId + total;

        // from before the window: every event after startId, from the database
        try (SseStream resumed = SseStream.open(streamUri(workspace, ""), "Last-Event-ID", Long.toString(startId))) {
            List<SseStream.SseEvent> replayed = resumed.nextChanges(total, Duration.ofSeconds(60));
            assertReplayedExactly(replayed, startId, newest, names, 0, updatesPerDeployment);
            assertLiveAfterReplay(resumed, workspace, names.get(0), newest);
        }

        // from inside the database-only part, via the query parameter
        long fromMiddle = startId + 100;
        assertTrue(fromMiddle < newest - IN_MEMORY_WINDOW, "still older than the in-memory window");
        try (SseStream resumed = SseStream.open(streamUri(workspace, "?last_event_id=" + fromMiddle))) {
            List<SseStream.SseEvent> replayed = resumed.nextChanges((int) (newest + 1 - fromMiddle),
                    Duration.ofSeconds(60));
            assertEquals(fromMiddle + 1, replayed.get(0).eventId());
            assertEquals(newest + 1, replayed.get(replayed.size() - 1).eventId(), "including the live one");
            assertContiguous(replayed, fromMiddle + 1);
            resumed.expectNone(e -> !e.isHeartbeat(), QUIET);
        }

        // from inside the in-memory window: the last 10
        long recent = newest + 1 - 10;
        try (SseStream resumed = SseStream.open(streamUri("-", ""), "Last-Event-ID", Long.toString(recent))) {
            List<SseStream.SseEvent> replayed = resumed.nextChanges(10, SseStream.EVENT_TIMEOUT);
            assertContiguous(replayed, recent + 1);
            assertEquals(newest + 1, replayed.get(9).eventId());
            resumed.expectNone(e -> !e.isHeartbeat(), QUIET);
        }
    }

    /** Ids startId+1..newest with no gap; per deployment, messages m0, m1, ... in order. */
    private void assertReplayedExactly(List<SseStream.SseEvent> replayed, long startId, long newest,
                                       List<String> names, int firstIndex, int perDeployment) {
        assertEquals(newest - startId, replayed.size());
        assertContiguous(replayed, startId + 1);
        Map<String, Integer> nextIndex = new HashMap<>();
        names.forEach(name -> nextIndex.put(name, firstIndex));
        for (SseStream.SseEvent sse : replayed) {
            assertEquals("status_changed", sse.name(), "" + sse);
            DeploymentEvent event = api.event(sse);
            assertEquals(DeploymentEventType.STATUS_CHANGED, event.type());
            int expected = nextIndex.merge(event.name(), 1, Integer::sum) - 1;
            assertEquals("m" + expected, event.deployment().statusMessage(),
                    "the updates of " + event.name() + " replayed in order, at id " + sse.id());
        }
        names.forEach(name -> assertEquals(perDeployment, nextIndex.get(name), "all of " + name));
    }

    private void assertLiveAfterReplay(SseStream resumed, String workspace, String name, long newest) {
        resumed.expectNone(e -> !e.isHeartbeat(), QUIET);
        api.setStatus(workspace, name, "ERROR", "live after replay");
        SseStream.SseEvent live = resumed.nextChange();
        assertEquals(newest + 1, live.eventId());
        assertEquals("live after replay", api.event(live).deployment().statusMessage());
    }

    private static void assertContiguous(List<SseStream.SseEvent> events, long firstId) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).eventId() != firstId + i) {
                throw new AssertionError("expected id " + (firstId + i) + " at position " + i + " but got "
                        + events.get(i).id() + (i > 0 ? " after " + events.get(i - 1).id() : ""));
            }
        }
    }
}
