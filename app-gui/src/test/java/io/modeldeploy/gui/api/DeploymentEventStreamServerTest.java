package io.modeldeploy.gui.api;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.modeldeploy.gui.api.DeploymentEventStreamTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event stream client against the real server: live changes, and resuming after a gap. */
class DeploymentEventStreamServerTest {

    private static TestServer server;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<DeploymentEventStream> streams = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(DeploymentEventStream::close);
        ui.shutdownNow();
    }

    private DeploymentEventStream open(DeploymentEventStreamTest.Recorder recorder) {
        DeploymentEventStream stream = new HttpDeploymentApiClient(server.baseUrl()).eventStream(ui, recorder);
        streams.add(stream);
        return stream;
    }

    @Test
    void changesMadeWithPlainHttpArriveInCommitOrder() {
        DeploymentEventStreamTest.Recorder recorder = new DeploymentEventStreamTest.Recorder();
        DeploymentEventStream stream = open(recorder);
        stream.start();
        await("live", () -> recorder.states.contains(State.LIVE));

        server.create("stream-live", "llama", "cfg");
        server.setStatus("stream-live", "llama", "READY", "serving");

        await("two events", () -> recorder.events.size() >= 2);
        DeploymentEvent created = recorder.events.get(0);
        DeploymentEvent changed = recorder.events.get(1);
        assertEquals(DeploymentEventType.CREATED, created.type());
        assertEquals(DeploymentEventType.STATUS_CHANGED, changed.type());
        assertTrue(changed.eventId() > created.eventId());
        assertEquals("stream-live", changed.workspace());
        assertEquals("llama", changed.name());
        assertEquals(DeploymentStatus.READY, changed.deployment().status());
        assertEquals(1, changed.deployment().statusHistory().size(), "only the entry this change added");
        assertEquals("serving", changed.deployment().statusHistory().get(0).statusMessage());
        assertEquals(changed.eventId(), stream.lastEventId());
    }

    @Test
    void aStreamStartedFromAnIdReceivesExactlyWhatWasMissed() {
        DeploymentEventStreamTest.Recorder first = new DeploymentEventStreamTest.Recorder();
        DeploymentEventStream before = open(first);
        before.start();
        await("live", () -> first.states.contains(State.LIVE));
        server.create("stream-gap", "phi", "cfg");
        await("the create", () -> first.events.size() == 1);
        long seen = before.lastEventId();
        before.close();

        // Changes while the console is away.
        server.setStatus("stream-gap", "phi", "PENDING", "one");
        server.setStatus("stream-gap", "phi", "READY", "two");
        server.setStatus("stream-gap", "phi", "ERROR", "three");

        DeploymentEventStreamTest.Recorder second = new DeploymentEventStreamTest.Recorder();
        open(second).start(seen);
        await("the missed changes", () -> second.events.size() >= 3);
        server.setStatus("stream-gap", "phi", "READY", "four");
        await("the live one after them", () -> second.events.size() >= 4);

        assertEquals(List.of("one", "two", "three", "four"), second.events.stream()
                .filter(e -> e.name().equals("phi"))
                .map(e -> e.deployment().statusMessage()).toList());
        assertEquals(List.of(seen + 1, seen + 2, seen + 3, seen + 4), second.ids, "each once, in order");
    }
}
