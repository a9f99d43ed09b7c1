package io.modeldeploy.server.bench;

import io.modeldeploy.server.events.SseStream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Change-to-event latency (prints figures, asserts nothing): one client changes a status through
 * WRITE_URL, a subscriber of SUBSCRIBE_URL's event stream waits for it; the time from sending the
 * PATCH to receiving its event, SAMPLES times, one change at a time. With two instances on one
 * PostgreSQL database (WRITE_URL on one, SUBSCRIBE_URL on the other) it measures the way through
 * NOTIFY. Run it with {@code ./mvnw -B -pl app-server -am -DskipTests -Pevent-latency-bench verify
 * -Dbench.writeUrl=WRITE_URL -Dbench.subscribeUrl=SUBSCRIBE_URL [-Dbench.samples=N]}.
 */
public final class EventLatencyBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new BenchFailure("usage: EventLatencyBenchmark WRITE_URL SUBSCRIBE_URL [SAMPLES]");
        }
        String write = args[0].replaceAll("/$", "");
        String subscribe = args[1].replaceAll("/$", "");
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String workspace = "latency-" + UUID.randomUUID().toString().substring(0, 8);
        String deployments = write + "/apis/models/v2/workspaces/" + workspace + "/deployments";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        send(http, "POST", deployments, "{\"name\":\"probe\",\"config\":\"cfg\"}", 201);

        List<Long> micros = new ArrayList<>(samples);
        try (SseStream events = SseStream.open(URI.create(subscribe + "/apis/models/v2/workspaces/" + workspace
                + "/deployment-events"))) {
            events.nextHeartbeat(WAIT);
            for (int i = 0; i < samples + samples / 10; i++) {
                String body = "{\"status\":\"" + (i % 2 == 0 ? "READY" : "PENDING") + "\",\"status_message\":\"sample " + i + "\"}";
                long start = System.nanoTime();
                send(http, "PATCH", deployments + "/probe/status", body, 200);
                events.nextChange(WAIT);
                long elapsed = (System.nanoTime() - start) / 1_000;
                if (i >= samples / 10) { // the first tenth warms up
                    micros.add(elapsed);
                }
            }
        }
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf("PATCH via %s -> event on %s, %d changes one at a time: median %.1f ms, p90 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n", write, subscribe, sorted.size(), ms(sorted, 0.50),
                ms(sorted, 0.90), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }

    private static void send(HttpClient http, String method, String url, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new BenchFailure(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
