package io.modeldeploy.server.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A webhook receiver for tests: a JDK HTTP server on loopback that records every request (path,
 * headers, raw body) and answers what the test says for that path and the how-manieth request to it.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether the signature header is sha256= and the HMAC of the body with {@code secret}, computed here. */
        public boolean signedWith(String secret) {
            return ("sha256=" + hmacSha256Hex(body, secret)).equals(header("X-ModelDeploy-Signature"));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> countsByPath = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, Integer> answer = (path, n) -> 200;
    private final Set<String> stallingPaths = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** On a free port. */
    public static WebhookReceiver start() {
        return start(0);
    }

    public static WebhookReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "test-webhook-receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to answer: the status for (path, the n-th request to that path, from 1). */
    public WebhookReceiver answering(BiFunction<String, Integer, Integer> statusForPathAndCount) {
        this.answer = statusForPathAndCount;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits (bounded) until {@code count} requests match; fails with what arrived otherwise. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> matching = received(which);
            if (matching.size() >= count) {
                return matching;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("expected " + count + " matching webhook requests within " + timeout + ", got "
                + received(which).size() + " (of " + received.size() + " in all, to "
                + received.stream().map(Received::path).toList() + ")");
    }

    /** Requests to {@code path} are answered 200 with a body that never comes (until {@link #close()}). */
    public WebhookReceiver stallingTheBodyOn(String path) {
        stallingPaths.add(path);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String path = exchange.getRequestURI().getRawPath();
            int n = countsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            received.add(new Received(path, Map.copyOf(headers), body));
            int status = answer.apply(path, n);
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", url("/redirect-target"));
            }
            if (stallingPaths.contains(path)) {
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().flush();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    public static String hmacSha256Hex(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
