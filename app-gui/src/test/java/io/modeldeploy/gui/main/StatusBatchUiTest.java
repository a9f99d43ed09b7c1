package io.modeldeploy.gui.main;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.dialogs.BatchTarget;
import io.modeldeploy.gui.dialogs.StatusBatchDialog;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * "Change status of the selection…" against a real server: three rows selected, one batch, and
 * the server (asked with plain HTTP) shows the three changes.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBatchUiTest {

    private static final String WORKSPACE = "ui-batch";
    private static final List<String> NAMES = List.of("batch-a", "batch-b", "batch-c", "batch-d");

    private static TestServer server;
    private static ExecutorService workers;
    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        for (String name : NAMES) {
            server.create(WORKSPACE, name, "llama-nim");
            server.setStatus(WORKSPACE, name, "READY", "serving");
        }
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
        Preferences prefs = Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID());
        ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(server.baseUrl()),
                TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT), new GuiPreferences(prefs),
                ConnectionInfo.embedded(server.baseUrl(), null));
        view = new MainView(context, ConsoleViewModels.create(context));
        Scene scene = new Scene(view, 1200, 760);
        context.themes().style(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage && w != stage).forEach(Window::hide));
        robot.interact(view::stop);
    }

    private DeploymentListViewModel list() {
        return view.viewModel().list();
    }


    private Node rowOf(FxRobot robot, String name) {
        String key = DeploymentRow.keyOf(WORKSPACE, name);
        return one(robot, n -> n instanceof TableRow<?> r && r.isVisible() && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key));
    }

    private Optional<DialogPane> dialog() {
        return Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot()).findFirst();
    }

    @Test
    void threeSelectedDeploymentsChangeStatusInOneBatch(FxRobot robot) {
        waitUntil("the list is loaded", () -> list().loadStateProperty().get() == ConsoleSession.FleetState.LOADED
                && list().find(WORKSPACE, "batch-d").isPresent());
        robot.interact(() -> list().selectWorkspace(WORKSPACE));
        waitUntil("only the batch workspace shows", () -> list().shownCountProperty().get() == NAMES.size());

        robot.clickOn(rowOf(robot, "batch-a"));
        robot.press(KeyCode.CONTROL).clickOn(rowOf(robot, "batch-b")).clickOn(rowOf(robot, "batch-c"))
                .release(KeyCode.CONTROL);
        Label selection = one(robot, "#selectionLabel", Label.class);
        assertEquals("3 selected", onFxThread(selection::getText));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("the batch dialog is open", () -> dialog().isPresent());
        DialogPane pane = dialog().orElseThrow();
        @SuppressWarnings("unchecked")
        ComboBox<DeploymentStatus> status = (ComboBox<DeploymentStatus>) pane.lookup("#batchStatusCombo");
        robot.interact(() -> status.setValue(DeploymentStatus.ERROR));
        robot.clickOn(pane.lookup("#batchMessageArea")).write("node n7 lost");
        @SuppressWarnings("unchecked")
        ListView<BatchTarget> preview = (ListView<BatchTarget>) pane.lookup("#batchPreview");
        assertEquals(List.of("ui-batch/batch-a v1 READY -> ERROR", "ui-batch/batch-b v1 READY -> ERROR",
                        "ui-batch/batch-c v1 READY -> ERROR"),
                onFxThread(() -> preview.getItems().stream()
                        .map(t -> t.label() + " " + t.current() + " -> " + t.next()).sorted().toList()));
        assertEquals("3 will change", onFxThread(() -> ((Label) pane.lookup("#batchSummary")).getText()));

        robot.clickOn((Button) pane.lookupButton(StatusBatchDialog.APPLY));
        Label refusal = (Label) pane.lookup(".form-error-banner");
        waitUntil("the server answered the batch", () -> dialog().isEmpty()
                || refusal.getText() != null && !refusal.getText().isEmpty());
        assertTrue(dialog().isEmpty(), "the dialog closed; it says: " + onFxThread(refusal::getText));
        assertEquals("3 changed", view.viewModel().activityProperty().get());

        for (String name : NAMES) {
            JsonNode now = server.get(TestServer.deployment(WORKSPACE, name));
            boolean selected = !name.equals("batch-d");
            assertEquals(selected ? "ERROR" : "READY", now.get("status").asText(), name);
            assertEquals(selected ? "node n7 lost" : "serving", now.get("status_message").asText(), name);
        }
        waitUntil("the list shows the changes", () -> list().find(WORKSPACE, "batch-c").orElseThrow().status()
                == DeploymentStatus.ERROR);
        TableView<?> table = one(robot, "#deploymentTable", TableView.class);
        assertTrue(onFxThread(() -> table.getSelectionModel().getSelectedItems().size() == 3),
                "the three stay selected");
    }
}
