package io.modeldeploy.gui;

import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.main.GuiPreferences;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.find;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window is built while its server starts: with the client of a server that has not
 * answered yet, the list and the status bar say "Starting…" (never that there are no deployments);
 * once the server is there, its deployments appear.
 */
@ExtendWith(ApplicationExtension.class)
class StartingWindowUiTest {

    private static final String PREFS_NODE = "io/modeldeploy/gui-test/" + UUID.randomUUID();

    private static TestServer server;
    private static ExecutorService workers;

    private final CompletableFuture<ServerConnection> serverAnswers = new CompletableFuture<>();
    private ConsoleWindow window;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        server.create("team", "llama", "llama-nim");
        server.create("team", "mistral", "mistral-nim");
        workers = TaskRunner.newWorkerPool();
    }

    @AfterAll
    static void stopServer() throws BackingStoreException {
        workers.shutdownNow();
        server.close();
        Preferences node = Preferences.userRoot().node(PREFS_NODE);
        Preferences parent = node.parent();
        node.removeNode();
        parent.flush();
    }

    @Start
    void start(Stage stage) {
        ConnectionInfo planned = ConnectionInfo.remote(server.baseUrl());
        window = new ConsoleWindow(stage, new ThemeManager(Theme.LIGHT),
                new GuiPreferences(Preferences.userRoot().node(PREFS_NODE)), url -> { }, TaskRunner.onFx(workers),
                BuiltInServer.onDemand(LaunchOptions.defaults()));
        window.show(new StartingServerClient(planned, serverAnswers), planned);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            window.view().detach();
            window.stop();
        });
    }

    @Test
    void saysStartingWhileTheServerHasNotAnsweredThenShowsItsDeployments(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // the session has asked the server by now, and waits
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(find(robot, visibleLabel("Starting…")).isPresent(), "the list says Starting…");
        assertEquals("Starting…", onFxThread(() -> window.view().viewModel().countTextProperty().get()),
                "the status bar says Starting…, not 0 deployments");
        assertTrue(find(robot, visibleLabel("No deployments yet")).isEmpty(), "never 'no deployments' while starting");

        // An empty default data directory: the token of a server this user runs must not go to the test's.
        Path noLocalToken = Files.createTempDirectory("starting-window");
        noLocalToken.toFile().deleteOnExit();
        serverAnswers.complete(ServerConnection.open(LaunchOptions.parse(List.of("--server",
                server.baseUrl().toString())), progress -> { }, ServerConnection.REMOTE_HEALTH_TIMEOUT,
                Map.of("XDG_DATA_HOME", noLocalToken.toString())));

        waitUntil("the server's deployments in the list",
                () -> window.view().viewModel().list().visibleRows().size() == 2);
        assertEquals("2 deployments", onFxThread(() -> window.view().viewModel().countTextProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(find(robot, visibleLabel("Starting…")).isPresent(), "no Starting… once the rows are there");
    }

    private static Predicate<Node> visibleLabel(String text) {
        return node -> node instanceof Label label && text.equals(label.getText()) && label.isVisible()
                && label.getScene() != null;
    }
}
