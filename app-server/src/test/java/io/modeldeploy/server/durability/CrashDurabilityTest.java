package io.modeldeploy.server.durability;

import io.modeldeploy.server.security.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kill -9 under write load: the server runs as a child JVM; four writers send status updates with
 * unique messages, each remembering (in order) every update the server acknowledged with a 2xx;
 * the child is SIGKILLed at a random moment, restarted on the same data directory, and so on.
 * After every restart the database must open and every acknowledged update must be in the full
 * status history, exactly once, in the order each writer sent it.
 */
@Timeout(150)
class CrashDurabilityTest {
    private static final int ROUNDS = 5;
    private static final int WRITERS = 4;
    private static final String WORKSPACE = "durability";
    private static final List<String> NAMES = List.of("crash-a", "crash-b", "crash-c");
    private static final List<String> STATUSES = List.of("PENDING", "READY", "ERROR", "UNKNOWN", "LOST");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);

    /** An update the server acknowledged. */
    record Ack(String deployment, String message) {
    }

    @Test
    void everyAcknowledgedStatusUpdateSurvivesRepeatedSigkill(@TempDir Path temp) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("[durability] seed " + seed + ", class path for the child: "
                + abbreviate(System.getProperty("java.class.path")));
        Path dataDir = temp.resolve("data");
        List<List<Ack>> acknowledged = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            acknowledged.add(new ArrayList<>());
        }
        List<String> unexpected = new CopyOnWriteArrayList<>();
        ServerProcess server = null;
        try {
            for (int round = 0; round <= ROUNDS; round++) {
                server = startServer(dataDir, temp.resolve("server-" + round + ".log"));
                TestHttp http = new TestHttp("127.0.0.1", server.awaitListening(START_TIMEOUT));
                assertEquals(200, http.get("/health").status, "round " + round + ": /health after the restart");
                if (round == 0) {
                    for (String name : NAMES) {
                        http.postJson(deployments(WORKSPACE), "{\"name\":\"" + name + "\",\"config\":\"cfg\"}")
                                .expect(201);
                    }
                }
                int total = acknowledged.stream().mapToInt(List::size).sum();
                int found = verify(http, acknowledged, round);
                System.out.printf("[durability] round %d: server started; %d acknowledged so far, %d found in the "
                        + "history%n", round, total, found);
                if (round == ROUNDS) {
                    break;
                }
                int[] before = acknowledged.stream().mapToInt(List::size).toArray();
                long killAfter = 300 + random.nextInt(1201);
                runLoadAndKill(http, server, round, killAfter, acknowledged, unexpected);
                int[] added = new int[WRITERS];
                for (int i = 0; i < WRITERS; i++) {
                    added[i] = acknowledged.get(i).size() - before[i];
                }
                System.out.printf("[durability] round %d: SIGKILL %d ms into the load; acknowledged per writer this round %s%n",
                        round, killAfter, java.util.Arrays.toString(added));
                assertTrue(unexpected.isEmpty(), "answers other than 2xx while the server was up: " + unexpected);
                assertTrue(java.util.Arrays.stream(added).sum() > 0, "round " + round + ": no update was acknowledged "
                        + "before the kill; the test proves nothing\n" + server.tail());
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static ServerProcess startServer(Path dataDir, Path log) {
        for (int attempt = 1; ; attempt++) {
            int port = ServerProcess.freePort();
            ServerProcess server = ServerProcess.start(log, Map.of(),
                    "--port", Integer.toString(port), "--data-dir", dataDir.toString());
            try {
                server.awaitListening(START_TIMEOUT);
                return server;
            } catch (AssertionError e) {
                server.close();
                if (attempt >= 3 || !server.log().contains("already in use")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Four writers; once each has had its first update acknowledged (the load is on), SIGKILL after
     * a random delay; the writers stop at their next failure.
     */
    private static void runLoadAndKill(TestHttp http, ServerProcess server, int round, long killAfterMillis,
                                       List<List<Ack>> acknowledged, List<String> unexpected) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch loadIsOn = new CountDownLatch(WRITERS);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            List<Ack> mine = acknowledged.get(writer);
            Thread thread = new Thread(() -> {
                for (int n = 0; ; n++) {
                    String deployment = NAMES.get((writer + n) % NAMES.size());
                    String message = "w" + writer + "-r" + round + "-n" + n;
                    String status = STATUSES.get((writer + n) % STATUSES.size());
                    TestHttp.Reply reply;
                    try {
                        reply = http.patchJson(deployments(WORKSPACE, deployment, "status"),
                                "{\"status\":\"" + status + "\",\"status_message\":\"" + message + "\"}");
                    } catch (UncheckedIOException e) {
                        if (!killed.get()) {
                            unexpected.add("writer " + writer + ": " + e.getMessage());
                        }
                        return; // the server is gone: this update may or may not have been written
                    }
                    if (reply.status / 100 == 2) {
                        mine.add(new Ack(deployment, message));
                        if (n == 0) {
                            loadIsOn.countDown();
                        }
                    } else if (!killed.get()) {
                        unexpected.add("writer " + writer + " " + message + ": " + reply);
                        return;
                    }
                    if (killed.get() && !server.isAlive()) {
                        return;
                    }
                }
            }, "durability-writer-" + writer);
            thread.setDaemon(true);
            writers.add(thread);
        }
        writers.forEach(Thread::start);
        if (!loadIsOn.await(20, TimeUnit.SECONDS)) {
            unexpected.add("not every writer had an update acknowledged within 20 s");
        }
        Thread.sleep(killAfterMillis);
        killed.set(true);
        server.kill();
        for (Thread thread : writers) {
            thread.join(TestHttp.TIMEOUT.toMillis() + 10_000);
            assertTrue(!thread.isAlive(), thread.getName() + " did not stop after the kill");
        }
    }

    /**
     * Every acknowledged update is in its deployment's full history, exactly once; each writer's
     * updates of one deployment appear in the order it sent them, and its timestamps never go back.
     */
    private static int verify(TestHttp http, List<List<Ack>> acknowledged, int round) {
        Map<String, Map<String, Integer>> positions = new HashMap<>();
        Map<String, List<Map<String, Object>>> histories = new HashMap<>();
        for (String name : NAMES) {
            List<Map<String, Object>> history = fullHistory(http, name);
            histories.put(name, history);
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < history.size(); i++) {
                String message = (String) history.get(i).get("status_message");
                Integer previous = index.put(message, i);
                if (previous != null && message.startsWith("w")) {
                    fail("round " + round + ": '" + message + "' is in the history of " + name + " twice");
                }
            }
            positions.put(name, index);
        }
        int found = 0;
        for (int writer = 0; writer < acknowledged.size(); writer++) {
            Map<String, Integer> lastPosition = new HashMap<>();
            Instant lastTime = Instant.MIN;
            for (Ack ack : acknowledged.get(writer)) {
                Integer position = positions.get(ack.deployment()).get(ack.message());
                if (position == null) {
                    fail("round " + round + ": acknowledged update '" + ack.message() + "' of " + ack.deployment()
                            + " is missing from the history after the restart (writer " + writer + " had "
                            + acknowledged.get(writer).size() + " acknowledged)");
                }
                Integer previous = lastPosition.put(ack.deployment(), position);
                if (previous != null && previous >= position) {
                    fail("round " + round + ": writer " + writer + "'s updates of " + ack.deployment()
                            + " are out of order at '" + ack.message() + "'");
                }
                Instant at = Instant.parse((String) histories.get(ack.deployment()).get(position).get("timestamp"));
                assertTrue(!at.isBefore(lastTime), "round " + round + ": writer " + writer + "'s timestamps go back at '"
                        + ack.message() + "': " + at + " < " + lastTime);
                lastTime = at;
                found++;
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fullHistory(TestHttp http, String name) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; page < 10_000; page++) {
            TestHttp.Reply reply = http.get(deployments(WORKSPACE, name, "status-history")
                    + "?page=" + page + "&page_size=1000").expect(200);
            Map<String, Object> body = reply.map();
            all.addAll((List<Map<String, Object>>) body.get("data"));
            Map<String, Object> pagination = (Map<String, Object>) body.get("pagination");
            if (page >= ((Number) pagination.get("total_pages")).intValue()) {
                assertEquals(((Number) pagination.get("total_results")).longValue(), all.size(),
                        "the pages of " + name + " add up to total_results");
                return Collections.unmodifiableList(all);
            }
        }
        throw new AssertionError("more than 10000 pages of history");
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "... (" + text.length() + " chars)" : text;
    }
}
