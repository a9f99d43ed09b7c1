package io.modeldeploy.gui.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.modeldeploy.gui.api.DeploymentEventStreamTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's requests and its event streams go through one {@link ServerEndpoint}: one HTTP
 * client, the same source header and the same token.
 */
class SharedTransportTest {

    private static final DeploymentEventStream.Settings FAST = new DeploymentEventStream.Settings(
            Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30), 3, Duration.ofSeconds(2));

    /** The headers of one request that reached the server. */
    record Seen(String path, String accept, String source, String authorization) {
    }

    private HttpServer server;
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ModelDeployment llama = Deployments.of("prod", "llama", DeploymentStatus.READY, "serving");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverThreads);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        ui.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        var headers = exchange.getRequestHeaders();
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(path, headers.getFirst("Accept"), headers.getFirst("X-ModelDeploy-Source"),
                headers.getFirst("Authorization")));
        if (path.equals(SseTestServer.PATH)) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("event: heartbeat\ndata: " + SseTestServer.json(new StreamHeartbeat(7, Instant.now()))
                        + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | IOException e) {
                // the test is over or the client went away
            }
            exchange.close();
            return;
        }
        byte[] body = path.equals(ApiPaths.HEALTH) ? new byte[0]
                : SseTestServer.json(llama).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private Seen seenAt(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void theStreamUsesTheClientsHttpClientSourceHeaderAndToken() throws ApiException {
        HttpDeploymentApiClient client = new HttpDeploymentApiClient(baseUrl(), " secret-token ");
        DeploymentEventStreamTest.Recorder recorder = new DeploymentEventStreamTest.Recorder();
        DeploymentEventStream stream = client.eventStream("-", ui, recorder, FAST);
        try {
            assertSame(client.endpoint(), stream.endpoint(), "one endpoint for requests and stream");
            assertSame(client.endpoint().http(), stream.endpoint().http(), "one HTTP client");

            assertEquals(llama, client.getDeployment("prod", "llama"));
            stream.start();
            await("live", () -> recorder.states.contains(State.LIVE));
        } finally {
            stream.close();
        }

        Seen request = seenAt(ApiPaths.deployment("prod", "llama"));
        Seen events = seenAt(SseTestServer.PATH);
        assertEquals(new Seen(request.path(), "application/json", "gui", "Bearer secret-token"), request);
        assertEquals(new Seen(events.path(), "text/event-stream", "gui", "Bearer secret-token"), events);
        assertEquals(URI.create(baseUrl() + SseTestServer.PATH), stream.uri());
    }

    @Test
    void withoutATokenNeitherSendsAnAuthorization() throws ApiException {
        HttpDeploymentApiClient client = new HttpDeploymentApiClient(baseUrl(), "   ");
        assertFalse(client.hasToken());
        DeploymentEventStreamTest.Recorder recorder = new DeploymentEventStreamTest.Recorder();
        DeploymentEventStream stream = client.eventStream(ui, recorder);
        try {
            client.getDeployment("prod", "llama");
            stream.start();
            await("live", () -> recorder.states.contains(State.LIVE));
        } finally {
            stream.close();
        }
        assertNull(seenAt(ApiPaths.deployment("prod", "llama")).authorization());
        assertNull(seenAt(SseTestServer.PATH).authorization());
        assertEquals("gui", seenAt(SseTestServer.PATH).source());
    }

    @Test
    void closingAStreamLeavesTheSharedClientWorking() throws ApiException {
        HttpDeploymentApiClient client = new HttpDeploymentApiClient(baseUrl());
        DeploymentEventStreamTest.Recorder recorder = new DeploymentEventStreamTest.Recorder();
        DeploymentEventStream stream = client.eventStream("-", ui, recorder, FAST);
        stream.start();
        await("live", () -> recorder.states.contains(State.LIVE));
        stream.close();
        await("the reading thread ended", () -> !stream.isRunning());

        assertTrue(client.isHealthy());
        assertEquals(llama, client.getDeployment("prod", "llama"));
        DeploymentEventStreamTest.Recorder second = new DeploymentEventStreamTest.Recorder();
        DeploymentEventStream again = client.eventStream("-", ui, second, FAST);
        try {
            again.start();
            await("a new stream goes live", () -> second.states.contains(State.LIVE));
        } finally {
            again.close();
        }
    }
}
