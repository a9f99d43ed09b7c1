package io.modeldeploy.gui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.StreamHeartbeat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP server that plays scripted {@code text/event-stream} answers on the deployment-events
 * path, one script per connection, and records the requests (their Last-Event-ID above all).
 */
final class SseTestServer implements AutoCloseable {

    static final String PATH = "/apis/models/v2/workspaces/-/deployment-events";

    /** What one connection does. */
    @FunctionalInterface
    interface Script {
        void play(Connection connection) throws IOException, InterruptedException;
    }

    /** One open answer: write raw event-stream text, hold it open, or end it. */
    static final class Connection {
        private final HttpExchange exchange;
        private final OutputStream out;
        private final CountDownLatch released;

        Connection(HttpExchange exchange, OutputStream out, CountDownLatch released) {
            this.exchange = exchange;
            this.out = out;
            this.released = released;
        }

        Connection raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        Connection heartbeat(long lastEventId) throws IOException {
            return raw("event: heartbeat\ndata: " + json(new StreamHeartbeat(lastEventId, Instant.now())) + "\n\n");
        }

        Connection event(DeploymentEvent event) throws IOException {
            return raw("id: " + event.eventId() + "\nevent: " + event.type().wireName() + "\ndata: "
                    + json(event) + "\n\n");
        }

        /** Keeps the answer open (sending nothing) until the server closes. */
        void holdOpen() throws InterruptedException {
            released.await(30, TimeUnit.SECONDS);
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }
    }

    /** The request headers of one connection attempt. */
    record Request(String lastEventId, String accept, String source, long receivedNanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-test-server");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int failNextWith;
    private volatile int failuresLeft;
    private volatile String retryAfter;

    SseTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues what the next connection gets; connections without a script are held open silently. */
    SseTestServer then(Script script) {
        scripts.add(script);
        return this;
    }

    /** The next {@code count} attempts are answered with {@code status} and a JSON body. */
    void fail(int count, int status) {
        failNextWith = status;
        failuresLeft = count;
        retryAfter = null;
    }

    /** The next {@code count} attempts are answered 429 with {@code Retry-After: seconds}. */
    void busy(int count, int seconds) {
        fail(count, 429);
        retryAfter = Integer.toString(seconds);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        requests.add(new Request(first(headers, "Last-Event-ID"), first(headers, "Accept"),
                first(headers, "X-ModelDeploy-Source"), System.nanoTime()));
        if (failuresLeft > 0) {
            failuresLeft--;
            byte[] body = "{\"detail\":\"not now\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(failNextWith, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        Connection connection = new Connection(exchange, out, released);
        try {
            Script script = scripts.poll();
            if (script == null) {
                connection.holdOpen();
            } else {
                script.play(connection);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // already broken
            }
            exchange.close();
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
