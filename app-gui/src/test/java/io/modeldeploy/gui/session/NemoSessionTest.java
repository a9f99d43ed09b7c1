package io.modeldeploy.gui.session;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session connected to a plain NeMo Platform (the models-service double, over HTTP): it finds out
 * once that the server has no event stream and polls instead, shows what changed between polls as
 * changed elsewhere, and refuses to overwrite a version that moved although NeMo has no If-Match.
 * Background calls run only when the test says ({@link StepExecutor}), so each poll is one step; the
 * wait between polls returns at once.
 */
class NemoSessionTest {

    private final NemoModelsDouble nemo = NemoModelsDouble.start();
    private final StepExecutor steps = new StepExecutor();
    private final ConsoleSession session = new ConsoleSession(new HttpDeploymentApiClient(nemo.baseUri()),
            ConnectionInfo.remote(nemo.baseUri()), new TaskRunner(steps, Runnable::run));

    @AfterEach
    void stop() {
        session.close();
        nemo.close();
    }

    /** Starts the session and runs it until the fleet was read once and the next poll waits. */
    private void connect() {
        session.pollWith(Duration.ofSeconds(5), interval -> { });
        session.start();
        steps.round(); // what the server offers
        steps.round(); // the first read of the fleet
    }

    /** One poll: the wait, then the read. */
    private void poll() {
        steps.round();
        steps.round();
    }

    private long requests(String start) {
        return nemo.requests().stream().filter(r -> r.startsWith(start)).count();
    }

    @Test
    void findsOutOnceThatNemoHasNoneOfOurExtensionsAndPollsInsteadOfStreaming() {
        nemo.createDeployment("default", "llama", "llama-nim");

        connect();

        assertEquals(ServerCapabilities.NONE,
                session.capabilitiesProperty().get());
        assertTrue(session.pollingProperty().get());
        assertEquals(State.LIVE, session.liveStateProperty().get());
        assertEquals(ConsoleSession.FleetState.LOADED, session.fleetStateProperty().get());
        assertTrue(session.store().latest(new DeploymentKey("default", "llama")).isPresent());
        poll();
        poll();
        assertEquals(1, requests("GET /apis/models/v2/workspaces/-/deployment-events"),
                "the stream was tried once, at connect, and never again: " + nemo.requests());
        assertEquals(1, requests("GET /apis/modeldeploy/v1/whoami"), nemo.requests().toString());
        assertEquals(4, nemo.requests().stream().filter(r -> r.startsWith("GET /apis/models/v2/workspaces/-/deployments?")
                && r.contains("all_versions=true")).count(),
                "the first page at start, then one read of every version per poll: " + nemo.requests());
    }

    @Test
    void aChangeMadeOnNemoBetweenPollsReachesTheStoreAsMadeElsewhere() {
        nemo.createDeployment("default", "llama", "llama-nim");
        connect();
        List<ModelDeployment> polled = TestSessions.record(session, DeploymentStore.Origin.POLL);

        nemo.postStatus("default", "llama", "READY", "serving");
        steps.round(); // the wait
        assertFalse(session.fleetLoadingProperty().get(), "a poll does not show as loading every 5 s");
        steps.round(); // the read

        ModelDeployment now = session.store().latest(new DeploymentKey("default", "llama")).orElseThrow();
        assertEquals(DeploymentStatus.READY, now.status());
        assertEquals(List.of("serving"), polled.stream().map(ModelDeployment::statusMessage).toList());
        poll();
        assertEquals(1, polled.size(), "a poll that finds nothing new changes nothing");
    }

    @Test
    void aRefreshWhileWaitingForThePollReplacesItSoThatReadsNeverOverlap() {
        nemo.createDeployment("default", "llama", "llama-nim");
        connect();

        session.reloadFleet(); // F5 while the next poll waits
        steps.round(); // the cancelled wait, and the refresh's read
        poll();

        assertEquals(4, nemo.requests().stream().filter(r -> r.contains("all_versions=true")).count(),
                "first page at start, first read, refresh, one poll: " + nemo.requests());
    }

    @Test
    void aPollThatCannotReachNemoGoesOfflineAndKeepsTheDataShown() {
        nemo.createDeployment("default", "llama", "llama-nim");
        connect();
        nemo.close();

        poll();

        assertEquals(State.OFFLINE, session.liveStateProperty().get());
        assertTrue(session.pollingProperty().get(), "still polling");
        assertTrue(session.store().latest(new DeploymentKey("default", "llama")).isPresent(), "data kept");
    }

    @Test
    void applyReReadsTheVersionAndRefusesLikeA412WhenNemoChangedItMeanwhile() {
        nemo.createDeployment("default", "llama", "llama-nim");
        connect();
        ModelDeployment edited = session.store().latest(new DeploymentKey("default", "llama")).orElseThrow();
        nemo.postStatus("default", "llama", "ERROR", "controller says broken");
        nemo.clearRequests();
        List<ApiException> failures = new ArrayList<>();

        session.updateStatus(edited, new StatusUpdateRequest(DeploymentStatus.READY, "fine by me", null),
                done -> { }, failures::add);
        steps.round();

        assertEquals(1, failures.size());
        assertTrue(failures.get(0).isPreconditionFailed(), failures.get(0).toString());
        assertNotNull(failures.get(0).currentDeployment().orElse(null));
        assertEquals(DeploymentStatus.ERROR, session.store().latest(new DeploymentKey("default", "llama"))
                .orElseThrow().status(), "the store holds NeMo's state, so the editor shows the conflict");
        assertEquals(List.of("GET /apis/models/v2/workspaces/default/deployments/llama/versions/1"), nemo.requests(),
                "nothing was posted");
    }

    @Test
    void applyOnAnUnchangedVersionPostsTheStatusAsNemoHasIt() {
        nemo.createDeployment("default", "llama", "llama-nim");
        connect();
        ModelDeployment edited = session.store().latest(new DeploymentKey("default", "llama")).orElseThrow();
        nemo.clearRequests();
        List<ModelDeployment> answers = new ArrayList<>();

        session.updateStatus(edited, new StatusUpdateRequest(DeploymentStatus.READY, "fine by me", null),
                answers::add, error -> { throw new AssertionError(error); });
        steps.round();

        assertEquals(1, answers.size());
        assertEquals(DeploymentStatus.READY, answers.get(0).status());
        assertEquals(List.of("GET /apis/models/v2/workspaces/default/deployments/llama/versions/1",
                "POST /apis/models/v2/workspaces/default/deployments/llama/status?version=1"), nemo.requests());
        assertFalse(session.store().latest(new DeploymentKey("default", "llama")).orElseThrow()
                .statusHistory().isEmpty(), "NeMo's answer, with its history, is in the store");
    }
}
