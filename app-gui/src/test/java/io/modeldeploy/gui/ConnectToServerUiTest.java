package io.modeldeploy.gui;

import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.dialogs.ConnectToServerDialog;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.main.GuiPreferences;
import io.modeldeploy.gui.main.MainView;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * File ▸ Connect to server… in the console's window, with two real servers: the console's built-in
 * one (A, started as the console starts it) and another that asks everyone for a token (B).
 */
@ExtendWith(ApplicationExtension.class)
class ConnectToServerUiTest {

    private static final String PREFS_NODE = "io/modeldeploy/gui-test/" + UUID.randomUUID();
    private static final String TITLE = "ModelDeploy Console \u2014 ";

    private static Path builtInDataDir;
    private static BuiltInServer builtInServer;
    private static ConnectionInfo builtIn;
    private static TestServer remote;
    private static ExecutorService workers;

    private ConsoleWindow window;
    private Stage stage;

    @BeforeAll
    static void startServers() throws Exception {
        builtInDataDir = Files.createTempDirectory("modeldeploy-built-in");
        builtInServer = BuiltInServer.running(ServerConnection.open(
                new LaunchOptions(null, 0, builtInDataDir, false, false, null, true), progress -> { },
                ServerConnection.REMOTE_HEALTH_TIMEOUT, Map.of()));
        builtIn = builtInServer.connection();
        new HttpDeploymentApiClient(builtIn.baseUrl(), builtIn.token())
                .createDeployment("site-a", new CreateDeploymentRequest("llama-a", "llama-nim", null, null));
        remote = TestServer.start(options -> options.withRequireAuth(true)).sendingLocalToken();
        remote.create("site-b", "mistral-b", "mistral-nim");
        workers = TaskRunner.newWorkerPool();
    }

    @AfterAll
    static void stopServers() throws IOException, BackingStoreException {
        workers.shutdownNow();
        builtInServer.close();
        remote.close();
        try (Stream<Path> files = Files.walk(builtInDataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Preferences node = Preferences.userRoot().node(PREFS_NODE);
        Preferences parent = node.parent();
        node.removeNode();
        parent.flush();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = newWindow(stage, builtInServer);
        window.show(new HttpDeploymentApiClient(builtIn.baseUrl(), builtIn.token()), builtIn);
    }

    private static ConsoleWindow newWindow(Stage stage, BuiltInServer server) {
        return new ConsoleWindow(stage, new ThemeManager(Theme.LIGHT),
                new GuiPreferences(Preferences.userRoot().node(PREFS_NODE)), url -> { }, TaskRunner.onFx(workers), server);
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage && w != stage)
                .forEach(Window::hide));
        robot.interact(() -> {
            window.view().detach();
            window.stop();
        });
    }

    // ------------------------------------------------------------------ helpers


    private static Optional<ModelDeployment> listed(ConsoleWindow window, String workspace, String name) {
        String key = DeploymentRow.keyOf(workspace, name);
        return onFxThread(() -> window.view().viewModel().list().visibleRows().stream()
                .filter(row -> row.key().equals(key)).map(DeploymentRow::deployment).findFirst());
    }

    private String title() {
        return onFxThread(stage::getTitle);
    }

    private Optional<DialogPane> dialog() {
        return onFxThread(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst());
    }

    private DialogPane openConnectToServer(FxRobot robot) {
        click(robot, "File");
        click(robot, "Connect to server\u2026");
        waitUntil("the dialog is open", () -> dialog().isPresent());
        return dialog().orElseThrow();
    }

    private void typeServer(FxRobot robot, URI url, String token) {
        ComboBox<?> urlField = one(robot, "#urlField", ComboBox.class);
        robot.clickOn(onFxThread(urlField::getEditor));
        robot.interact(() -> urlField.getEditor().clear());
        robot.write(url.toString());
        TextField tokenField = one(robot, "#tokenField", TextField.class);
        robot.clickOn(tokenField);
        robot.interact(tokenField::clear);
        if (!token.isEmpty()) {
            robot.write(token);
        }
    }

    private void pressConnect(FxRobot robot, DialogPane pane) {
        Node connect = onFxThread(() -> pane.lookupButton(ConnectToServerDialog.CONNECT));
        waitUntil("Connect is enabled", () -> !onFxThread(connect::isDisabled));
        robot.clickOn(connect);
    }

    private String shownError(FxRobot robot) {
        Label banner = one(robot, "#errorBanner", Label.class);
        waitUntil("an error is shown", () -> onFxThread(banner::isVisible));
        return onFxThread(banner::getText);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void connectsToAnotherServerWithItsTokenAndFollowsItsChangesLive(FxRobot robot) {
        waitUntil("A's deployment is listed", () -> listed(window, "site-a", "llama-a").isPresent());
        assertEquals(TITLE + builtIn.baseUrl(), title());
        MainView onBuiltIn = window.view();
        int shortcuts = onFxThread(() -> stage.getScene().getAccelerators().size());
        assertTrue(shortcuts > 0, "the menus put their shortcuts into the scene");

        DialogPane pane = openConnectToServer(robot);
        typeServer(robot, remote.baseUrl(), remote.localToken());
        pressConnect(robot, pane);

        waitUntil("the title names B", () -> title().equals(TITLE + remote.baseUrl()));
        assertFalse(dialog().isPresent());
        assertNotSame(onBuiltIn, window.view());
        assertTrue(onFxThread(() -> onBuiltIn.models().session().eventStream().isClosed()), "nothing follows A any more");
        assertEquals(shortcuts, onFxThread(() -> stage.getScene().getAccelerators().size()),
                "the old view's menu shortcuts left with it");
        waitUntil("B's deployment is listed", () -> listed(window, "site-b", "mistral-b").isPresent());
        assertTrue(listed(window, "site-a", "llama-a").isEmpty(), "A's deployments are gone");
        assertEquals("Server " + remote.baseUrl(), one(robot, ".connection-label", Label.class).getText());

        waitUntil("the console follows B", () -> onFxThread(() -> window.view().models().session().liveStateProperty().get())
                == DeploymentEventStream.State.LIVE);
        remote.setStatus("site-b", "mistral-b", "READY", "Serving on node 7");
        waitUntil("B's change arrives live", () -> listed(window, "site-b", "mistral-b")
                .filter(d -> d.status() == DeploymentStatus.READY && "Serving on node 7".equals(d.statusMessage()))
                .isPresent());

        click(robot, "Help");
        click(robot, "Connect external clients\u2026");
        waitUntil("the Connect external clients panel is open", () -> dialog().isPresent());
        DialogPane help = dialog().orElseThrow();
        assertEquals(remote.baseUrl().toString(), onFxThread(() -> ((TextField) help.lookup("#connectBaseUrl"))
                .getText()));
        assertEquals(TokenSource.ENTERED, window.view().viewModel().connectionInfo().tokenSource());
        assertEquals(remote.baseUrl().toString(),
                new GuiPreferences(Preferences.userRoot().node(PREFS_NODE)).recentServers().get(0));
    }

    @Test
    void aRefusedTokenIsShownInTheDialogAndTheConsoleStaysOnItsServer(FxRobot robot) {
        waitUntil("A's deployment is listed", () -> listed(window, "site-a", "llama-a").isPresent());
        MainView onBuiltIn = window.view();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        waitUntil("the dialog is open", () -> dialog().isPresent());
        DialogPane pane = dialog().orElseThrow();
        typeServer(robot, remote.baseUrl(), "not-a-known-secret");
        pressConnect(robot, pane);
        String error = shownError(robot);
        assertTrue(error.startsWith("The server does not accept this token (401)."), error);

        typeServer(robot, remote.baseUrl(), "");
        pressConnect(robot, pane);
        assertEquals("This server needs a token (401): enter one below.", shownError(robot));

        robot.clickOn(onFxThread(() -> (Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL)));
        waitUntil("the dialog is closed", () -> dialog().isEmpty());
        assertSame(onBuiltIn, window.view());
        assertEquals(TITLE + builtIn.baseUrl(), title());
        assertFalse(onFxThread(() -> onBuiltIn.models().session().eventStream().isClosed()));
        assertTrue(listed(window, "site-a", "llama-a").isPresent());
    }

    @Test
    void theBuiltInServerIsOneClickAwayAndKeptRunning(FxRobot robot) {
        robot.interact(() -> window.switchTo(ConnectionInfo.remote(remote.baseUrl(), remote.localToken(),
                TokenSource.ENTERED, null)));
        waitUntil("B's deployment is listed", () -> listed(window, "site-b", "mistral-b").isPresent());
        click(robot, "Help");
        click(robot, "Connect external clients\u2026");
        waitUntil("the Connect external clients panel is open", () -> dialog().isPresent());

        openConnectToServer(robot);
        Button builtInButton = one(robot, "#builtInServerButton", Button.class);
        assertFalse(onFxThread(builtInButton::isDisabled));
        assertEquals("Back to the console's built-in server at " + builtIn.baseUrl() + "; it kept running.",
                one(robot, "#builtInServerLabel", Label.class).getText());
        robot.clickOn(builtInButton);

        waitUntil("the title names A again", () -> title().equals(TITLE + builtIn.baseUrl()));
        assertTrue(dialog().isEmpty(), "the dialog and B's Connect external clients panel are closed");
        waitUntil("A's deployment is listed", () -> listed(window, "site-a", "llama-a").isPresent());
        assertTrue(window.view().viewModel().connectionInfo().embedded());
    }

    @Test
    void startedWithServerTheTitleNamesThatServer(FxRobot robot) throws Exception {
        ServerConnection opened = ServerConnection.open(LaunchOptions.parse(List.of(
                "--server", remote.baseUrl().toString(), "--token", remote.localToken())), progress -> { });
        Stage other = onFxThread(Stage::new);
        ConsoleWindow remoteWindow = newWindow(other, BuiltInServer.onDemand(LaunchOptions.defaults()));
        try {
            robot.interact(() -> remoteWindow.show(opened.client(), opened.info()));
            assertEquals(TITLE + remote.baseUrl(), onFxThread(other::getTitle));
            waitUntil("B's deployment is listed", () -> listed(remoteWindow, "site-b", "mistral-b").isPresent());
            assertTrue(remoteWindow.runningBuiltInServer().isEmpty(), "no built-in server until asked for");
        } finally {
            robot.interact(() -> {
                remoteWindow.view().detach();
                remoteWindow.stop();
                other.hide();
            });
        }
    }
}
