package io.modeldeploy.server.postgres;

import io.micronaut.json.JsonMapper;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.events.EventsApi;
import io.modeldeploy.server.events.SseStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server instances on one PostgreSQL database, as behind a load balancer: writes through both
 * are serialized per version and lose nothing, both serve the same history, and the event stream
 * of each carries every change made through either, in one commit order, resumable across them.
 */
class TwoInstancesOnPostgresTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration NOTIFIED = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static RunningServer serverA;
    private static RunningServer serverB;
    private static EventsApi apiA;
    private static EventsApi apiB;

    @BeforeAll
    static void startTwoInstances(@TempDir Path dataA, @TempDir Path dataB) {
        String database = TestPostgres.shared().createDatabaseWithCredentials();
        serverA = ModelDeployServer.start(new ServerOptions("127.0.0.1", 0, dataA, false, false, database));
        serverB = ModelDeployServer.start(new ServerOptions("127.0.0.1", 0, dataB, false, false, database));
        apiA = new EventsApi(serverA.baseUrl(), JSON);
        apiB = new EventsApi(serverB.baseUrl(), JSON);
    }

    @AfterAll
    static void stop() {
        if (serverA != null) {
            serverA.close();
        }
        if (serverB != null) {
            serverB.close();
        }
    }

    @Test
    void aChangeThroughAReachesASubscriberOfB() {
        String workspace = EventsApi.unique("ws-ab");
        String name = EventsApi.unique("seen-on-b");
        apiA.create(workspace, name);
        try (SseStream onB = SseStream.open(apiB.uri(EventsApi.events(workspace)))) {
            onB.nextHeartbeat(WAIT);
            apiA.setStatus(workspace, name, "READY", "made ready through A");

            // Woken by A's NOTIFY: well within B's 10 s heartbeat, whose read of the table is only a fallback.
            DeploymentEvent event = apiB.event(onB.nextChange(NOTIFIED));
            assertEquals(name, event.name());
            assertEquals("READY", event.deployment().status().name());
            assertEquals("made ready through A", event.deployment().statusMessage());
        }
    }

    @Test
    void concurrentWritersThroughBothInstancesLoseNothingAndAgreeOnTheOrder() throws Exception {
        String workspace = EventsApi.unique("ws-race");
        List<String> names = List.of("alpha", "beta", "gamma");
        for (String name : names) {
            apiA.create(workspace, name);
        }
        long firstEventId = apiA.heartbeat(openAndFirst(apiA, workspace)).lastEventId();
        int writers = 8;
        int changesPerWriter = 40;
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                EventsApi through = w % 2 == 0 ? apiA : apiB;
                String instance = w % 2 == 0 ? "A" : "B";
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < changesPerWriter; i++) {
                        String name = names.get((writer + i) % names.size());
                        String message = "writer " + writer + " change " + i + " via " + instance;
                        String status = i % 2 == 0 ? "PENDING" : "READY";
                        EventsApi.Reply reply = through.patchStatus(workspace, name, "",
                                EventsApi.statusBody(status, message));
                        if (reply.status == 200) {
                            acknowledged.add(name + "|" + message);
                        } else {
                            failures.add(reply.status + " " + reply.body);
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures.stream().limit(5).toList(), "every write is acknowledged");
        assertEquals(writers * changesPerWriter, acknowledged.size());

        Set<String> inHistory = new HashSet<>();
        for (String name : names) {
            List<StatusHistoryEntry> viaA = apiA.fullHistory(workspace, name, null);
            List<StatusHistoryEntry> viaB = apiB.fullHistory(workspace, name, null);
            assertEquals(viaA, viaB, "both instances serve the same history of " + name);
            viaA.stream().skip(1).forEach(entry -> inHistory.add(name + "|" + entry.statusMessage()));
            assertEquals(viaA.get(viaA.size() - 1), apiB.latest(workspace, name).statusHistory()
                    .get(apiB.latest(workspace, name).statusHistory().size() - 1));
        }
        assertEquals(new HashSet<>(acknowledged), inHistory, "every acknowledged change is in the history, once");

        int changes = writers * changesPerWriter;
        List<DeploymentEvent> streamA = replay(apiA, workspace, firstEventId, changes);
        List<DeploymentEvent> streamB = replay(apiB, workspace, firstEventId, changes);
        assertEquals(ids(streamA), ids(streamB), "both streams carry the same events in the same order");
        for (String name : names) {
            List<String> historyOrder = apiA.fullHistory(workspace, name, null).stream().skip(1)
                    .map(StatusHistoryEntry::statusMessage).toList();
            List<String> streamOrder = streamB.stream().filter(e -> e.name().equals(name))
                    .map(e -> e.deployment().statusMessage()).toList();
            assertEquals(historyOrder, streamOrder, "the stream orders the changes of " + name + " as its history");
        }
    }

    @Test
    void aSubscriberMovingFromAToBResumesWithoutGapsOrDuplicates() throws Exception {
        String workspace = EventsApi.unique("ws-move");
        String name = EventsApi.unique("moving");
        apiA.create(workspace, name);
        int total = 60;
        List<DeploymentEvent> received = new ArrayList<>();
        long lastSeen;
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (SseStream onA = SseStream.open(apiA.uri(EventsApi.events(workspace)))) {
            onA.nextHeartbeat(WAIT);
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < total; i++) {
                    EventsApi through = i % 2 == 0 ? apiA : apiB;
                    through.setStatus(workspace, name, i % 2 == 0 ? "PENDING" : "READY", "change " + i);
                }
            });
            for (SseStream.SseEvent event : onA.nextChanges(total / 3, WAIT)) {
                received.add(apiA.event(event));
            }
            lastSeen = received.get(received.size() - 1).eventId();
            onA.close();
            writing.get(2, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        try (SseStream onB = SseStream.open(apiB.uri(EventsApi.events(workspace)),
                "Last-Event-ID", Long.toString(lastSeen))) {
            while (received.size() < total) {
                received.add(apiB.event(onB.nextChange(WAIT)));
            }
            onB.expectNone(event -> !event.isHeartbeat(), Duration.ofMillis(500));
        }
        List<String> messages = received.stream().map(e -> e.deployment().statusMessage()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add("change " + i);
        }
        assertEquals(expected, messages, "every change once, in order, across the move");
        List<Long> ids = ids(received);
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "ids increase: " + ids);
        }
    }

    private static SseStream.SseEvent openAndFirst(EventsApi api, String workspace) {
        try (SseStream stream = SseStream.open(api.uri(EventsApi.events(workspace)))) {
            return stream.nextHeartbeat(WAIT);
        }
    }

    /** The next {@code count} events of the workspace after {@code afterId}, as a resuming client gets them. */
    private static List<DeploymentEvent> replay(EventsApi api, String workspace, long afterId, int count) {
        try (SseStream stream = SseStream.open(api.uri(EventsApi.events(workspace)),
                "Last-Event-ID", Long.toString(afterId))) {
            List<DeploymentEvent> events = new ArrayList<>();
            for (SseStream.SseEvent event : stream.nextChanges(count, WAIT)) {
                events.add(api.event(event));
            }
            return events;
        }
    }

    private static List<Long> ids(List<DeploymentEvent> events) {
        Map<Long, Integer> seen = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (DeploymentEvent event : events) {
            assertEquals(null, seen.put(event.eventId(), 1), "event " + event.eventId() + " arrives once");
            ids.add(event.eventId());
        }
        return ids;
    }
}
