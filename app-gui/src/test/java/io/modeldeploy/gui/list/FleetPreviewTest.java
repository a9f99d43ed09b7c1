package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.ConsoleSession.FleetState;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fleet's first page is read at start beside the capabilities and the event stream, and shown
 * before the stream is live; the complete read follows once it is. Background calls run only when
 * the test says ({@link StepExecutor}).
 */
class FleetPreviewTest {

    private final StepExecutor steps = new StepExecutor();
    private final FakeClient client = new FakeClient() {
        @Override
        public ServerCapabilities capabilities() {
            return ServerCapabilities.ALL;
        }
    };
    private ConsoleSession session;
    private DeploymentListViewModel list;

    @BeforeEach
    void setUp() {
        for (int i = 0; i < 5; i++) {
            client.deployments.add(Deployments.of("prod", "d" + i, DeploymentStatus.READY, ""));
        }
        client.pageSize = 2;
        session = TestSessions.of(client, new TaskRunner(steps, Runnable::run));
        list = new DeploymentListViewModel(session);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void theFirstPageShowsBeforeTheStreamIsLiveAndEverythingOnceItIs() {
        session.start();
        assertEquals(FleetState.LOADING, session.fleetStateProperty().get());

        steps.round(); // what the server offers (the stream opens), and the first page
        assertEquals(FleetState.LOADED, session.fleetStateProperty().get(), "shown without waiting for the stream");
        assertEquals(2, list.rows().size());
        assertEquals(1, client.listCalls);
        assertTrue(session.fleetLoadingProperty().get(), "not all of it: the rest is still to be read");

        session.onHeartbeat(new StreamHeartbeat(0, Instant.now()));
        steps.round(); // the complete read's first page, now that the stream is live
        assertEquals(2, client.listCalls, "read again: a change made before the stream was live is in it");
        steps.round(); // its other pages
        assertEquals(5, list.rows().size());
        assertFalse(session.fleetLoadingProperty().get());
    }

    @Test
    void aStreamLiveBeforeThePreviewArrivedStartsTheCompleteReadAfterIt() {
        session.start();
        session.onHeartbeat(new StreamHeartbeat(0, Instant.now())); // live before the first page came

        steps.round(); // what the server offers, and the first page
        assertEquals(1, client.listCalls, "the complete read did not run beside the preview");
        assertEquals(2, list.rows().size());

        steps.round(); // the complete read's first page
        steps.round(); // its other pages
        assertEquals(2, client.listCalls);
        assertEquals(5, list.rows().size());
    }
}
