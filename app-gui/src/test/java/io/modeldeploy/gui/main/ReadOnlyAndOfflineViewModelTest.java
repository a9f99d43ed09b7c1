package io.modeldeploy.gui.main;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a window: the role the server names once the stream is live makes the console read-only
 * (or a 403 does), and an unreachable server shows the offline banner text and marks the data stale.
 */
class ReadOnlyAndOfflineViewModelTest {

    /** A server that answers whoami as scripted and refuses deletes as scripted. */
    static final class RoleClient extends ForwardingDeploymentApiClient {
        final List<ModelDeployment> deployments = new ArrayList<>();
        CallerIdentity caller;
        ApiException whoamiFailure;
        ApiException deleteFailure;
        ApiException createFailure;
        int whoamiCalls;

        RoleClient() {
            super(URI.create("http://127.0.0.1:9"));
        }

        @Override
        public CallerIdentity whoami() throws ApiException {
            whoamiCalls++;
            if (whoamiFailure != null) {
                throw whoamiFailure;
            }
            return caller;
        }

        @Override
        public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions) {
            List<ModelDeployment> all = List.copyOf(deployments);
            return new ListPage<>(all, Pagination.of(1, FULL_PAGE_SIZE, all.size(), all.size()), null);
        }

        @Override
        public ModelDeployment createDeployment(String workspace, CreateDeploymentRequest request)
                throws ApiException {
            throw createFailure;
        }

        @Override
        public Optional<ModelDeployment> deleteDeployment(String workspace, String name) throws ApiException {
            throw deleteFailure;
        }
    }

    /** A clock the test moves. */
    static final class SteppedClock extends Clock {
        Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ModelDeployment llama = Deployments.of("prod", "llama", DeploymentStatus.READY, "serving");
    private RoleClient client;
    private SteppedClock clock;
    private ConsoleSession session;
    private MainViewModel vm;

    @BeforeEach
    void setUp() {
        client = new RoleClient();
        client.deployments.add(llama);
        clock = new SteppedClock(Instant.parse("2026-07-01T10:04:30Z"));
        session = TestSessions.of(client, TaskRunner.direct(), clock);
        vm = new MainViewModel(session, new DeploymentListViewModel(session), ZoneOffset.UTC);
    }

    private void goLive() {
        session.onStateChanged(State.LIVE);
        session.onHeartbeat(new StreamHeartbeat(1, clock.instant()));
    }

    // ---------------------------------------------------------------- role

    @Test
    void aViewerTokenMakesTheConsoleReadOnlyOnceConnected() {
        client.caller = new CallerIdentity("dashboard", "viewer", false);
        assertFalse(vm.readOnlyProperty().get(), "writable until the server says otherwise");
        goLive();
        session.onHeartbeat(new StreamHeartbeat(1, clock.instant()));
        assertEquals(1, client.whoamiCalls, "asked once");
        assertTrue(vm.readOnlyProperty().get());
        assertFalse(session.canWriteProperty().get());
        assertEquals("read-only: viewer token", vm.readOnlyTextProperty().get());
    }

    @Test
    void anEditorTokenMayWrite() {
        client.caller = new CallerIdentity("alice", "editor", true);
        goLive();
        assertFalse(vm.readOnlyProperty().get());
        assertEquals("", vm.readOnlyTextProperty().get());
        assertEquals("alice", session.callerProperty().get().name());
    }

    @Test
    void aServerWithoutWhoAmIIsTakenToAllowWritesAndIsNotAskedAgain() {
        client.whoamiFailure = new ApiException(404, "Not Found", List.of());
        goLive();
        session.onHeartbeat(new StreamHeartbeat(1, clock.instant()));
        assertFalse(vm.readOnlyProperty().get());
        assertEquals(1, client.whoamiCalls);
    }

    @Test
    void whenWhoAmIGotNoAnswerTheNextHeartbeatAsksAgain() {
        client.whoamiFailure = ApiException.connectionFailure("Connection refused", null);
        goLive();
        client.whoamiFailure = null;
        client.caller = new CallerIdentity("dashboard", "viewer", false);
        session.onHeartbeat(new StreamHeartbeat(1, clock.instant()));
        assertEquals(2, client.whoamiCalls);
        assertTrue(vm.readOnlyProperty().get());
    }

    @Test
    void aRefusedWriteSwitchesToReadOnlyAndSaysSo() {
        client.caller = new CallerIdentity("alice", "editor", true);
        goLive();
        client.deleteFailure = ApiException.accessDenied(403, true,
                "Forbidden: token 'alice' is a viewer and may only read");
        vm.delete(llama, result -> { }, error -> { });
        assertTrue(vm.readOnlyProperty().get());
        assertEquals("read-only: the server refused a change", vm.readOnlyTextProperty().get());
        assertTrue(vm.activityProperty().get().startsWith("Could not delete prod/llama: This token may only read"),
                vm.activityProperty().get());
    }

    @Test
    void aRefusedCreateSaysTheConsoleIsReadOnlyNow() {
        client.caller = new CallerIdentity("alice", "editor", true);
        goLive();
        client.createFailure = ApiException.accessDenied(403, true, "Forbidden");
        session.createDeployment("prod", new CreateDeploymentRequest("phi", "cfg", null, null),
                created -> { }, error -> { });
        assertTrue(vm.readOnlyProperty().get());
        assertEquals("The server refused a change (403): this console is read-only now", vm.activityProperty().get());
    }

    // ---------------------------------------------------------------- offline

    @Test
    void aServerThatRefusesTheTokenIsNotCalledUnreachable() {
        clock.now = Instant.parse("2026-07-01T10:05:12Z");
        session.onStateChanged(State.RECONNECTING);
        vm.accessDenied(io.modeldeploy.gui.api.ApiException.accessDenied(401, true, "Unknown or revoked token"));
        session.onStateChanged(State.OFFLINE);
        assertTrue(vm.offlineTextProperty().get().startsWith(
                "The server refuses this console's token since 10:05:12 \u2014 retrying;"), vm.offlineTextProperty().get());
        session.onStateChanged(State.LIVE);
        session.onStateChanged(State.RECONNECTING);
        session.onStateChanged(State.OFFLINE);
        assertTrue(vm.offlineTextProperty().get().startsWith("Server not reachable since "),
                "once live again, a later outage is a plain one");
    }

    @Test
    void anUnreachableServerShowsSinceWhenAndHowOldTheDataIs() {
        client.caller = new CallerIdentity("alice", "editor", true);
        goLive();
        assertEquals("", vm.offlineTextProperty().get());
        assertFalse(vm.staleProperty().get());

        clock.now = Instant.parse("2026-07-01T10:05:12Z");
        session.onStateChanged(State.RECONNECTING);
        assertEquals("", vm.offlineTextProperty().get(), "a single reconnect is no banner yet");
        clock.now = Instant.parse("2026-07-01T10:05:16Z");
        session.onStateChanged(State.OFFLINE);
        assertEquals("Server not reachable since 10:05:12 \u2014 retrying; showing data as of 10:05",
                vm.offlineTextProperty().get());
        assertTrue(vm.staleProperty().get());
        assertEquals(Instant.parse("2026-07-01T10:05:12Z"), vm.dataAsOfProperty().get());
        assertEquals(Instant.parse("2026-07-01T10:05:12Z"), vm.list().staleAsOfProperty().get(),
                "the list's times stop saying just now");

        clock.now = Instant.parse("2026-07-01T10:05:30Z");
        session.onStateChanged(State.RECONNECTING);
        session.onStateChanged(State.OFFLINE);
        assertEquals("Server not reachable since 10:05:12 \u2014 retrying; showing data as of 10:05",
                vm.offlineTextProperty().get(), "since when the server was lost, not the latest retry");

        session.onStateChanged(State.LIVE);
        assertEquals("", vm.offlineTextProperty().get());
        assertFalse(vm.staleProperty().get());
        assertEquals(null, vm.list().staleAsOfProperty().get());
    }
}
