package io.modeldeploy.gui.demo;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.model.DemoState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Demo menu's state against real servers, with every call run synchronously. */
class DemoViewModelTest {

    private static TestServer demoServer;
    private static TestServer plainServer;
    private final List<String> reports = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        demoServer = TestServer.start(options -> options.withDemo(true));
        plainServer = TestServer.start();
    }

    @AfterAll
    static void stopServers() {
        demoServer.close();
        plainServer.close();
    }

    private DemoViewModel demoModel() {
        return new DemoViewModel(new HttpDeploymentApiClient(demoServer.baseUrl(), demoServer.localToken()),
                TaskRunner.direct(), true, reports::add);
    }

    @Test
    void aServerWithoutTheDemoApiIsNotReportedAsAFailure() {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            DemoViewModel model = new DemoViewModel(new HttpDeploymentApiClient(nemo.baseUri()), TaskRunner.direct(),
                    false, reports::add);

            model.load();

            assertFalse(model.availableProperty().get());
            assertEquals("This server has no demo mode", model.explanationProperty().get());
            assertEquals(List.of(), reports, "nothing to report in the status bar");
        }
    }

    @Test
    void loadShowsTheServersStateAndEnablesTheMenu() {
        DemoViewModel model = demoModel();
        assertFalse(model.availableProperty().get(), "nothing known before the answer");
        model.load();
        assertTrue(model.availableProperty().get());
        assertEquals("", model.explanationProperty().get());
        assertEquals(3.0, model.paceSecondsProperty().get(), 1e-9);
        assertEquals(DemoPace.NORMAL, model.paceProperty().get());
    }

    @Test
    void stopStartAndPaceGoToTheServerAndComeBackAsItsAnswer() throws Exception {
        DemoViewModel model = demoModel();
        model.load();
        model.setRunning(false);
        assertFalse(model.runningProperty().get());
        assertFalse(new HttpDeploymentApiClient(demoServer.baseUrl()).getDemo().running());
        assertEquals("Demo controller stopped", reports.get(reports.size() - 1));

        model.setPace(DemoPace.FAST);
        assertEquals(DemoPace.FAST, model.paceProperty().get());
        assertEquals(1.0, new HttpDeploymentApiClient(demoServer.baseUrl()).getDemo().paceSeconds(), 1e-9);

        model.setRunning(true);
        assertTrue(model.runningProperty().get());
        assertEquals("Demo controller started: deployments change every 1 s", reports.get(reports.size() - 1));
        model.setPace(DemoPace.NORMAL);
        model.setRunning(false);
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aPaceSetElsewhereSelectsNoMenuChoice() throws Exception {
        new HttpDeploymentApiClient(demoServer.baseUrl()).updateDemo(new DemoState(null, null, 0.5));
        DemoViewModel model = demoModel();
        model.load();
        assertNull(model.paceProperty().get());
        assertEquals(0.5, model.paceSecondsProperty().get(), 1e-9);
        new HttpDeploymentApiClient(demoServer.baseUrl()).updateDemo(new DemoState(null, null, 3.0));
    }

    @Test
    void resetReportsHowManyVersionsWereWritten() throws Exception {
        DemoViewModel model = demoModel();
        model.load();
        AtomicInteger written = new AtomicInteger(-1);
        model.reset(written::set);
        assertTrue(written.get() >= 25, "count: " + written.get());
        assertTrue(reports.get(reports.size() - 1).startsWith("Demo data reset: " + written.get()),
                reports.toString());
        assertEquals(25, new HttpDeploymentApiClient(demoServer.baseUrl()).listAllDeployments("-").size());
    }

    @Test
    void withoutDemoModeTheMenuIsDisabledAndSaysWhy() {
        DemoViewModel embedded = new DemoViewModel(new HttpDeploymentApiClient(plainServer.baseUrl()), TaskRunner.direct(),
                true, reports::add);
        embedded.load();
        assertFalse(embedded.availableProperty().get());
        assertTrue(embedded.explanationProperty().get().contains("--no-demo"), embedded.explanationProperty().get());
        embedded.setRunning(true);
        assertTrue(reports.isEmpty(), "disabled actions send nothing: " + reports);

        DemoViewModel remote = new DemoViewModel(new HttpDeploymentApiClient(plainServer.baseUrl()), TaskRunner.direct(),
                false, reports::add);
        remote.load();
        assertTrue(remote.explanationProperty().get().startsWith("Demo mode is off on this server"),
                remote.explanationProperty().get());
    }

    @Test
    void anUnreachableServerIsExplainedInTheMenu() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DemoViewModel model = new DemoViewModel(new HttpDeploymentApiClient(java.net.URI.create("http://127.0.0.1:" + port)),
                TaskRunner.direct(), false, reports::add);
        model.load();
        assertFalse(model.availableProperty().get());
        assertTrue(model.explanationProperty().get().startsWith("Demo mode is unknown: the server can't be reached"),
                model.explanationProperty().get());
    }
}
