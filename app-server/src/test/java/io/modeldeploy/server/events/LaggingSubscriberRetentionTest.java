package io.modeldeploy.server.events;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.server.service.DeploymentEventPruner;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber so far behind that the events after its position were pruned while it lagged gets a
 * {@code resync}, never a silent gap: it had stopped reading (but not long enough to be disconnected)
 * while more events were written than the server keeps in memory, and retention pruned the rest.
 */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.events.subscriber-buffer", value = "64KB")
@Property(name = "modeldeploy.events.stall-timeout", value = "10m")
@Property(name = "modeldeploy.events.retention", value = "1ms")
@Timeout(180)
class LaggingSubscriberRetentionTest {
    private static final int DEPLOYMENTS = 100;
    /** 9,000 events of about 2 KB: well over what the socket buffers take (about 4 MB) plus the 4,096 kept in memory. */
    private static final int BATCHES = 90;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    DeploymentEventPruner pruner;

    @Test
    void eventsPrunedWhileItLaggedBecomeAResyncNotAGap() throws Exception {
        EventsApi api = new EventsApi(server.getURL().toURI(), jsonMapper);
        String workspace = unique("lag");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            names.add("d" + i);
            api.create(workspace, names.get(i));
        }
        try (StalledSseClient stalled = StalledSseClient.open(server.getPort(), EventsApi.events(workspace))) {
            Thread.sleep(500); // subscribed
            String message = "y".repeat(1000);
            for (int i = 0; i < BATCHES; i++) {
                api.setStatuses(workspace, names, i % 2 == 0 ? "READY" : "PENDING", message);
            }
            long newest;
            try (SseStream probe = SseStream.open(api.uri(EventsApi.events(workspace)))) {
                newest = api.heartbeat(probe.nextHeartbeat(SseStream.EVENT_TIMEOUT)).lastEventId();
            }
            assertTrue(pruner.prune() > 0, "retention pruned the events");

            StalledSseClient.Received got = stalled.readUntil(Duration.ofSeconds(5), "resync");
            assertTrue(got.names().contains("resync"), "a resync where the pruned events were: " + got.names().stream()
                    .distinct().toList() + ", " + got.ids().size() + " events " + (got.ids().isEmpty() ? ""
                    : got.ids().get(0) + ".." + got.ids().get(got.ids().size() - 1)) + " of up to " + newest + ", "
                    + got.bytes() + " bytes, ended " + got.ended());
            List<Long> ids = got.ids();
            for (int i = 1; i < ids.size(); i++) {
                assertEquals(ids.get(i - 1) + 1, ids.get(i), "no gap before the resync");
            }
            assertTrue(ids.isEmpty() || ids.get(ids.size() - 1) < newest, "it had fallen behind");
        }
    }
}
