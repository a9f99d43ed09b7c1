package io.modeldeploy.server.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.server.events.EventsApi;
import io.modeldeploy.server.events.SseStream;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static io.modeldeploy.server.api.StatusBatches.target;
import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.statusBody;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 8 clients racing status batches (over overlapping versions, each in its own random order) and
 * single status updates of the same versions: no deadlock, every request applied, and the history
 * and the event stream hold each applied change exactly once.
 */
@MicronautTest(transactional = false)
@Timeout(180)
class StatusBatchConcurrencyTest {
    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 12;
    private static final int DEPLOYMENTS = 6;
    private static final String[] STATUSES = {"READY", "ERROR", "LOST", "PENDING"};

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;
    private StatusBatches batches;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
        batches = new StatusBatches(api, jsonMapper);
    }

    /** One version: {@code d3 v2}. */
    private record Version(String name, int version) {
        @Override
        public String toString() {
            return name + " v" + version;
        }
    }

    @Test
    void batchesAndSingleUpdatesRacingLoseAndDuplicateNothing() throws Exception {
        String workspace = unique("ws-race");
        List<Version> versions = new ArrayList<>();
        for (int d = 0; d < DEPLOYMENTS; d++) {
            api.create(workspace, "d" + d);
            api.newVersion(workspace, "d" + d, "cfg-2");
            versions.add(new Version("d" + d, 1));
            versions.add(new Version("d" + d, 2));
        }
        // the messages applied to each version, and the versions of each batch
        Map<Version, List<String>> applied = new ConcurrentHashMap<>();
        versions.forEach(v -> applied.put(v, Collections.synchronizedList(new ArrayList<>())));
        Map<String, List<Version>> batchTargets = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            assertTrue(stream.next().isHeartbeat());
            List<Runnable> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                clients.add(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        String message = "t" + thread + "-" + i;
                        String status = STATUSES[random.nextInt(STATUSES.length)];
                        if ((thread + i) % 2 == 0) {
                            List<Version> chosen = new ArrayList<>(versions);
                            Collections.shuffle(chosen, random);
                            chosen = chosen.subList(0, 2 + random.nextInt(versions.size() - 1));
                            List<Map<String, Object>> targets = new ArrayList<>();
                            for (Version v : chosen) {
                                boolean asLatest = v.version() == 2 && random.nextBoolean();
                                targets.add(target(workspace, v.name(), asLatest ? null : v.version(), null));
                            }
                            EventsApi.Reply reply = batches.send(status, message, targets);
                            if (reply.status != 200) {
                                failures.add("batch " + message + " -> " + reply.status + " " + reply.body);
                                continue;
                            }
                            batchTargets.put(message, List.copyOf(chosen));
                            chosen.forEach(v -> applied.get(v).add(message));
                        } else {
                            Version v = versions.get(random.nextInt(versions.size()));
                            EventsApi.Reply reply = api.patchStatus(workspace, v.name(), "?version=" + v.version(),
                                    statusBody(status, message));
                            if (reply.status != 200) {
                                failures.add("single " + message + " -> " + reply.status + " " + reply.body);
                                continue;
                            }
                            applied.get(v).add(message);
                        }
                    }
                });
            }
            Concurrently.run(clients);
            assertEquals(List.of(), failures, "every request was applied");

            Map<Version, List<StatusHistoryEntry>> written = new HashMap<>();
            int changes = 0;
            for (Version v : versions) {
                List<StatusHistoryEntry> history = api.fullHistory(workspace, v.name(), v.version());
                List<StatusHistoryEntry> raceEntries = history.subList(1, history.size());
                written.put(v, raceEntries);
                assertEquals(sorted(applied.get(v)), sorted(raceEntries.stream().map(StatusHistoryEntry::statusMessage)
                        .toList()), v + ": one history entry per applied change, none lost, none twice");
                changes += raceEntries.size();
                ModelDeployment current = EventsApi.withHistory(api.versionReply(workspace, v.name(), v.version())
                        .expect(200).deployment(), List.of());
                StatusHistoryEntry newest = raceEntries.get(raceEntries.size() - 1);
                assertEquals(newest.statusMessage(), current.statusMessage(), v + ": the newest entry is the current state");
            }
            for (Map.Entry<String, List<Version>> batch : batchTargets.entrySet()) {
                Set<Instant> times = new HashSet<>();
                for (Version v : batch.getValue()) {
                    written.get(v).stream().filter(e -> e.statusMessage().equals(batch.getKey()))
                            .forEach(e -> times.add(e.timestamp()));
                }
                assertEquals(1, times.size(), "one timestamp for batch " + batch.getKey() + ": " + times);
            }

            List<SseStream.SseEvent> received = stream.nextChanges(changes, Duration.ofSeconds(60));
            stream.expectNone(e -> !e.isHeartbeat(), Duration.ofMillis(300));
            Map<String, Integer> eventsPerChange = new TreeMap<>();
            for (int i = 0; i < received.size(); i++) {
                if (i > 0) {
                    assertEquals(received.get(i - 1).eventId() + 1, received.get(i).eventId(), "no gap in event ids");
                }
                DeploymentEvent event = api.event(received.get(i));
                assertEquals(DeploymentEventType.STATUS_CHANGED, event.type());
                eventsPerChange.merge(event.name() + " v" + event.entityVersion() + " "
                        + event.deployment().statusMessage(), 1, Integer::sum);
            }
            Map<String, Integer> expected = new TreeMap<>();
            applied.forEach((v, messages) -> messages.forEach(m -> expected.merge(v + " " + m, 1, Integer::sum)));
            assertEquals(expected, eventsPerChange, "one event per applied change");
        }
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
