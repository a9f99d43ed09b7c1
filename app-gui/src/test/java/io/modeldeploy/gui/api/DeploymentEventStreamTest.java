package io.modeldeploy.gui.api;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The event stream client against a scripted local SSE server: parsing over the wire, resuming
 * with Last-Event-ID, dropping duplicates, heartbeats, dead connections, state changes, closing.
 */
class DeploymentEventStreamTest {

    /** Fast reconnects, so the tests don't wait for the real half-second backoff. */
    private static final DeploymentEventStream.Settings FAST = new DeploymentEventStream.Settings(
            Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(30), 3, Duration.ofSeconds(2));

    /** Records everything the stream hands over, on a single "UI" thread like the FX thread. */
    static class Recorder implements DeploymentEventStream.Listener {
        final List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        final List<DeploymentEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<State> states = Collections.synchronizedList(new ArrayList<>());
        final List<StreamHeartbeat> heartbeats = Collections.synchronizedList(new ArrayList<>());
        final List<ResyncReason> resyncs = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvents(List<DeploymentEvent> batch) {
            threads.add(Thread.currentThread().getName());
            events.addAll(batch);
            batch.forEach(e -> ids.add(e.eventId()));
        }

        @Override
        public void onHeartbeat(StreamHeartbeat heartbeat) {
            heartbeats.add(heartbeat);
        }

        @Override
        public void onStateChanged(State state) {
            threads.add(Thread.currentThread().getName());
            states.add(state);
        }

        @Override
        public void onResync(ResyncReason reason) {
            resyncs.add(reason);
        }
    }

    private final SseTestServer server = new SseTestServer();
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final Recorder recorder = new Recorder();
    private DeploymentEventStream stream;

    @AfterEach
    void tearDown() {
        if (stream != null) {
            stream.close();
        }
        server.close();
        ui.shutdownNow();
    }

    private DeploymentEventStream open(DeploymentEventStream.Settings settings) {
        stream = new HttpDeploymentApiClient(server.baseUrl()).eventStream("-", ui, recorder, settings);
        return stream;
    }

    static DeploymentEvent event(long id, String name, DeploymentStatus status) {
        return new DeploymentEvent(id, DeploymentEventType.STATUS_CHANGED, "prod", name, 1,
                Deployments.T0.plusSeconds(id),
                Deployments.of("prod", name, 1, status, "event " + id, Deployments.T0.plusSeconds(id)));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
    }

    @Test
    void becomesLiveOnTheFirstHeartbeatAndDeliversEventsInOrderOnTheUiExecutor() {
        server.then(c -> {
            c.heartbeat(5).event(event(6, "llama", DeploymentStatus.PENDING))
                    .event(event(7, "llama", DeploymentStatus.READY));
            c.holdOpen();
        });
        open(FAST).start();

        await("two events", () -> recorder.ids.size() == 2);
        assertEquals(List.of(6L, 7L), recorder.ids);
        assertEquals(DeploymentStatus.READY, recorder.events.get(1).deployment().status());
        assertEquals("event 7", recorder.events.get(1).deployment().statusMessage());
        await("live", () -> recorder.states.contains(State.LIVE));
        assertEquals(List.of(State.LIVE), recorder.states, "from CONNECTING straight to LIVE");
        assertEquals(7, stream.lastEventId());
        assertTrue(recorder.threads.stream().allMatch("test-ui"::equals), recorder.threads.toString());
        await("the state follows on the UI executor", () -> stream.state() == State.LIVE);

        SseTestServer.Request first = server.requests().get(0);
        assertNull(first.lastEventId(), "nothing to resume from on the first connection");
        assertEquals("text/event-stream", first.accept());
        assertEquals("gui", first.source());
        assertEquals(5, recorder.heartbeats.get(0).lastEventId());
    }

    @Test
    void theStateChangesOnTheUiExecutorBeforeTheListenerHearsOfIt() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        DeploymentEventStream.Listener listener = new Recorder() {
            @Override
            public void onStateChanged(State state) {
                seen.add(Thread.currentThread().getName() + " " + state + " " + stream.state());
            }
        };
        server.then(c -> {
            c.heartbeat(0);
            c.holdOpen();
        });
        stream = new HttpDeploymentApiClient(server.baseUrl()).eventStream("-", ui, listener, FAST);
        assertEquals(State.CONNECTING, stream.state());
        stream.start();
        await("live", () -> !seen.isEmpty());
        stream.close();
        await("closed", () -> seen.size() == 2);

        assertEquals(List.of("test-ui LIVE LIVE", "test-ui CLOSED CLOSED"), seen);
        assertEquals(State.CLOSED, ui.submit(stream::state).get(), "as the UI executor sees it");
    }

    @Test
    void reconnectsAfterADropResumingWithLastEventIdAndDeliversNothingTwice() {
        server.then(c -> c.heartbeat(0).event(event(1, "a", DeploymentStatus.PENDING))
                .event(event(2, "a", DeploymentStatus.READY)));
        server.then(c -> {
            // The replay overlaps what was received (id 2) and goes on.
            c.event(event(2, "a", DeploymentStatus.READY)).heartbeat(3).event(event(3, "b", DeploymentStatus.ERROR));
            c.holdOpen();
        });
        open(FAST).start();

        await("three events", () -> recorder.ids.size() >= 3);
        await("live again", () -> recorder.states.size() >= 3);
        assertEquals(List.of(1L, 2L, 3L), recorder.ids);
        assertEquals("2", server.requests().get(1).lastEventId());
        assertEquals(List.of(State.LIVE, State.RECONNECTING, State.LIVE), recorder.states);
        assertEquals(2, stream.connectionCount());
    }

    @Test
    void theFirstHeartbeatIsTheStartingPointWhenThereIsNone() {
        server.then(c -> c.heartbeat(41));
        open(FAST).start();
        await("a second connection", () -> server.requests().size() >= 2);
        assertEquals("41", server.requests().get(1).lastEventId());
        assertEquals(41, stream.lastEventId());
    }

    @Test
    void startingFromAKnownIdSendsItOnTheFirstConnection() {
        server.then(c -> {
            c.event(event(18, "a", DeploymentStatus.READY)).heartbeat(18);
            c.holdOpen();
        });
        open(FAST).start(17);
        await("the replayed event", () -> recorder.ids.size() == 1);
        assertEquals("17", server.requests().get(0).lastEventId());
        assertEquals(List.of(18L), recorder.ids);
    }

    @Test
    void parsesCrLfCommentsAndDataSpreadOverSeveralLines() {
        String json = SseTestServer.json(event(9, "multi", DeploymentStatus.LOST));
        int cut = json.indexOf(",\"type\"");
        server.then(c -> {
            c.raw(": hello\r\nevent: heartbeat\r\ndata: {\"last_event_id\":8,\r\ndata: \"timestamp\":\"2026-07-01T10:00:00Z\"}\r\n\r\n");
            c.raw(":keep-alive\r\n\r\n");
            c.raw("id: 9\r\nevent: status_changed\r\ndata: " + json.substring(0, cut + 1) + "\r\ndata: "
                    + json.substring(cut + 1) + "\r\n\r\n");
            c.holdOpen();
        });
        open(FAST).start();
        await("the event", () -> recorder.ids.size() == 1);
        assertEquals("multi", recorder.events.get(0).name());
        assertEquals(DeploymentStatus.LOST, recorder.events.get(0).deployment().status());
        assertEquals(8, recorder.heartbeats.get(0).lastEventId());
    }

    @Test
    void aSilentConnectionCountsAsDeadAndIsOpenedAgain() {
        open(new DeploymentEventStream.Settings(Duration.ofMillis(20), Duration.ofMillis(80),
                Duration.ofMillis(300), 3, Duration.ofSeconds(2)));
        server.then(c -> {
            c.heartbeat(4);
            c.holdOpen(); // then silence: no heartbeat, no event
        });
        server.then(c -> {
            c.heartbeat(4);
            c.holdOpen();
        });
        long started = System.nanoTime();
        stream.start();
        await("a second connection", () -> server.requests().size() >= 2);
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertTrue(took >= 250, "not before the stall timeout: " + took + " ms");
        assertEquals("4", server.requests().get(1).lastEventId());
        await("live again", () -> recorder.states.equals(List.of(State.LIVE, State.RECONNECTING, State.LIVE)));
    }

    @Test
    void aConnectionThatKeepsBeatingOutlivesTheRequestTimeout() {
        // Request timeout = connect timeout + stall timeout = 500 ms here; the stream lasts 1.5 s.
        open(new DeploymentEventStream.Settings(Duration.ofMillis(20), Duration.ofMillis(80),
                Duration.ofMillis(300), 3, Duration.ofMillis(200)));
        server.then(c -> {
            for (int i = 0; i < 15; i++) {
                c.heartbeat(i);
                Thread.sleep(100);
            }
            c.holdOpen();
        });
        stream.start();
        await("fifteen heartbeats", () -> recorder.heartbeats.size() >= 15);
        assertEquals(1, server.requests().size(), "one connection all along");
        assertEquals(List.of(State.LIVE), recorder.states);
    }

    @Test
    void failedAttemptsGoOfflineAfterThreeAndItRecoversWhenTheServerAnswers() {
        server.fail(4, 503);
        server.then(c -> {
            c.heartbeat(0);
            c.holdOpen();
        });
        open(FAST).start();
        await("live", () -> recorder.states.contains(State.LIVE));
        assertEquals(List.of(State.RECONNECTING, State.OFFLINE, State.LIVE), recorder.states);
        assertEquals(5, server.requests().size());
    }

    @Test
    void aServerWithNoRoomIsAskedAgainAfterItsRetryAfterAndNeverCountsAsOffline() {
        server.busy(3, 1);
        server.then(c -> {
            c.heartbeat(0);
            c.holdOpen();
        });
        open(FAST).start();
        await("live", () -> recorder.states.contains(State.LIVE));
        assertEquals(List.of(State.RECONNECTING, State.LIVE), recorder.states, "busy is not offline, however often");
        List<SseTestServer.Request> requests = server.requests();
        assertEquals(4, requests.size());
        for (int i = 1; i < requests.size(); i++) {
            long waitedMillis = (requests.get(i).receivedNanos() - requests.get(i - 1).receivedNanos()) / 1_000_000;
            assertTrue(waitedMillis >= 900, "asked again only after Retry-After (1 s), not after the 20 ms backoff: "
                    + waitedMillis + " ms");
        }
    }

    @Test
    void anAnswerThatIsNotAnEventStreamIsAFailure() {
        server.fail(1, 404);
        server.then(c -> {
            c.heartbeat(2);
            c.holdOpen();
        });
        open(FAST).start();
        await("live", () -> recorder.states.contains(State.LIVE));
        assertEquals(List.of(State.RECONNECTING, State.LIVE), recorder.states);
        assertEquals(1, stream.connectionCount(), "the 404 was no event stream");
    }

    @Test
    void aServerWhoseLogEndsBeforeTheResumePointAsksForAFullReload() {
        server.then(c -> {
            c.heartbeat(10).event(event(11, "a", DeploymentStatus.READY));
            c.holdOpen();
        });
        open(FAST).start(50);
        await("the event after the reset", () -> recorder.ids.size() == 1);
        assertEquals(List.of(ResyncReason.LOG_RESTARTED), recorder.resyncs);
        assertEquals(List.of(11L), recorder.ids, "ids below the old resume point count again");
        assertEquals(11, stream.lastEventId());
    }

    @Test
    void aResyncFromTheServerAsksForAFullReloadAndFollowsFromItsNewestEvent() {
        server.then(c -> {
            c.raw("event: resync\ndata: {\"last_event_id\":40,\"reason\":\"The events after 5 are no longer kept\"}\n\n");
            c.heartbeat(40).event(event(41, "a", DeploymentStatus.READY));
            c.holdOpen();
        });
        open(FAST).start(5);
        await("the event after the resync", () -> recorder.ids.size() == 1);
        assertEquals(List.of(ResyncReason.EVENTS_EXPIRED), recorder.resyncs);
        assertEquals(List.of(41L), recorder.ids);
        assertEquals(41, stream.lastEventId());
    }

    @Test
    void unreadableEventsAskForAFullReloadAndUnknownOnesAreSkipped() {
        server.then(c -> {
            c.heartbeat(0);
            c.raw("id: 1\nevent: status_changed\ndata: {not json\n\n");
            c.raw("id: 2\nevent: workspace_renamed\ndata: {\"event_id\":2,\"type\":\"workspace_renamed\"}\n\n");
            c.event(event(3, "a", DeploymentStatus.READY));
            c.holdOpen();
        });
        open(FAST).start();
        await("the good event", () -> recorder.ids.size() == 1);
        assertEquals(List.of(3L), recorder.ids);
        assertEquals(List.of(ResyncReason.UNREADABLE_EVENT), recorder.resyncs);
    }

    @Test
    void closeStopsReadingAndReconnectingAndSaysClosed() throws InterruptedException {
        server.then(c -> {
            c.heartbeat(0);
            c.holdOpen();
        });
        open(FAST).start();
        await("live", () -> recorder.states.contains(State.LIVE));
        stream.close();
        await("closed", () -> recorder.states.contains(State.CLOSED));
        int requests = server.requests().size();
        Thread.sleep(250); // several backoff periods
        assertEquals(requests, server.requests().size(), "no reconnect after close");
        assertTrue(stream.isClosed());
        assertEquals(State.CLOSED, recorder.states.get(recorder.states.size() - 1));
        await("the reading thread ended", () -> !stream.isRunning());
    }
}
