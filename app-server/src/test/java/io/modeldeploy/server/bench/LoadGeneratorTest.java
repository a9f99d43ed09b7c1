package io.modeldeploy.server.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator against the JDK's own HTTP server: its counts must be the server's. */
class LoadGeneratorTest {
    private HttpServer server;
    private final AtomicLong handled = new AtomicLong();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final CountDownLatch hung = new CountDownLatch(2);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/hang")) {
                hung.countDown();
                return; // never answers
            }
            byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            // about half the paths get a chunked body, the others a Content-Length one; /missing/... is a 404
            int status = path.startsWith("/missing/") ? 404 : 200;
            boolean chunked = path.hashCode() % 2 == 0;
            exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            paths.add(path);
            handled.incrementAndGet();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
    }

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void countsExactlyTheAnswersTheServerSentAndKeepsSequencesGoing() throws Exception {
        try (LoadGenerator load = new LoadGenerator(address(), 4, LoadGenerator.DEFAULT_LAST_ANSWER_TIMEOUT)) {
            LoadGenerator.RequestSource source = (connection, sequence) ->
                    get((sequence % 5 == 0 ? "/missing/" : "/found/") + connection + "/" + sequence);
            LoadGenerator.RunResult first = load.run(source, Duration.ofMillis(300));
            LoadGenerator.RunResult second = load.run(source, Duration.ofMillis(300));

            assertEquals(0, first.errors() + second.errors(), first.errorSamples() + " " + second.errorSamples());
            assertTrue(first.answers() >= 8, "only " + first.answers() + " answers");
            assertEquals(handled.get(), first.answers() + second.answers());
            assertEquals(handled.get(), paths.size(), "a request was repeated across the two runs");
            long notFound = first.statusCounts().getOrDefault(404, 0L);
            assertEquals(first.answers(), first.statusCounts().get(200) + notFound);
            assertEquals(first.statusCounts().get(200), first.successes());
            assertTrue(notFound > 0);
            assertTrue(first.elapsed().toMillis() >= 300, first.elapsed().toString());
            assertTrue(first.requestsPerSecond() > 0);
        }
    }

    @Test
    void forEachVisitsEveryIndexOnceAndRethrowsTheFirstFailure() throws Exception {
        try (LoadGenerator load = new LoadGenerator(address(), 3, LoadGenerator.DEFAULT_LAST_ANSWER_TIMEOUT)) {
            Map<Integer, Integer> visits = new ConcurrentHashMap<>();
            load.forEach(50, 2, (connection, index) -> {
                assertEquals(200, connection.exchange(get("/item/" + index)).status());
                visits.merge(index, 1, Integer::sum);
            });
            assertEquals(50, visits.size());
            assertTrue(visits.values().stream().allMatch(count -> count == 1), visits.toString());

            IOException failure = assertThrows(IOException.class, () -> load.forEach(50, 3, (connection, index) -> {
                if (index == 7) {
                    throw new IOException("item 7 answered 500");
                }
            }));
            assertEquals("item 7 answered 500", failure.getMessage());
        }
    }

    @Test
    void aDeadServerCountsAsErrorsNotAnswers() throws Exception {
        server.stop(0);
        try (LoadGenerator load = new LoadGenerator(address(), 2, LoadGenerator.DEFAULT_LAST_ANSWER_TIMEOUT)) {
            LoadGenerator.RunResult run = load.run((connection, sequence) -> get("/x"), Duration.ofMillis(100));
            assertEquals(0, run.answers());
            assertTrue(run.errors() > 0);
            assertTrue(run.errors() < 100, "no pause after an error: " + run.errors() + " errors in 100 ms");
            assertTrue(run.errorSamples().get(0).contains("ConnectException"), run.errorSamples().toString());
        }
    }

    @Test
    @Timeout(10)
    void aConnectionStillWaitingLongAfterTheRunIsAbortedAndCountedAsAnError() throws Exception {
        try (LoadGenerator load = new LoadGenerator(address(), 2, Duration.ofMillis(200))) {
            long start = System.nanoTime();
            LoadGenerator.RunResult run = load.run((connection, sequence) -> get("/hang"), Duration.ofMillis(100));
            assertTrue(hung.await(1, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "took " + (System.nanoTime() - start) / 1e6 + " ms");
            assertEquals(0, run.answers());
            assertEquals(2, run.errors(), run.errorSamples().toString());
        }
    }
}
