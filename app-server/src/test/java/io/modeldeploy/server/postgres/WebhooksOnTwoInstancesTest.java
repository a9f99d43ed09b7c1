package io.modeldeploy.server.postgres;

import io.micronaut.json.JsonMapper;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.events.EventsApi;
import io.modeldeploy.server.webhooks.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one PostgreSQL database, both sending webhooks from the one outbox: every status
 * change written through either is delivered exactly once (one request per event, never one by each
 * instance), with writers on both instances and both woken by every commit.
 */
@Timeout(240)
class WebhooksOnTwoInstancesTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final int WRITERS = 8;
    private static final int CHANGES_PER_WRITER = 25;
    private static final Map<String, String> SETTINGS = Map.of(
            "modeldeploy.webhook-delivery.poll-interval", "50ms",
            "modeldeploy.webhook-delivery.senders", "4",
            "modeldeploy.webhook-delivery.first-retry-after", "100ms",
            "modeldeploy.webhook-delivery.max-retry-after", "200ms");

    @Test
    void everyChangeThroughEitherInstanceIsDeliveredExactlyOnce(@TempDir Path dataA, @TempDir Path dataB)
            throws Exception {
        String database = TestPostgres.shared().createDatabaseWithCredentials();
        String workspace = EventsApi.unique("ws-hooks");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            RunningServer serverA = null;
            RunningServer serverB = null;
            Map<String, String> properties = new java.util.HashMap<>(SETTINGS);
            properties.put("modeldeploy.webhooks", "[{\"name\": \"both\", \"url\": \"" + receiver.url("/hook")
                    + "\", \"secret\": \"two-instances\", \"workspaces\": [\"" + workspace + "\"]}]");
            properties.forEach(System::setProperty);
            try {
                serverA = ModelDeployServer.start(new ServerOptions("127.0.0.1", 0, dataA, false, false, database));
                serverB = ModelDeployServer.start(new ServerOptions("127.0.0.1", 0, dataB, false, false, database));
            } finally {
                properties.keySet().forEach(System::clearProperty);
            }
            try {
                EventsApi apiA = new EventsApi(serverA.baseUrl(), JSON);
                EventsApi apiB = new EventsApi(serverB.baseUrl(), JSON);
                int changes = writeThroughBoth(workspace, apiA, apiB);
                List<WebhookReceiver.Received> received = receiver.await(r -> true, changes, Duration.ofSeconds(60));
                // Any second send of an event would come from the other instance's claim, right away: wait a little.
                Thread.sleep(2_000);
                received = receiver.received();
                Map<String, Long> sendsPerEvent = received.stream().collect(Collectors.groupingBy(
                        r -> r.header("X-ModelDeploy-Event"), Collectors.counting()));
                Map<String, Long> sendsPerDelivery = received.stream().collect(Collectors.groupingBy(
                        r -> r.header("X-ModelDeploy-Delivery"), Collectors.counting()));
                System.out.printf("[webhooks] two instances: %d changes, %d requests, %d distinct events, "
                        + "%d distinct deliveries%n", changes, received.size(), sendsPerEvent.size(),
                        sendsPerDelivery.size());
                assertEquals(changes, sendsPerEvent.size(), "every change delivered");
                assertEquals(Map.of(), filterAboveOne(sendsPerEvent), "events sent more than once");
                assertEquals(changes, received.size());
                assertTrue(received.stream().allMatch(r -> r.signedWith("two-instances")));
                String deliveries = apiB.get("/apis/modeldeploy/v1/webhook-deliveries?page_size=1000").body;
                assertEquals(changes, countOccurrences(deliveries, "\"status\":\"delivered\""), deliveries);
            } finally {
                serverA.close();
                serverB.close();
            }
        }
    }

    /** Creates one deployment per writer and has each writer move its own back and forth; the number of status changes. */
    private static int writeThroughBoth(String workspace, EventsApi apiA, EventsApi apiB) throws Exception {
        for (int w = 0; w < WRITERS; w++) {
            (w % 2 == 0 ? apiA : apiB).create(workspace, "d" + w);
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < CHANGES_PER_WRITER; i++) {
                        EventsApi through = (writer + i) % 2 == 0 ? apiA : apiB;
                        EventsApi.Reply reply = through.patchStatus(workspace, "d" + writer, "",
                                EventsApi.statusBody(i % 2 == 0 ? "PENDING" : "READY", "change " + i));
                        if (reply.status != 200) {
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
        assertEquals(List.of(), List.copyOf(failures));
        return WRITERS + WRITERS * CHANGES_PER_WRITER;
    }

    private static Map<String, Long> filterAboveOne(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static int countOccurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
