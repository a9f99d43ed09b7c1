package io.modeldeploy.gui.main;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.dialogs.ResetDemoConfirmation;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DemoState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * Help ▸ Connect external clients and the Demo menu, in the main window against a real server in
 * demo mode that the console reaches with its local token.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectAndDemoUiTest {

    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();
    private static TestServer server;
    private static DeploymentApiClient client;
    private static ExecutorService workers;

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private MainView view;
    private Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(options -> options.withDemo(true));
        client = new HttpDeploymentApiClient(server.baseUrl(), server.localToken());
        client.updateDemo(new DemoState(null, false, null)); // a still fleet for the assertions
        workers = TaskRunner.newWorkerPool();
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
        ConnectionInfo info = ConnectionInfo.embedded(server.baseUrl(), server.dataDir(), server.localToken(),
                server.dataDir().resolve("local-token"));
        ConsoleContext context = new ConsoleContext(client, TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT),
                new GuiPreferences(Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID())), info,
                opened::add);
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
                .filter(w -> w instanceof Stage && w != stage)
                .forEach(Window::hide));
        robot.interact(view::stop);
    }


    private void waitForList() {
        DeploymentListViewModel list = view.viewModel().list();
        waitUntil("the list is loaded", () -> list.loadStateProperty().get() == io.modeldeploy.gui.session.ConsoleSession.FleetState.LOADED
                && !list.loadingProperty().get() && list.totalCountProperty().get() >= 25);
    }

    /** A deployment besides the fleet (a reset in another test removes it). */
    private void ensureOwnDeployment() throws Exception {
        try {
            client.getDeployment("connect-ui", "llama-connect");
        } catch (io.modeldeploy.gui.api.ApiException e) {
            client.createDeployment("connect-ui", new CreateDeploymentRequest("llama-connect", "llama-nim", null, null));
        }
        String key = DeploymentRow.keyOf("connect-ui", "llama-connect");
        waitUntil("it is listed", () -> view.viewModel().list().viewIndexOf(key) >= 0);
    }

    private Optional<DialogPane> dialog() {
        return Window.getWindows().stream()
                .filter(w -> w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst();
    }

    private MenuItem menuItem(String menuText, String id) {
        Menu menu = view.menuBar().getMenus().stream().filter(m -> m.getText().replace("_", "").equals(menuText))
                .findFirst().orElseThrow();
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private void selectRow(FxRobot robot, String workspace, String name) {
        String key = DeploymentRow.keyOf(workspace, name);
        int index = view.viewModel().list().viewIndexOf(key);
        assertTrue(index >= 0, key + " is in the list");
        robot.interact(() -> one(robot, "#deploymentTable", TableView.class).scrollTo(index));
        Node row = one(robot, n -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key));
        robot.clickOn(row);
        assertEquals(key, view.viewModel().selectedProperty().get().key());
    }

    @Test
    void connectDialogOpensFromTheHelpMenuWithTheBaseUrlAndTheSelectedDeployment(FxRobot robot) throws Exception {
        waitForList();
        ensureOwnDeployment();
        selectRow(robot, "connect-ui", "llama-connect");

        click(robot, "Help");
        click(robot, "Connect external clients…");
        waitUntil("the Connect dialog is open", () -> dialog().isPresent());
        DialogPane pane = dialog().orElseThrow();

        TextField baseUrl = (TextField) pane.lookup("#connectBaseUrl");
        assertEquals(server.baseUrl().toString(), baseUrl.getText());
        Label target = (Label) pane.lookup("#connectTarget");
        assertTrue(target.getText().contains("connect-ui/llama-connect"), target.getText());
        TextArea curl = (TextArea) pane.lookup("#example-curl-patch");
        assertTrue(curl.getText().contains("/workspaces/connect-ui/deployments/llama-connect/status?version=1"),
                curl.getText());
        Label tokenFile = (Label) pane.lookup("#connectTokenFile");
        assertTrue(tokenFile.getText().startsWith(server.dataDir().resolve("local-token").toString()));

        TextField token = (TextField) pane.lookup("#connectToken");
        assertFalse(token.getText().contains(server.localToken()), "hidden until asked");
        click(robot, "#connectShowToken");
        assertEquals(server.localToken(), token.getText());

        click(robot, "Open API docs");
        assertEquals(List.of(server.baseUrl() + "/swagger-ui/"), opened);
    }

    @Test
    void demoMenuFollowsTheServerAndStartsTheController(FxRobot robot) throws Exception {
        waitForList();
        ensureOwnDeployment();
        CheckMenuItem running = (CheckMenuItem) menuItem("Demo", "demoRunningItem");
        waitUntil("the demo state is known", () -> view.models().demo().availableProperty().get());
        assertFalse(running.isSelected());
        assertFalse(running.isDisable());
        assertFalse(menuItem("Demo", "demoInfoItem").isVisible(), "no explanation while demo mode is on");

        click(robot, "Demo");
        click(robot, "Demo controller running");
        waitUntil("the controller runs", () -> client.getDemo().running());
        waitUntil("the check mark follows", running::isSelected);
        client.updateDemo(new DemoState(null, false, null));

        // Stopped elsewhere: opening the menu asks the server again.
        click(robot, "Demo");
        waitUntil("the check mark follows the server", () -> !running.isSelected());
        click(robot, "Reset demo data…");
        waitUntil("the confirmation", () -> dialog().isPresent());
        DialogPane confirmation = dialog().orElseThrow();
        assertTrue(confirmation.getContentText().contains("Every deployment on this server is replaced"));
        robot.clickOn((Button) confirmation.lookupButton(ResetDemoConfirmation.RESET));
        waitUntil("the hand-made deployment is gone from the list", () ->
                view.viewModel().list().viewIndexOf(DeploymentRow.keyOf("connect-ui", "llama-connect")) < 0
                        && view.viewModel().list().totalCountProperty().get() == 25);
        assertTrue(view.viewModel().activityProperty().get().length() > 0);
    }
}
