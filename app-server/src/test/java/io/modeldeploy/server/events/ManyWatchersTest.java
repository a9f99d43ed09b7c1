package io.modeldeploy.server.events;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.server.bench.SseSocketWatcher;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many subscribers at once (CI-sized; the watchers benchmark runs 500 and prints the delays): each
 * of 150 receives every change of a writer, in order, none missing.
 */
@MicronautTest(transactional = false)
@Timeout(120)
class ManyWatchersTest {
    private static final int WATCHERS = 150;
    private static final int CHANGES = 60;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    @Test
    void everySubscriberReceivesEveryChangeInOrder() throws Exception {
        EventsApi api = new EventsApi(server.getURL().toURI(), jsonMapper);
        String workspace = unique("many");
        api.create(workspace, "probe");
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.getPort());
        List<SseSocketWatcher> watchers = new ArrayList<>();
        try {
            for (int i = 0; i < WATCHERS; i++) {
                watchers.add(SseSocketWatcher.open(address, "127.0.0.1:" + server.getPort(),
                        EventsApi.events(workspace), CHANGES, "watcher-" + i));
            }
            for (SseSocketWatcher watcher : watchers) {
                assertTrue(watcher.awaitGreeting(30, TimeUnit.SECONDS), "every subscriber is served");
                assertNull(watcher.problem());
            }
            for (int sequence = 0; sequence < CHANGES; sequence++) {
                api.send("PATCH", EventsApi.deployments(workspace, "probe", "status"),
                        EventsApi.statusBody(sequence % 2 == 0 ? "READY" : "PENDING",
                                SseSocketWatcher.message(sequence, System.nanoTime()))).expect(200);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (int i = 0; i < WATCHERS; i++) {
                SseSocketWatcher watcher = watchers.get(i);
                watcher.awaitChanges(deadline);
                assertNull(watcher.problem(), "subscriber " + i);
                assertEquals(CHANGES, watcher.received(), "subscriber " + i + " received every change");
            }
        } finally {
            watchers.forEach(SseSocketWatcher::close);
        }
    }
}
