package io.modeldeploy.server.api;

import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 8 clients × 250 distinct status updates of one deployment, at the same time, over real HTTP:
 * every update is answered 200 and recorded exactly once, in an order consistent with each client's
 * own sending order, and the resource ends in the state of the last recorded entry.
 */
@MicronautTest
class ConcurrentStatusUpdateTest {
    private static final int THREADS = 8;
    private static final int UPDATES_PER_THREAD = 250;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    io.micronaut.http.client.HttpClient micronautClient;

    @Inject
    JsonMapper jsonMapper;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(micronautClient, jsonMapper);
    }

    @Test
    void concurrentDistinctUpdatesAreAllRecordedExactlyOnceInPerClientOrder() throws Exception {
        String name = unique("concurrent");
        api.create(DEFAULT, name);
        URI statusUri = URI.create(server.getURL().toString() + deployments(DEFAULT, name, "status"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < UPDATES_PER_THREAD; i++) {
                        String status = (thread + i) % 2 == 0 ? "READY" : "PENDING";
                        String body = "{\"status\":\"" + status + "\",\"status_message\":\"t" + thread + "-i" + i + "\"}";
                        HttpRequest request = HttpRequest.newBuilder(statusUri)
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.add("t" + thread + "-i" + i + " -> " + response.statusCode() + " " + response.body());
                        }
                    }
                    return failures;
                }));
            }
            start.countDown();
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> result : results) {
                failures.addAll(result.get(5, TimeUnit.MINUTES));
            }
            assertTrue(failures.isEmpty(), failures.size() + " requests did not answer 200, e.g. "
                    + failures.subList(0, Math.min(5, failures.size())));
        } finally {
            pool.shutdownNow();
        }

        List<StatusHistoryEntry> history = api.fullHistory(DEFAULT, name);
        assertEquals(1 + THREADS * UPDATES_PER_THREAD, history.size(), "the CREATED entry plus one per update");
        assertEquals(DeploymentStatus.CREATED, history.get(0).status());
        assertEquals("Deployment created", history.get(0).statusMessage());

        Map<String, Integer> seen = new HashMap<>();
        int[] lastIndexPerThread = new int[THREADS];
        java.util.Arrays.fill(lastIndexPerThread, -1);
        for (int position = 1; position < history.size(); position++) {
            StatusHistoryEntry entry = history.get(position);
            String message = entry.statusMessage();
            Integer earlier = seen.put(message, position);
            if (earlier != null) {
                fail("message " + message + " recorded twice, at " + earlier + " and " + position);
            }
            if (!message.matches("t\\d+-i\\d+")) {
                fail("unexpected message at " + position + ": " + message);
            }
            int thread = Integer.parseInt(message.substring(1, message.indexOf('-')));
            int index = Integer.parseInt(message.substring(message.indexOf("-i") + 2));
            assertEquals(index, lastIndexPerThread[thread] + 1,
                    "thread " + thread + "'s updates are recorded in its sending order, at " + position);
            lastIndexPerThread[thread] = index;
            String expectedStatus = (thread + index) % 2 == 0 ? "READY" : "PENDING";
            assertEquals(DeploymentStatus.valueOf(expectedStatus), entry.status(), "status of " + message);
            assertFalse(entry.timestamp().isBefore(history.get(position - 1).timestamp()),
                    "timestamps never go back, at " + position);
        }
        assertEquals(THREADS * UPDATES_PER_THREAD, seen.size(), "every message exactly once");
        for (int t = 0; t < THREADS; t++) {
            assertEquals(UPDATES_PER_THREAD - 1, lastIndexPerThread[t], "all of thread " + t + "'s updates are there");
        }

        ModelDeployment finalState = api.getLatest(DEFAULT, name);
        StatusHistoryEntry last = history.get(history.size() - 1);
        assertEquals(last.status(), finalState.status(), "the resource is in the state of the last entry");
        assertEquals(last.statusMessage(), finalState.statusMessage());
        assertEquals(last.timestamp(), finalState.updatedAt());
        assertEquals(100, finalState.statusHistory().size());
        assertEquals(history.subList(history.size() - 100, history.size()), finalState.statusHistory());
    }
}
