package io.modeldeploy.gui.main;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.alerts.AlertRules;
import io.modeldeploy.gui.alerts.DeploymentAlert;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
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
import org.testfx.util.WaitForAsyncUtils;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts in the window against a real server: a change into Error made elsewhere (plain HTTP)
 * reaches the console through its event stream, raises the bell's count and a toast; the panel's
 * entry selects the deployment even when the filters hid it. The rules dialog saves and reloads.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsUiTest {

    private static TestServer server;
    private static ExecutorService workers;
    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();

    private Preferences prefsNode;
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        server.create("alerts-a", "llama", "llama-nim");
        server.setStatus("alerts-a", "llama", "READY", "serving");
        server.create("alerts-b", "phi", "phi-nim");
        server.setStatus("alerts-b", "phi", "ERROR", "failed before the console started");
        server.create("alerts-c", "qwen", "qwen-nim");
        server.setStatus("alerts-c", "qwen", "READY", "serving");
    }

    @AfterAll
    static void stopServer() throws BackingStoreException {
        workers.shutdownNow();
        server.close();
        GuiPreferencesTest.removeTestRoot();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prefsNode = Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID());
        ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(server.baseUrl()),
                TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT), new GuiPreferences(prefsNode),
                ConnectionInfo.embedded(server.baseUrl(), null));
        view = new MainView(context, ConsoleViewModels.create(context));
        Scene scene = new Scene(view, 1200, 760);
        context.themes().style(scene);
        stage.setScene(scene);
        stage.sizeToScene(); // the stage is shared with other test classes, which may have resized it
        stage.show();
        view.start();
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage)
                .forEach(Window::hide));
        robot.interact(view::stop);
    }

    private DeploymentListViewModel list() {
        return view.viewModel().list();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> onFxThread(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForLive() {
        waitUntil("the console is live and loaded", () -> view.models().session().liveStateProperty().get()
                == DeploymentEventStream.State.LIVE
                && list().loadStateProperty().get() == ConsoleSession.FleetState.LOADED
                && !list().loadingProperty().get()
                && list().find("alerts-b", "phi").isPresent());
    }

    private Button bell(FxRobot robot) {
        return one(robot, "#alertBell", Button.class);
    }

    private Optional<DialogPane> dialog() {
        return onFxThread(() -> Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst());
    }

    @Test
    void aChangeIntoErrorRaisesTheBellAndItsPanelEntrySelectsTheDeploymentHiddenByTheFilters(FxRobot robot) {
        waitForLive();
        assertEquals("", onFxThread(() -> bell(robot).getText()), "an Error from before the start is no alert");
        robot.interact(() -> list().workspaceProperty().set(new WorkspaceOption("alerts-b", 1)));
        assertTrue(list().viewIndexOf("alerts-a/llama") < 0, "the filter hides alerts-a/llama");

        server.setStatus("alerts-a", "llama", "ERROR", "CUDA out of memory");

        waitUntil("the bell counts one unread alert", () -> "1".equals(bell(robot).getText()));
        waitUntil("a toast tells of it", () -> view.toastView().isShowing());
        String toast = onFxThread(() -> view.toastView().notification().getMessage());
        assertTrue(toast.startsWith("alerts-a/llama v1: ERROR: CUDA out of memory\nby "), toast);

        robot.clickOn(bell(robot));
        waitUntil("the panel is open", () -> view.alertPanel() != null && view.alertPanel().isVisible()
                && view.alertPanel().getScene() != null && view.alertPanel().getScene().getWindow().isShowing());
        assertEquals("", onFxThread(() -> bell(robot).getText()), "opening the panel marks the alerts read");
        List<DeploymentAlert> entries = onFxThread(() -> List.copyOf(view.alertPanel().list().getItems()));
        assertEquals(1, entries.size());
        assertEquals("alerts-a/llama v1", entries.get(0).deployment());
        assertEquals("ERROR: CUDA out of memory", entries.get(0).what());

        Node entry = one(robot, n -> n instanceof ListCell<?> cell && cell.getItem() instanceof DeploymentAlert
                && cell.isVisible());
        robot.clickOn(entry);

        waitUntil("the deployment is selected", () -> view.viewModel().selectedProperty().get() != null
                && view.viewModel().selectedProperty().get().key().equals("alerts-a/llama"));
        assertTrue(list().workspaceProperty().get().isAll(), "the filter that hid it is cleared");
        waitUntil("the detail shows it", () -> view.models().detail().deploymentProperty().get() != null
                && "llama".equals(view.models().detail().deploymentProperty().get().name()));
        assertFalse(onFxThread(() -> view.alertPanel().getScene().getWindow().isShowing()), "the panel closed");
    }

    @Test
    void alertsArrivingWhileThePanelIsOpenShowThereAsNewAndMarkAllReadAndClearWork(FxRobot robot) {
        waitForLive();
        robot.interact(view::openAlerts);
        waitUntil("the panel is open", () -> view.alertPanel() != null && view.alertPanel().getScene() != null
                && view.alertPanel().getScene().getWindow().isShowing());
        Button markRead = one(robot, "#alertsMarkRead", Button.class);
        Button clear = one(robot, "#alertsClear", Button.class);
        assertTrue(onFxThread(clear::isDisabled), "nothing to clear");

        server.setStatus("alerts-c", "qwen", "LOST", "node gpu-4 stopped reporting");

        waitUntil("the alert is listed", () -> view.alertPanel().list().getItems().size() == 1);
        assertEquals("", onFxThread(() -> bell(robot).getText()), "seen in the open panel: not unread");
        assertFalse(onFxThread(markRead::isDisabled), "marked as new in the panel");
        robot.clickOn(markRead);
        assertTrue(onFxThread(markRead::isDisabled));
        robot.clickOn(clear);
        assertEquals(0, (int) onFxThread(() -> view.alertPanel().list().getItems().size()));
        assertEquals(0, (int) onFxThread(() -> view.models().alerts().alerts().size()));
    }

    @Test
    void theRulesDialogSavesTheRulesAndShowsThemAgain(FxRobot robot) {
        waitForLive();
        robot.interact(() -> javafx.application.Platform.runLater(view::notificationRules));
        waitUntil("the rules dialog is open", () -> dialog().isPresent());

        robot.clickOn(one(robot, "#ruleStatus-ERROR", CheckBox.class));
        robot.clickOn(one(robot, "#ruleStatus-UNKNOWN", CheckBox.class));
        robot.clickOn(one(robot, "#ruleChosenWorkspaces", RadioButton.class));
        DialogPane pane = dialog().orElseThrow();
        Button save = onFxThread(() -> (Button) pane.lookupButton(pane.getButtonTypes().get(0)));
        assertTrue(onFxThread(save::isDisabled), "no workspace ticked: can't be saved");
        assertTrue(onFxThread(() -> one(robot, "#rulesError").isVisible()));
        robot.clickOn(one(robot, "#ruleWorkspace-alerts-b", CheckBox.class));
        robot.clickOn(one(robot, "#ruleDesktop", CheckBox.class));
        assertFalse(onFxThread(save::isDisabled));
        robot.clickOn(save);
        waitUntil("the dialog closed", () -> dialog().isEmpty());

        AlertRules expected = new AlertRules(EnumSet.of(DeploymentStatus.LOST, DeploymentStatus.UNKNOWN), false,
                Set.of("alerts-b"), true, false);
        assertEquals(expected, new GuiPreferences(prefsNode).alertRules(), "remembered");
        assertEquals(expected, onFxThread(() -> view.models().alerts().rulesProperty().get()), "in force");

        robot.interact(() -> javafx.application.Platform.runLater(view::notificationRules));
        waitUntil("the rules dialog is open again", () -> dialog().isPresent());
        assertFalse(onFxThread(() -> one(robot, "#ruleStatus-ERROR", CheckBox.class).isSelected()));
        assertTrue(onFxThread(() -> one(robot, "#ruleStatus-UNKNOWN", CheckBox.class).isSelected()));
        assertTrue(onFxThread(() -> one(robot, "#ruleChosenWorkspaces", RadioButton.class).isSelected()));
        assertTrue(onFxThread(() -> one(robot, "#ruleWorkspace-alerts-b", CheckBox.class).isSelected()));
        assertFalse(onFxThread(() -> one(robot, "#ruleWorkspace-alerts-a", CheckBox.class).isSelected()));
        assertFalse(onFxThread(() -> one(robot, "#ruleDesktop", CheckBox.class).isSelected()));
    }
}
