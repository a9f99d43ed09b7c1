package io.modeldeploy.server.events;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.statusBody;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 8 clients writing status updates at the same time over real HTTP: the event stream and the
 * status history tell the same story, one event per applied update, ids in commit order without gaps.
 */
@MicronautTest(transactional = false)
@Timeout(300)
class EventsAndHistoryAgreeUnderConcurrencyTest {
    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 100;
    private static final int DEPLOYMENTS = 3;
    private static final String[] STATUSES = {"READY", "PENDING", "ERROR"};

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
    }

    private String newWorkspace(String prefix) {
        String workspace = unique(prefix);
        api.create(workspace, "seed");
        return workspace;
    }

    /** Runs {@code THREADS} tasks released at once; fails listing the tasks' failures. */
    private static void runConcurrently(List<Callable<List<String>>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Callable<List<String>> task : tasks) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> result : results) {
                failures.addAll(result.get(3, TimeUnit.MINUTES));
            }
            assertTrue(failures.isEmpty(), failures.size() + " requests failed, e.g. "
                    + failures.subList(0, Math.min(5, failures.size())));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String status(int thread, int index) {
        return STATUSES[(thread + index) % STATUSES.length];
    }

    @Test
    void eventsOfConcurrentUpdatesHaveGaplessIncreasingIdsAndMatchTheHistoryOneToOne() throws Exception {
        String workspace = newWorkspace("ws-concurrent");
        try (SseStream stream = SseStream.open(api.uri(events(workspace)));
             SseStream all = SseStream.open(api.uri(events("-")))) {
            assertTrue(stream.next().isHeartbeat());
            assertTrue(all.next().isHeartbeat());

            List<String> names = new ArrayList<>();
            for (int d = 0; d < DEPLOYMENTS; d++) {
                String name = unique("concurrent-" + d);
                names.add(name);
                api.create(workspace, name);
            }

            List<Callable<List<String>>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                        String name = names.get((thread + i) % DEPLOYMENTS);
                        EventsApi.Reply reply = api.patchStatus(workspace, name, "",
                                statusBody(status(thread, i), "t" + thread + "-i" + i));
                        if (reply.status != 200) {
                            failures.add("t" + thread + "-i" + i + " -> " + reply.status + " " + reply.body);
                        }
                    }
                    return failures;
                });
            }
            runConcurrently(writers);

            int total = DEPLOYMENTS + THREADS * UPDATES_PER_THREAD;
            List<SseStream.SseEvent> received = stream.nextChanges(total, Duration.ofSeconds(60));
            stream.expectNone(e -> !e.isHeartbeat(), Duration.ofMillis(500));
            assertEquals(received, all.nextChanges(total, Duration.ofSeconds(60)),
                    "the stream of every workspace saw the same events");

            // ids strictly increase with no gaps
            for (int i = 1; i < received.size(); i++) {
                assertEquals(received.get(i - 1).eventId() + 1, received.get(i).eventId(),
                        "no gap and no reordering at position " + i);
            }

            // per deployment: the created event, then exactly one status_changed per applied update
            Map<String, List<DeploymentEvent>> byName = new LinkedHashMap<>();
            names.forEach(name -> byName.put(name, new ArrayList<>()));
            Set<String> messages = new HashSet<>();
            for (SseStream.SseEvent sse : received) {
                DeploymentEvent event = api.event(sse);
                assertEquals(sse.eventId(), event.eventId());
                assertEquals(workspace, event.workspace());
                byName.get(event.name()).add(event);
                if (event.type() == DeploymentEventType.STATUS_CHANGED) {
                    assertTrue(messages.add(event.deployment().statusMessage()),
                            "one event per update: " + event.deployment().statusMessage());
                }
            }
            assertEquals(THREADS * UPDATES_PER_THREAD, messages.size(), "one status_changed event per update");

            for (String name : names) {
                List<DeploymentEvent> events = byName.get(name);
                List<StatusHistoryEntry> history = api.fullHistory(workspace, name, null);
                assertEquals(history.size(), events.size(), name + ": one event per history entry");
                DeploymentEvent created = events.get(0);
                assertEquals(DeploymentEventType.CREATED, created.type(), name + " starts with created");
                assertEquals(List.of(history.get(0)), created.deployment().statusHistory(),
                        name + ": the created event carries the CREATED entry");
                assertEquals(DeploymentStatus.CREATED, history.get(0).status());
                for (int i = 1; i < history.size(); i++) {
                    DeploymentEvent event = events.get(i);
                    StatusHistoryEntry entry = history.get(i);
                    assertEquals(DeploymentEventType.STATUS_CHANGED, event.type());
                    assertEquals(List.of(entry), event.deployment().statusHistory(),
                            name + ": event " + i + " carries history entry " + i);
                    assertEquals(entry.status(), event.deployment().status());
                    assertEquals(entry.statusMessage(), event.deployment().statusMessage());
                    assertEquals(entry.timestamp(), event.timestamp());
                    assertEquals(entry.timestamp(), event.deployment().updatedAt());
                }
                ModelDeployment latest = api.latest(workspace, name);
                ModelDeployment last = events.get(events.size() - 1).deployment();
                assertEquals(latest.status(), last.status(), name + ": the last event is the current state");
                assertEquals(latest.statusMessage(), last.statusMessage());
                assertEquals(latest.etag(), last.etag());
            }
        }
    }

    @Test
    void optimisticWritersWithIfMatchProduceOneEventPerAppliedUpdateAndNoneFor412() throws Exception {
        String workspace = newWorkspace("ws-optimistic");
        String name = unique("optimistic");
        api.create(workspace, name);
        int successesPerThread = 15;
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            assertTrue(stream.next().isHeartbeat());
            List<Callable<List<String>>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(() -> {
                    List<String> failures = new ArrayList<>();
                    String tag = api.latestReply(workspace, name).expect(200).etag();
                    int applied = 0;
                    for (int attempt = 0; applied < successesPerThread && attempt < 10_000; attempt++) {
                        EventsApi.Reply reply = api.patchStatus(workspace, name, "",
                                statusBody(status(thread, applied), "t" + thread + "-i" + applied), "If-Match", tag);
                        if (reply.status == 200) {
                            applied++;
                        } else if (reply.status == 412) {
                            if (!reply.etag().equals(reply.deployment().etag())) {
                                failures.add("412 ETag " + reply.etag() + " is not the body's");
                            }
                        } else {
                            failures.add("t" + thread + " -> " + reply.status + " " + reply.body);
                            break;
                        }
                        tag = reply.etag();
                    }
                    if (applied < successesPerThread) {
                        failures.add("t" + thread + " applied only " + applied);
                    }
                    return failures;
                });
            }
            runConcurrently(writers);

            int applied = THREADS * successesPerThread;
            List<StatusHistoryEntry> history = api.fullHistory(workspace, name, null);
            assertEquals(1 + applied, history.size(), "the CREATED entry plus one per 200");
            List<SseStream.SseEvent> received = stream.nextChanges(applied, Duration.ofSeconds(60));
            stream.expectNone(e -> !e.isHeartbeat(), Duration.ofMillis(500));
            for (int i = 0; i < received.size(); i++) {
                DeploymentEvent event = api.event(received.get(i));
                assertEquals(List.of(history.get(i + 1)), event.deployment().statusHistory(),
                        "event " + i + " is history entry " + (i + 1));
                if (i > 0) {
                    assertEquals(received.get(i - 1).eventId() + 1, received.get(i).eventId());
                }
            }
        }
    }

    @Test
    void aSubscriberThatKeepsReconnectingDuringConcurrentWritesMissesNothingAndGetsNothingTwice() throws Exception {
        String workspace = newWorkspace("ws-reconnect");
        List<String> names = new ArrayList<>();
        for (int d = 0; d < DEPLOYMENTS; d++) {
            names.add(unique("reconnect-" + d));
            api.create(workspace, names.get(d));
        }
        long startId;
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            startId = api.heartbeat(stream.next()).lastEventId();
        }
        int updatesPerThread = 60;
        int total = THREADS * updatesPerThread;

        AtomicBoolean writing = new AtomicBoolean(true);
        List<SseStream.SseEvent> collected = new ArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<Integer> reconnects = reader.submit(() -> {
            long lastSeen = startId;
            int connections = 0;
            while (collected.size() < total) {
                connections++;
                try (SseStream stream = SseStream.open(api.uri(events(workspace)),
                        "Last-Event-ID", Long.toString(lastSeen))) {
                    // read a few events, then drop the connection mid-stream
                    int take = writing.get() ? Math.min(1 + connections % 25, total - collected.size())
                            : total - collected.size();
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    int got = 0;
                    while (got < take && System.nanoTime() < deadline) {
                        SseStream.SseEvent event = stream.next(Duration.ofSeconds(30));
                        if (!event.isHeartbeat()) {
                            collected.add(event);
                            lastSeen = event.eventId();
                            got++;
                        }
                    }
                }
            }
            return connections;
        });
        try {
            List<Callable<List<String>>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int i = 0; i < updatesPerThread; i++) {
                        EventsApi.Reply reply = api.patchStatus(workspace, names.get((thread + i) % DEPLOYMENTS), "",
                                statusBody(status(thread, i), "t" + thread + "-i" + i));
                        if (reply.status != 200) {
                            failures.add(reply.status + " " + reply.body);
                        }
                    }
                    return failures;
                });
            }
            runConcurrently(writers);
            writing.set(false);
            int connections = reconnects.get(2, TimeUnit.MINUTES);
            assertTrue(connections > 3, "reconnected several times: " + connections);
        } finally {
            writing.set(false);
            reader.shutdownNow();
        }

        assertEquals(total, collected.size());
        for (int i = 0; i < collected.size(); i++) {
            assertEquals(startId + 1 + i, collected.get(i).eventId(), "no gap, no duplicate at position " + i);
        }
        Map<String, List<String>> messages = new HashMap<>();
        for (SseStream.SseEvent sse : collected) {
            DeploymentEvent event = api.event(sse);
            messages.computeIfAbsent(event.name(), n -> new ArrayList<>()).add(event.deployment().statusMessage());
        }
        for (String name : names) {
            List<String> history = api.fullHistory(workspace, name, null).stream()
                    .map(StatusHistoryEntry::statusMessage).toList();
            assertEquals(history.subList(1, history.size()), messages.get(name),
                    name + ": the events seen across reconnects are its history, in order");
        }
    }

    @Test
    void deletingADeploymentWhileItsOlderVersionIsUpdatedSucceedsBoth() throws Exception {
        // delete() marks every version DELETING, newest first, each recording an event; a status
        // update of an older version at the same time must not fail (no deadlock, no 5xx)
        String workspace = newWorkspace("ws-delete-race");
        int rounds = 80;
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String name = unique("delete-race");
                api.create(workspace, name);
                api.newVersion(workspace, name, "cfg-2");
                CountDownLatch start = new CountDownLatch(1);
                Future<EventsApi.Reply> update = pool.submit(() -> {
                    start.await();
                    EventsApi.Reply last = null;
                    for (int i = 0; i < 5; i++) {
                        last = api.patchStatus(workspace, name, "?version=1", statusBody("READY", "v1-" + i));
                        if (last.status != 200 && last.status != 409) {
                            return last;
                        }
                    }
                    return last;
                });
                Future<EventsApi.Reply> delete = pool.submit(() -> {
                    start.await();
                    return api.deleteReply(workspace, name);
                });
                long began = System.nanoTime();
                start.countDown();
                EventsApi.Reply updated = update.get(60, TimeUnit.SECONDS);
                EventsApi.Reply deleted = delete.get(60, TimeUnit.SECONDS);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                if (deleted.status != 202) {
                    failures.add("round " + round + ": DELETE -> " + deleted.status + " " + deleted.body
                            + " after " + millis + " ms");
                }
                if (updated.status != 200 && updated.status != 409) {
                    failures.add("round " + round + ": PATCH ?version=1 -> " + updated.status + " " + updated.body
                            + " after " + millis + " ms");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failed requests in " + rounds + " rounds: " + failures);
        }
    }
}
