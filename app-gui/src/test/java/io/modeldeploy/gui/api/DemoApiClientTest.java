package io.modeldeploy.gui.api;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DemoState;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo calls of the client against a real server in demo mode, and one without it. */
class DemoApiClientTest {

    private static TestServer demoServer;
    private static TestServer plainServer;
    private static DeploymentApiClient demo;
    private static DeploymentApiClient plain;

    @BeforeAll
    static void startServers() {
        demoServer = TestServer.start(options -> options.withDemo(true));
        plainServer = TestServer.start();
        demo = new HttpDeploymentApiClient(demoServer.baseUrl(), demoServer.localToken());
        plain = new HttpDeploymentApiClient(plainServer.baseUrl(), plainServer.localToken());
    }

    @AfterAll
    static void stopServers() {
        demoServer.close();
        plainServer.close();
    }

    @Test
    void aNewDemoDataDirectoryHasTheFleetAtTheDefaultPace() throws ApiException {
        // Stopped first so that the controller's changes cannot race the counts below.
        demo.updateDemo(new DemoState(null, false, null));
        assertEquals(25, demo.listAllDeployments("-").size());
        DemoState state = demo.getDemo();
        assertTrue(state.enabled());
        assertEquals(3.0, state.paceSeconds(), 1e-9, "the default pace");
    }

    @Test
    void stoppingStartingAndPacingTheControllerIsWhatTheServerThenSays() throws ApiException {
        DemoState stopped = demo.updateDemo(new DemoState(null, false, null));
        assertFalse(stopped.running());
        assertFalse(demo.getDemo().running());

        DemoState paced = demo.updateDemo(new DemoState(null, null, 10.0));
        assertEquals(10.0, paced.paceSeconds(), 1e-9);
        assertFalse(paced.running(), "a pace change leaves running as it was");

        DemoState started = demo.updateDemo(new DemoState(null, true, null));
        assertTrue(started.running());
        assertEquals(10.0, demo.getDemo().paceSeconds(), 1e-9);
        demo.updateDemo(new DemoState(null, false, 3.0));
    }

    @Test
    void resetReplacesEveryDeploymentWithTheFleet() throws ApiException {
        demo.updateDemo(new DemoState(null, false, null));
        demo.createDeployment("scratch", new CreateDeploymentRequest("mine", "cfg", null, null));
        assertEquals(26, demo.listAllDeployments("-").size());

        int written = demo.resetDemo();
        assertTrue(written >= 25, "at least one version per deployment: " + written);
        List<ModelDeployment> after = demo.listAllDeployments("-");
        assertEquals(25, after.size());
        assertTrue(after.stream().noneMatch(d -> d.name().equals("mine")), "hand-made deployments are gone");
    }

    @Test
    void withoutDemoModeTheStateSaysSoAndChangesAreRefusedWith409() throws ApiException {
        DemoState state = plain.getDemo();
        assertFalse(state.enabled());
        assertFalse(state.running());
        assertTrue(plain.listAllDeployments("-").isEmpty(), "no fleet without demo mode");
        ApiException e = assertThrows(ApiException.class, () -> plain.updateDemo(new DemoState(null, true, null)));
        assertEquals(409, e.status());
        assertTrue(e.detail().contains("Demo mode is off"), e.detail());
        assertEquals(409, assertThrows(ApiException.class, plain::resetDemo).status());
    }
}
