package io.modeldeploy.gui.main;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.modeldeploy.gui.Deployments.T0;
import static io.modeldeploy.gui.Deployments.entry;
import static io.modeldeploy.model.DeploymentStatus.CREATED;
import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static io.modeldeploy.model.DeploymentStatus.READY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window's handling of the event stream, without a window or a network: when the list is
 * loaded, each change applied exactly once and in order, handed to the detail pane, and the status
 * bar's live indicator.
 */
class LiveChangesViewModelTest {

    private MainViewModelTest.ScriptedClient client;
    private ConsoleSession session;
    private MainViewModel vm;
    private final List<List<DeploymentEvent>> applied = new ArrayList<>();
    private ModelDeployment llama;

    @BeforeEach
    void setUp() {
        client = new MainViewModelTest.ScriptedClient();
        llama = Deployments.withHistory(Deployments.of("prod", "llama", CREATED, ""),
                entry(CREATED, "Deployment created", T0, "alice"));
        client.deployments.add(llama);
        TaskRunner async = TaskRunner.direct();
        session = TestSessions.of(client, async, Clock.fixed(T0, ZoneOffset.UTC));
        vm = new MainViewModel(session, new DeploymentListViewModel(session), ZoneOffset.UTC);
        session.addObserver(new ConsoleSession.Observer() {
            @Override
            public void eventsApplied(List<DeploymentEvent> events) {
                applied.add(events);
            }
        });
    }

    private static StreamHeartbeat heartbeat(long lastEventId) {
        return new StreamHeartbeat(lastEventId, T0);
    }

    private DeploymentEvent change(long id, ModelDeployment before, io.modeldeploy.model.DeploymentStatus status,
                                   int seconds) {
        return Deployments.statusChanged(id, before, status, "change " + id, T0.plusSeconds(seconds), "bob");
    }

    private ModelDeployment listed() {
        return vm.list().find("prod", "llama").orElseThrow().deployment();
    }

    @Test
    void theListIsLoadedOnceTheStreamIsLiveAndTheHeartbeatIsTheStartingPoint() {
        assertEquals(0, client.listCalls, "nothing is read before the stream is live");
        session.onStateChanged(State.LIVE);
        session.onHeartbeat(heartbeat(42));
        assertEquals(1, client.listCalls);
        assertEquals(42, session.lastAppliedEventId());
        session.onHeartbeat(heartbeat(42));
        session.onHeartbeat(heartbeat(43));
        assertEquals(1, client.listCalls, "later heartbeats load nothing");
        assertEquals(42, session.lastAppliedEventId(), "only events move the starting point");
    }

    @Test
    void aSlowStreamDoesNotHoldTheListBackAndTheListIsReadAgainOnceLive() {
        session.startupGraceOver();
        assertEquals(1, client.listCalls);
        assertTrue(vm.list().exists("prod", "llama"));
        session.startupGraceOver();
        assertEquals(1, client.listCalls);
        session.onStateChanged(State.LIVE);
        session.onHeartbeat(heartbeat(7));
        assertEquals(2, client.listCalls, "a change made before the stream was live would be missing otherwise");
        session.onHeartbeat(heartbeat(7));
        assertEquals(2, client.listCalls);
    }

    @Test
    void aStreamThatFailsToConnectLoadsTheListAtOnce() {
        session.onStateChanged(State.RECONNECTING);
        assertEquals(1, client.listCalls);
        session.onStateChanged(State.OFFLINE);
        assertEquals(1, client.listCalls);
        assertEquals("The server can't be reached; changes will show once it is back", vm.activityProperty().get());
    }

    @Test
    void everyChangeIsAppliedOnceInCommitOrder() {
        session.onHeartbeat(heartbeat(10));
        DeploymentEvent e11 = change(11, llama, PENDING, 60);
        ModelDeployment after11 = Deployments.after(llama, e11);
        DeploymentEvent e12 = change(12, after11, READY, 120);
        ModelDeployment after12 = Deployments.after(after11, e12);
        DeploymentEvent e13 = change(13, after12, ERROR, 180);

        session.onEvents(List.of(e11, e12));
        assertEquals(READY, listed().status());
        assertEquals(3, listed().statusHistory().size());

        session.onEvents(List.of(e12, e13)); // e12 again, as a replay after a reconnect would bring it
        session.onEvents(List.of(change(9, llama, LOST, 30))); // older than anything applied

        assertEquals(ERROR, listed().status());
        assertEquals(List.of(CREATED, PENDING, READY, ERROR), listed().statusHistory().stream()
                .map(e -> e.status()).toList(), "each entry once, in order");
        assertEquals(13, session.lastAppliedEventId());
        assertEquals(List.of(List.of(e11, e12), List.of(e13)), applied, "each change is applied once");
        assertEquals(T0.plusSeconds(180), session.lastEventAtProperty().get());
        assertTrue(vm.list().highlights().containsKey("prod/llama"));
        assertEquals("prod/llama v1 is now Error \u00B7 bob via the API", vm.activityProperty().get());
    }

    @Test
    void theLiveIndicatorSaysWhereTheStreamStandsAndWhenTheLastChangeWasMade() {
        assertEquals("Connecting\u2026", vm.liveTextProperty().get());
        session.onStateChanged(State.LIVE);
        assertEquals("Live", vm.liveTextProperty().get());
        session.onHeartbeat(heartbeat(0));
        session.onEvents(List.of(change(1, llama, READY, 125)));
        assertEquals("Live \u00B7 last change 10:02:05", vm.liveTextProperty().get());
        session.onStateChanged(State.RECONNECTING);
        assertEquals("Reconnecting\u2026 \u00B7 last change 10:02:05", vm.liveTextProperty().get());
        session.onStateChanged(State.OFFLINE);
        assertEquals("Offline \u00B7 retrying \u00B7 last change 10:02:05", vm.liveTextProperty().get());
        session.onStateChanged(State.LIVE);
        assertEquals(State.LIVE, session.liveStateProperty().get());
        assertEquals("Connection restored; caught up with every change made meanwhile", vm.activityProperty().get());
        session.onStateChanged(State.CLOSED);
        assertEquals("Not connected \u00B7 last change 10:02:05", vm.liveTextProperty().get());
    }

    @Test
    void aServerThatStartedOverMakesTheConsoleReloadAndCountAgain() {
        session.onHeartbeat(heartbeat(100));
        session.onEvents(List.of(change(101, llama, READY, 60)));
        int calls = client.listCalls;

        session.onResync(ResyncReason.LOG_RESTARTED);

        assertEquals(calls + 1, client.listCalls);
        assertEquals(-1, session.lastAppliedEventId());
        assertEquals("Reloading everything: the server's change log starts over", vm.activityProperty().get());
        session.onEvents(List.of(change(5, listed(), ERROR, 300)));
        assertEquals(ERROR, listed().status(), "ids below the old ones count again");
    }

    @Test
    void describeNamesWhatHappenedAndWhoDidIt() {
        ModelDeployment v2 = Deployments.withHistory(Deployments.of("prod", "llama", 2, PENDING, "", T0),
                entry(PENDING, "Deployment update pending", T0, "carol"));
        assertEquals("Created version 2 of prod/llama \u00B7 carol via the API",
                MainViewModel.describe(Deployments.event(1, DeploymentEventType.VERSION_CREATED, v2)));
        assertEquals("Purged prod/llama v2",
                MainViewModel.describe(Deployments.event(2, DeploymentEventType.PURGED, v2)));
        assertEquals("Created prod/llama \u00B7 alice via the API",
                MainViewModel.describe(Deployments.event(3, DeploymentEventType.CREATED, llama)));
        Instant at = T0.plusSeconds(5);
        assertEquals("prod/llama v1 is marked for deletion \u00B7 dave via the API",
                MainViewModel.describe(new DeploymentEvent(4, DeploymentEventType.DELETED, "prod", "llama", 1, at,
                        Deployments.withHistory(llama, entry(io.modeldeploy.model.DeploymentStatus.DELETING,
                                "Deployment deletion requested", at, "dave")))));
    }
}
