package io.modeldeploy.gui.main;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.FxLookup;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window at 1024×700: no column lost, a sideways scroll, a column chooser that is
 * remembered, a whole toolbar. At the default 1440×900: whole names, no sideways scroll.
 */
@ExtendWith(ApplicationExtension.class)
class SmallWindowLayoutUiTest {

    private static final String LONG_NAME = "deepseek-r1-distill-llama-70b";
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
        server.create("small-a", "a-ready", "llama-nim");
        server.setStatus("small-a", "a-ready", "READY", "serving on 2 GPUs with a rather long status message");
        server.create("small-b", "b-pending", "mistral-nim");
        server.create("small-b", LONG_NAME, "llama-nim");
        server.create("small-b", "qwen2.5-coder-32b-instruct", "llama-nim");
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
        open();
    }

    private void open() {
        ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(server.baseUrl()),
                TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT), new GuiPreferences(prefsNode),
                ConnectionInfo.embedded(server.baseUrl(), null));
        view = new MainView(context, ConsoleViewModels.create(context));
        Scene scene = new Scene(view, 1024, 700);
        context.themes().style(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        robot.interact(view::detach);
        robot.interact(view::stop);
    }

    private DeploymentListViewModel list() {
        return view.viewModel().list();
    }

    private void waitForLoad() {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                    () -> list().loadStateProperty().get() == ConsoleSession.FleetState.LOADED
                            && !list().loadingProperty().get());
        } catch (TimeoutException e) {
            throw new AssertionError("the list did not load", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<?> table(FxRobot robot) {
        return FxLookup.one(robot, ".deployment-table", TableView.class);
    }

    private TableColumn<?, ?> column(FxRobot robot, String text) {
        return onFxThread(() -> table(robot).getColumns().stream()
                .filter(c -> c.getText().equals(text)).findFirst().orElseThrow());
    }

    @Test
    void columnsKeepTheirWidthAndTheTableScrollsSideways(FxRobot robot) {
        waitForLoad();
        TableView<?> table = table(robot);
        onFxThread(() -> {
            for (TableColumn<?, ?> c : table.getVisibleLeafColumns()) {
                assertTrue(c.getWidth() >= c.getMinWidth(), c.getText() + " is " + c.getWidth() + " wide");
            }
            return null;
        });
        assertEquals(7, onFxThread(() -> table.getVisibleLeafColumns().size()), "all but Model provider");
        ScrollBar horizontal = onFxThread(() -> horizontalScrollBar(table));
        assertTrue(onFxThread(horizontal::isVisible), "a horizontal scroll bar");
    }

    @Test
    void atTheDefaultWindowSizeNamesShowWholeAndNothingScrollsSideways(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        waitForLoad();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = table(robot);
        for (String name : List.of(LONG_NAME, "qwen2.5-coder-32b-instruct")) {
            javafx.scene.control.Labeled cell = FxLookup.one(robot, n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                    && name.equals(c.getText()) && c.isVisible(), javafx.scene.control.Labeled.class);
            java.util.concurrent.Callable<String> drawn = () -> onFxThread(
                    () -> ((javafx.scene.text.Text) cell.lookup(".text")).getText());
            try {
                // The columns are measured once cells are drawn in their CSS font.
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> name.equals(drawn.call()));
            } catch (TimeoutException e) {
                assertEquals(name, drawn.call(), "the name is drawn whole; columns: " + widths(table));
            }
        }
        assertFalse(onFxThread(() -> horizontalScrollBar(table).isVisible()), "no sideways scroll");
    }

    private static String widths(TableView<?> table) {
        return onFxThread(() -> table.getWidth() + " " + table.getColumnResizePolicy() + " " + table.getVisibleLeafColumns()
                .stream().map(c -> c.getText() + "=" + c.getWidth() + "/" + c.getPrefWidth()).toList());
    }

    private static ScrollBar horizontalScrollBar(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL)
                .map(ScrollBar.class::cast).findFirst().orElseThrow();
    }

    @Test
    void newDeploymentKeepsItsWholeLabel(FxRobot robot) {
        waitForLoad();
        Button newButton = FxLookup.one(robot, n -> n instanceof Button b && "New deployment".equals(b.getText()),
                Button.class);
        Node text = onFxThread(() -> newButton.lookup(".text"));
        assertEquals("New deployment", onFxThread(() -> ((javafx.scene.text.Text) text).getText()));
        double right = onFxThread(() -> newButton.localToScene(newButton.getLayoutBounds()).getMaxX());
        double listRight = onFxThread(() -> view.listView().localToScene(view.listView().getLayoutBounds()).getMaxX());
        assertTrue(right <= listRight, "the button ends at " + right + ", inside the list ending at " + listRight);

        javafx.scene.control.Label count = FxLookup.one(robot, ".count-label", javafx.scene.control.Label.class);
        assertEquals(onFxThread(count::getText),
                onFxThread(() -> ((javafx.scene.text.Text) count.lookup(".text")).getText()), "the count is whole");
    }

    @Test
    void theToolbarWrapsTheSearchBelowInsteadOfCuttingTheWorkspaceChoice(FxRobot robot) {
        waitForLoad();
        javafx.scene.control.ComboBox<?> workspace = FxLookup.one(robot, ".workspace-combo",
                javafx.scene.control.ComboBox.class);
        javafx.scene.control.ListCell<?> shown = onFxThread(workspace::getButtonCell);
        String drawn = onFxThread(() -> shown.lookupAll(".label").stream()
                .filter(n -> n instanceof javafx.scene.control.Label label && "All workspaces".equals(label.getText()))
                .map(n -> ((javafx.scene.text.Text) n.lookup(".text")).getText())
                .findFirst().orElse(""));
        assertTrue(drawn.startsWith("All workspaces"), "the workspace choice shows '" + drawn + "'");
        javafx.scene.control.TextField search = FxLookup.one(robot, "#searchField", javafx.scene.control.TextField.class);
        assertTrue(onFxThread(search::getWidth) >= 200, "the search field is " + onFxThread(search::getWidth) + " px");
    }

    @Test
    void theWorkspaceColumnHidesForOneWorkspaceAndHiddenColumnsAreRemembered(FxRobot robot) {
        waitForLoad();
        TableColumn<?, ?> workspace = column(robot, "Workspace");
        robot.interact(() -> list().workspaceProperty().set(new WorkspaceOption("small-a", 1)));
        assertFalse(onFxThread(workspace::isVisible), "one workspace: its column is hidden");
        robot.interact(() -> list().workspaceProperty().set(WorkspaceOption.all(2)));
        assertTrue(onFxThread(workspace::isVisible), "All: the column is back");

        assertFalse(onFxThread(column(robot, "Model provider")::isVisible), "hidden until the user asks for it");
        robot.interact(() -> column(robot, "Model provider").setVisible(true));
        robot.interact(() -> column(robot, "Message").setVisible(false));
        assertEquals(Optional.of(Set.of("message")), new GuiPreferences(prefsNode).hiddenColumns());
        robot.interact(view::detach);
        robot.interact(view::stop);
        robot.interact(this::open);
        waitForLoad();
        assertFalse(onFxThread(column(robot, "Message")::isVisible), "still hidden after a restart");
        assertTrue(onFxThread(column(robot, "Model provider")::isVisible), "still shown after a restart");
        assertTrue(onFxThread(column(robot, "Workspace")::isVisible));
    }
}
