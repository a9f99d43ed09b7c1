package io.modeldeploy.gui.main;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.dialogs.ShortcutsDialog;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.ModelDeployment;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.all;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * The keyboard path from the list to the status editor and back, in the main window against a
 * real server: Ctrl+E, focus back on the list row after Apply, the shortcuts dialog.
 */
@ExtendWith(ApplicationExtension.class)
class EditorKeyboardPathUiTest {

    private static TestServer server;
    private static ExecutorService workers;

    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        server.create("kb", "kb-first", "llama-nim");
        server.setStatus("kb", "kb-first", "READY", "serving");
        server.create("kb", "kb-second", "phi-nim");
        server.setStatus("kb", "kb-second", "ERROR", "CUDA out of memory");
        server.create("kb", "kb-third", "gemma-nim");
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
        Preferences prefsNode = Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID());
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
                .filter(w -> w instanceof Stage && w != stage)
                .forEach(Window::hide));
        robot.interact(view::detach);
        robot.interact(view::stop);
    }

    // ------------------------------------------------------------------ helpers

    private DeploymentListViewModel list() {
        return view.viewModel().list();
    }


    private void waitForLoad() {
        waitUntil("the list is loaded", () -> list().loadStateProperty().get() == ConsoleSession.FleetState.LOADED
                && !list().loadingProperty().get());
    }

    @SuppressWarnings("unchecked")
    private TableView<DeploymentRow> table(FxRobot robot) {
        return (TableView<DeploymentRow>) one(robot, "#deploymentTable", TableView.class);
    }

    private void selectRow(FxRobot robot, String name) {
        String key = DeploymentRow.keyOf("kb", name);
        robot.interact(() -> table(robot).scrollTo(list().viewIndexOf(key)));
        robot.clickOn((Node) one(robot, n -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key)));
        waitUntil("the detail shows " + name, () -> {
            ModelDeployment shown = view.models().detail().editor().deploymentProperty().get();
            return shown != null && shown.name().equals(name) && !view.models().detail().loadingProperty().get();
        });
    }

    private Node focusOwner() {
        return stage.getScene().getFocusOwner();
    }

    private void pressShortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<DialogPane> dialogPane() {
        return Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void ctrlEMovesFromTheListToTheStatusOfTheSelectedDeployment(FxRobot robot) {
        waitForLoad();
        selectRow(robot, "kb-second");
        assertTrue(table(robot).isFocused());

        pressShortcut(robot, KeyCode.E);

        ComboBox<?> status = one(robot, "#statusCombo");
        assertEquals(status, focusOwner(), "Ctrl+E focuses the status drop-down");
        assertEquals("kb-second", view.models().detail().editor().deploymentProperty().get().name());
    }

    @Test
    void afterApplyTheFocusIsBackOnTheSelectedRow(FxRobot robot) {
        waitForLoad();
        selectRow(robot, "kb-third");
        pressShortcut(robot, KeyCode.E);
        TextArea message = one(robot, "#messageArea", TextArea.class);
        robot.clickOn(message);
        robot.interact(message::selectAll);
        robot.write("Pulling image");

        pressShortcut(robot, KeyCode.ENTER);

        waitUntil("the change is applied", () -> "Pulling image".equals(
                server.get(TestServer.deployment("kb", "kb-third")).get("status_message").asText()));
        waitUntil("the editor is idle", () -> !view.models().detail().editor().isBusy());
        TableView<DeploymentRow> table = table(robot);
        assertEquals(table, focusOwner(), "the focus is back in the list, not in the timeline");
        assertEquals("kb/kb-third", table.getSelectionModel().getSelectedItem().key());
        assertEquals(table.getSelectionModel().getSelectedIndex(), table.getFocusModel().getFocusedIndex(),
                "on the selected row");
    }

    @Test
    void theShortcutsDialogShowsEveryEntryWholeIncludingCtrlE(FxRobot robot) {
        waitForLoad();
        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitUntil("the shortcuts dialog is open", () -> dialogPane().isPresent());
        DialogPane pane = dialogPane().orElseThrow();

        List<Label> labels = all(robot, n -> n instanceof Label l && l.getParent() != null
                && l.getParent().getStyleClass().contains("shortcut-grid") && l.getScene() == pane.getScene());
        assertEquals(ShortcutsDialog.SHORTCUTS.size() * 2, labels.size());
        for (Label label : labels) {
            Text shown = (Text) label.lookup(".text");
            assertEquals(label.getText(), shown.getText().replace("\n", " ").replaceAll(" +", " "),
                    "shown whole: " + label.getText());
            assertTrue(label.localToScene(label.getBoundsInLocal()).getMaxX() <= pane.getWidth() + 0.5,
                    "inside the dialog: " + label.getText());
            assertTrue(label.localToScene(label.getBoundsInLocal()).getMaxY() <= pane.getHeight() + 0.5,
                    "inside the dialog: " + label.getText());
        }
        assertTrue(ShortcutsDialog.SHORTCUTS.stream().anyMatch(s -> s[0].equals("Ctrl+E")), "Ctrl+E is listed");
    }
}
