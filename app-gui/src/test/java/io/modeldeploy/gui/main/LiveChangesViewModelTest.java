package io.modeldeploy.gui.main;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.util.Async;
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
    private MainViewModel vm;
    private final List<List<DeploymentEvent>> toDetail = new ArrayList<>();
    private ModelDeployment llama;

    @BeforeEach
    void setUp() {
        client = new MainViewModelTest.ScriptedClient();
        llama = Deployments.withHistory(Deployments.of("prod", "llama", CREATED, ""),
                entry(CREATED, "Deployment created", T0, "alice"));
        client.deployments.add(llama);
        Async async = Async.direct();
        vm = new MainViewModel(client, async, ConnectionInfo.remote(URI.create("http://127.0.0.1:9")),
                new DeploymentListViewModel(client, async), Clock.fixed(T0, ZoneOffset.UTC), ZoneOffset.UTC);
        vm.setDetailEvents(toDetail::add);
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
        vm.onStateChanged(State.LIVE);
        vm.onHeartbeat(heartbeat(42));
        assertEquals(1, client.listCalls);
        assertEquals(42, vm.lastAppliedEventId());
        vm.onHeartbeat(heartbeat(42));
        vm.onHeartbeat(heartbeat(43));
        assertEquals(1, client.listCalls, "later heartbeats load nothing");
        assertEquals(42, vm.lastAppliedEventId(), "only events move the starting point");
    }

    @Test
    void aSlowStreamDoesNotHoldTheListBackAndTheListIsReadAgainOnceLive() {
        vm.startupGraceOver();
        assertEquals(1, client.listCalls);
        assertTrue(vm.list().exists("prod", "llama"));
        vm.startupGraceOver();
        assertEquals(1, client.listCalls);
        vm.onStateChanged(State.LIVE);
        vm.onHeartbeat(heartbeat(7));
        assertEquals(2, client.listCalls, "a change made before the stream was live would be missing otherwise");
        vm.onHeartbeat(heartbeat(7));
        assertEquals(2, client.listCalls);
    }

    @Test
    void aStreamThatFailsToConnectLoadsTheListAtOnce() {
        vm.onStateChanged(State.RECONNECTING);
        assertEquals(1, client.listCalls);
        vm.onStateChanged(State.OFFLINE);
        assertEquals(1, client.listCalls);
        assertEquals("The server can't be reached; changes will show once it is back", vm.activityProperty().get());
    }

    @Test
    void everyChangeIsAppliedOnceInCommitOrderAndHandedToTheDetailPane() {
        vm.onHeartbeat(heartbeat(10));
        DeploymentEvent e11 = change(11, llama, PENDING, 60);
        ModelDeployment after11 = Deployments.after(llama, e11);
        DeploymentEvent e12 = change(12, after11, READY, 120);
        ModelDeployment after12 = Deployments.after(after11, e12);
        DeploymentEvent e13 = change(13, after12, ERROR, 180);

        vm.onEvents(List.of(e11, e12));
        assertEquals(READY, listed().status());
        assertEquals(3, listed().statusHistory().size());

        vm.onEvents(List.of(e12, e13)); // e12 again, as a replay after a reconnect would bring it
        vm.onEvents(List.of(change(9, llama, LOST, 30))); // older than anything applied

        assertEquals(ERROR, listed().status());
        assertEquals(List.of(CREATED, PENDING, READY, ERROR), listed().statusHistory().stream()
                .map(e -> e.status()).toList(), "each entry once, in order");
        assertEquals(13, vm.lastAppliedEventId());
        assertEquals(List.of(List.of(e11, e12), List.of(e13)), toDetail, "the detail pane sees each change once");
        assertEquals(T0.plusSeconds(180), vm.lastEventAtProperty().get());
        assertTrue(vm.list().highlights().containsKey("prod/llama"));
        assertEquals("prod/llama v1 is now Error \u00B7 bob via the API", vm.activityProperty().get());
    }

    @Test
    void theLiveIndicatorSaysWhereTheStreamStandsAndWhenTheLastChangeWasMade() {
        assertEquals("Connecting\u2026", vm.liveTextProperty().get());
        vm.onStateChanged(State.LIVE);
        assertEquals("Live", vm.liveTextProperty().get());
        vm.onHeartbeat(heartbeat(0));
        vm.onEvents(List.of(change(1, llama, READY, 125)));
        assertEquals("Live \u00B7 last change 10:02:05", vm.liveTextProperty().get());
        vm.onStateChanged(State.RECONNECTING);
        assertEquals("Reconnecting\u2026 \u00B7 last change 10:02:05", vm.liveTextProperty().get());
        vm.onStateChanged(State.OFFLINE);
        assertEquals("Offline \u00B7 retrying \u00B7 last change 10:02:05", vm.liveTextProperty().get());
        vm.onStateChanged(State.LIVE);
        assertEquals(State.LIVE, vm.liveStateProperty().get());
        assertEquals("Connection restored; caught up with every change made meanwhile", vm.activityProperty().get());
        vm.onStateChanged(State.CLOSED);
        assertEquals("Not connected \u00B7 last change 10:02:05", vm.liveTextProperty().get());
    }

    @Test
    void aServerThatStartedOverMakesTheConsoleReloadAndCountAgain() {
        vm.onHeartbeat(heartbeat(100));
        vm.onEvents(List.of(change(101, llama, READY, 60)));
        int calls = client.listCalls;

        vm.onResync(ResyncReason.LOG_RESTARTED);

        assertEquals(calls + 1, client.listCalls);
        assertEquals(-1, vm.lastAppliedEventId());
        assertEquals("Reloading everything: the server's change log starts over", vm.activityProperty().get());
        vm.onEvents(List.of(change(5, listed(), ERROR, 300)));
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
