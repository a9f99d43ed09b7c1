package io.modeldeploy.gui.api;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.modeldeploy.gui.api.DeploymentEventStreamTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client and the event stream authenticate with the server's local token, against a real
 * server that lets nobody in without a token ({@code --require-auth}).
 */
class AuthenticationTest {

    private static final String VIEWER_SECRET = "viewer-secret-" + System.nanoTime();
    private static TestServer server;
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final List<DeploymentEventStream> streams = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        // A viewer token besides the local one; read by the server at start only.
        System.setProperty("modeldeploy.tokens", "dashboard:viewer:" + VIEWER_SECRET);
        try {
            server = TestServer.start(options -> options.withRequireAuth(true));
        } finally {
            System.clearProperty("modeldeploy.tokens");
        }
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

    @Test
    void whoamiNamesTheCallerAndItsRole() throws ApiException {
        CallerIdentity local = new HttpDeploymentApiClient(server.baseUrl(), server.localToken()).whoami();
        assertEquals(new CallerIdentity(TestServer.localActor(), "editor", true), local);
        CallerIdentity viewer = new HttpDeploymentApiClient(server.baseUrl(), VIEWER_SECRET).whoami();
        assertEquals(new CallerIdentity("dashboard", "viewer", false), viewer);
        ApiException without = assertThrows(ApiException.class, () -> new HttpDeploymentApiClient(server.baseUrl()).whoami());
        assertEquals(401, without.status());
    }

    @Test
    void aSessionWithAViewerTokenTurnsReadOnlyOnceConnected() throws Exception {
        ExecutorService background = Executors.newFixedThreadPool(2);
        ConsoleSession session = new ConsoleSession(new HttpDeploymentApiClient(server.baseUrl(), VIEWER_SECRET),
                ConnectionInfo.remote(server.baseUrl()), new TaskRunner(background, ui));
        try {
            assertTrue(ui.submit(() -> session.canWriteProperty().get()).get(), "writable until the server says");
            ui.execute(session::start);
            await("the session knows who it is", () -> onUi(() -> session.callerProperty().get() != null));
            assertEquals("viewer", ui.submit(() -> session.callerProperty().get().role()).get());
            assertFalse(ui.submit(() -> session.canWriteProperty().get()).get());
        } finally {
            ui.submit(session::close).get();
            background.shutdownNow();
        }
    }

    private boolean onUi(java.util.concurrent.Callable<Boolean> check) {
        try {
            return ui.submit(check).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withTheLocalTokenChangesAreRecordedUnderTheOsUserName() throws ApiException {
        assertNotNull(server.localToken(), "the server wrote its local token");
        DeploymentApiClient client = new HttpDeploymentApiClient(server.baseUrl(), server.localToken());
        assertTrue(client.hasToken());

        client.createDeployment("auth", new CreateDeploymentRequest("llama", "llama-nim", null, null));
        ModelDeployment updated = client.updateStatus("auth", "llama", 1,
                new StatusUpdateRequest(DeploymentStatus.READY, "serving", null));

        StatusHistoryEntry last = updated.statusHistory().get(updated.statusHistory().size() - 1);
        assertEquals(TestServer.localActor(), last.actor());
        assertEquals(ChangeSource.GUI, last.source());
        assertEquals(TestServer.localActor(), updated.statusHistory().get(0).actor(), "the create too");
        assertEquals(1, client.listAllDeployments("auth").size());
    }

    @Test
    void withoutATokenTheAnswerIs401AndPointsToConnectToServer() {
        DeploymentApiClient anonymous = new HttpDeploymentApiClient(server.baseUrl());
        assertFalse(anonymous.hasToken());
        ApiException e = assertThrows(ApiException.class, () -> anonymous.listAllDeployments("-"));
        assertEquals(401, e.status());
        assertEquals(ApiException.Kind.ACCESS_DENIED, e.kind());
        assertFalse(e.tokenSent());
        String text = ErrorTexts.message(e);
        assertTrue(text.startsWith("The server needs a token: enter one in File \u25B8 Connect to server"), text);
        assertTrue(text.contains("--token TOKEN or MODELDEPLOY_TOKEN"), text);
        assertTrue(anonymous.isHealthy(), "/health needs no token: the console can still tell the server is up");
    }

    @Test
    void aWrongTokenIs401AndSaysTheTokenIsNotAccepted() {
        DeploymentApiClient wrong = new HttpDeploymentApiClient(server.baseUrl(), "not-a-known-secret");
        ApiException e = assertThrows(ApiException.class, () -> wrong.listAllDeployments("-"));
        assertEquals(401, e.status());
        assertTrue(e.tokenSent());
        String text = ErrorTexts.message(e);
        assertTrue(text.startsWith("The server does not accept this console's token: enter another one in "
                + "File \u25B8 Connect to server"), text);
        assertTrue(text.contains("Unknown or revoked token"), "the server's own words: " + text);
        assertTrue(e.detail().contains("Unknown or revoked token"), e.detail());
    }

    @Test
    void aViewerTokenReadsButAWriteIs403ThatSaysItMayOnlyRead() throws ApiException {
        DeploymentApiClient viewer = new HttpDeploymentApiClient(server.baseUrl(), VIEWER_SECRET);
        viewer.listAllDeployments("-");
        ApiException e = assertThrows(ApiException.class, () -> viewer.createDeployment("auth-viewer",
                new CreateDeploymentRequest("phi", "cfg", null, null)));
        assertEquals(403, e.status());
        assertTrue(e.isAccessDenied());
        String text = ErrorTexts.message(e);
        assertTrue(text.startsWith("This token may only read: to change deployments, enter an editor token in "
                + "File \u25B8 Connect to server"), text);
        assertTrue(text.contains("dashboard"), "names the token: " + text);
    }

    @Test
    void theEventStreamAuthenticatesWithTheToken() throws ApiException {
        DeploymentEventStreamTest.Recorder recorder = new DeploymentEventStreamTest.Recorder();
        DeploymentApiClient client = new HttpDeploymentApiClient(server.baseUrl(), server.localToken());
        DeploymentEventStream stream = client.eventStream(ui, recorder);
        streams.add(stream);
        stream.start();
        await("live", () -> recorder.states.contains(State.LIVE));

        client.createDeployment("auth-stream", new CreateDeploymentRequest("mistral", "cfg", null, null));
        await("the create", () -> recorder.events.stream().anyMatch(e -> e.name().equals("mistral")));
        var created = recorder.events.stream().filter(e -> e.name().equals("mistral")).findFirst().orElseThrow();
        assertEquals(DeploymentEventType.CREATED, created.type());
        assertEquals(TestServer.localActor(), created.deployment().statusHistory().get(0).actor());
    }

    @Test
    void anEventStreamWithoutTokenIsToldWhatToDoAndNeverGoesLive() {
        List<ApiException> denied = Collections.synchronizedList(new ArrayList<>());
        DeploymentEventStreamTest.Recorder recorder = new DeploymentEventStreamTest.Recorder() {
            @Override
            public void onAccessDenied(ApiException denial) {
                denied.add(denial);
            }
        };
        DeploymentEventStream stream = new HttpDeploymentApiClient(server.baseUrl()).eventStream(ui, recorder);
        streams.add(stream);
        stream.start();
        await("the refusal", () -> !denied.isEmpty());
        assertEquals(401, denied.get(0).status());
        assertFalse(denied.get(0).tokenSent());
        String text = ErrorTexts.message(denied.get(0));
        assertTrue(text.startsWith("The server needs a token: enter one in File \u25B8 Connect to server"), text);
        assertFalse(recorder.states.contains(State.LIVE));
        assertEquals(0, stream.connectionCount());
    }
}
