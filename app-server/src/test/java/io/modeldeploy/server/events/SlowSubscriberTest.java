package io.modeldeploy.server.events;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A subscriber that stops reading: the server buffers at most modeldeploy.events.subscriber-buffer
 * (64 KB here) for it, keeps serving the others every event in order, disconnects it once its full
 * buffer has taken nothing for modeldeploy.events.stall-timeout (2 s here), and it resumes with its
 * Last-Event-ID. A resume from far back is fed through the same small buffer as the client reads.
 */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.events.subscriber-buffer", value = "64KB")
@Property(name = "modeldeploy.events.stall-timeout", value = "2s")
@Property(name = "modeldeploy.events.heartbeat-interval", value = "250ms")
@Timeout(180)
class SlowSubscriberTest {
    private static final String ALL = EventsApi.events("-");
    private static final int DEPLOYMENTS = 100;
    private static final int BATCHES = 60;
    private static final String LONG_MESSAGE = "x".repeat(1000);

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
    }

    @Test
    void aSubscriberThatStopsReadingIsCutOffWhileTheOthersGetEverythingAndItResumes() throws Exception {
        String workspace = unique("slow");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            names.add("d" + i);
            api.create(workspace, names.get(i));
        }
        long before = api.heartbeat(openAndGreet(ALL).nextHeartbeatAndClose()).lastEventId();

        try (StalledSseClient stalled = StalledSseClient.open(server.getPort(), ALL);
             SseStream reader = SseStream.open(api.uri(ALL))) {
            reader.nextHeartbeat(SseStream.EVENT_TIMEOUT);
            long written = writeBatches(workspace, names);
            int expected = DEPLOYMENTS * BATCHES;

            List<SseStream.SseEvent> received = reader.nextChanges(expected, Duration.ofSeconds(60));
            assertConsecutive(received.stream().map(SseStream.SseEvent::eventId).toList(), before + 1);
            long newest = received.get(received.size() - 1).eventId();

            Thread.sleep(3_500); // past the stall timeout: the server notices a full buffer that takes nothing
            StalledSseClient.Received cut = stalled.readToEnd(Duration.ofSeconds(30));
            assertTrue(cut.ended(), "the stalled subscriber's response was ended by the server");
            assertTrue(!cut.ids().isEmpty(), "it got the first events before it stopped reading");
            assertConsecutive(cut.ids(), before + 1);
            long lastSeen = cut.ids().get(cut.ids().size() - 1);
            assertTrue(lastSeen < newest, "cut off before the end: saw up to " + lastSeen + " of " + newest);
            assertTrue(cut.bytes() < written / 2, "the server held back " + cut.bytes() + " bytes of " + written
                    + " for it, not everything");

            try (SseStream resumed = SseStream.open(api.uri(ALL), "Last-Event-ID", Long.toString(lastSeen))) {
                List<SseStream.SseEvent> rest = resumed.nextChanges((int) (newest - lastSeen), Duration.ofSeconds(60));
                assertConsecutive(rest.stream().map(SseStream.SseEvent::eventId).toList(), lastSeen + 1);
                SseStream.SseEvent live = resumed.next(SseStream.EVENT_TIMEOUT);
                assertEquals("heartbeat", live.name(), "after the replay the stream is live: " + live);
            }
        }
    }

    @Test
    void aResumeFromFarBackGetsEveryEventInOrderThroughTheSmallBuffer() throws Exception {
        String workspace = unique("resume");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DEPLOYMENTS; i++) {
            names.add("r" + i);
            api.create(workspace, names.get(i));
        }
        long before = api.heartbeat(openAndGreet(ALL).nextHeartbeatAndClose()).lastEventId();
        writeBatches(workspace, names);
        try (SseStream resumed = SseStream.open(api.uri(ALL), "Last-Event-ID", Long.toString(before))) {
            List<SseStream.SseEvent> all = resumed.nextChanges(DEPLOYMENTS * BATCHES, Duration.ofSeconds(60));
            assertConsecutive(all.stream().map(SseStream.SseEvent::eventId).toList(), before + 1);
            assertEquals("heartbeat", resumed.next(SseStream.EVENT_TIMEOUT).name());
        }
    }

    private Greeting openAndGreet(String path) {
        return new Greeting(SseStream.open(api.uri(path)));
    }

    /** Writes BATCHES status changes of every deployment with a long message; answers the bytes of event data. */
    private long writeBatches(String workspace, List<String> names) {
        long bytes = 0;
        for (int i = 0; i < BATCHES; i++) {
            api.setStatuses(workspace, names, i % 2 == 0 ? "READY" : "PENDING", LONG_MESSAGE);
            bytes += (long) names.size() * (LONG_MESSAGE.length() * 2L); // each event carries the message twice at least
        }
        return bytes;
    }

    private static void assertConsecutive(List<Long> ids, long first) {
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(first + i, ids.get(i), "event " + i + " of " + ids.size() + " in order, none missing");
        }
    }

    private record Greeting(SseStream stream) {
        SseStream.SseEvent nextHeartbeatAndClose() {
            try (stream) {
                return stream.nextHeartbeat(SseStream.EVENT_TIMEOUT);
            }
        }
    }
}
