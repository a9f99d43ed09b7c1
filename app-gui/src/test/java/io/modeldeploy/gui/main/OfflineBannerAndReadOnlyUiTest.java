package io.modeldeploy.gui.main;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StreamHeartbeat;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * The main window over a scripted server whose stream the test drives: the offline banner with the
 * dimmed list, and a viewer token's read-only window.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineBannerAndReadOnlyUiTest {

    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();
    private static ExecutorService workers;

    private ReadOnlyAndOfflineViewModelTest.RoleClient client;
    private MainView view;

    @BeforeAll
    static void startWorkers() {
        workers = TaskRunner.newWorkerPool();
    }

    @AfterAll
    static void stopWorkers() throws BackingStoreException {
        workers.shutdownNow();
        GuiPreferencesTest.removeTestRoot();
    }

    @Start
    void start(Stage stage) {
        client = new ReadOnlyAndOfflineViewModelTest.RoleClient();
        client.deployments.add(Deployments.of("prod", "llama", 1, DeploymentStatus.READY, "serving",
                Instant.now().minusSeconds(5)));
        client.caller = new CallerIdentity("alice", "editor", true);
        Preferences prefs = Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID());
        ConsoleContext context = new ConsoleContext(client, TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT),
                new GuiPreferences(prefs), ConnectionInfo.remote(client.baseUrl()));
        // Not started: the test plays the event stream's part on the session.
        view = new MainView(context, ConsoleViewModels.create(context));
        Scene scene = new Scene(view, 1100, 700);
        context.themes().style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        robot.interact(view::stop);
    }

    private ConsoleSession session() {
        return view.viewModel().session();
    }

    private void goLive(FxRobot robot) {
        robot.interact(() -> {
            session().onStateChanged(State.LIVE);
            session().onHeartbeat(new StreamHeartbeat(1, Deployments.T0));
        });
    }


    private static boolean shown(Node node) {
        return onFxThread(() -> node.isVisible() && node.isManaged());
    }

    @Test
    void anUnreachableServerShowsTheBannerAndDimsTheListUntilItIsBack(FxRobot robot) {
        goLive(robot);
        waitUntil("the row is listed", () -> view.viewModel().list().totalCountProperty().get() == 1);
        Node banner = one(robot, "#offlineBanner");
        Node list = one(robot, "#deploymentList");
        assertFalse(shown(banner));

        robot.interact(() -> {
            session().onStateChanged(State.RECONNECTING);
            session().onStateChanged(State.OFFLINE);
        });
        assertTrue(shown(banner));
        String text = onFxThread(() -> ((Label) banner.lookup(".offline-banner-text")).getText());
        assertTrue(text.startsWith("Server not reachable since ") && text.contains(" \u2014 retrying; showing data as of "),
                text);
        assertTrue(onFxThread(() -> list.getPseudoClassStates().contains(STALE)), "the list is dimmed");
        assertTrue(updatedText(robot).startsWith("as of "), updatedText(robot));

        robot.interact(() -> session().onStateChanged(State.LIVE));
        assertFalse(shown(banner));
        assertFalse(onFxThread(() -> list.getPseudoClassStates().contains(STALE)));
        assertEquals("just now", updatedText(robot));
    }

    private static String updatedText(FxRobot robot) {
        return onFxThread(() -> robot.lookup(".updated-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().map(javafx.scene.control.Labeled::getText)
                .filter(text -> text != null && !text.isEmpty()).findFirst().orElse(""));
    }

    @Test
    void aViewerTokenTurnsEveryWriteActionOffAndSaysSoInTheStatusBar(FxRobot robot) {
        client.caller = new CallerIdentity("dashboard", "viewer", false);
        Button newButton = one(robot, "#newDeploymentButton", Button.class);
        Label readOnly = one(robot, "#readOnlyLabel", Label.class);
        assertFalse(onFxThread(newButton::isDisabled));
        assertFalse(shown(readOnly));

        goLive(robot);
        waitUntil("the console knows it is read-only", () -> view.viewModel().readOnlyProperty().get());
        assertTrue(onFxThread(newButton::isDisabled));
        assertTrue(shown(readOnly));
        assertEquals("read-only: viewer token", onFxThread(readOnly::getText));
        assertTrue(onFxThread(() -> menuItem("newDeploymentItem").isDisable()));
        assertTrue(onFxThread(() -> menuItem("deleteItem").isDisable()));
        assertTrue(onFxThread(() -> menuItem("demoResetItem").isDisable()));
        // The editor's fields cannot be changed either, and its texts can still be selected and copied.
        waitUntil("the detail pane is built, shortly after the first rows", () -> view.lookup(".status-combo") != null);
        assertTrue(onFxThread(() -> one(robot, ".status-combo", javafx.scene.control.ComboBox.class).isDisabled()));
        assertFalse(onFxThread(() -> one(robot, ".message-area", javafx.scene.control.TextArea.class).isEditable()));
        assertFalse(onFxThread(() -> one(robot, ".provider-field", javafx.scene.control.TextField.class).isEditable()));
    }

    private MenuItem menuItem(String id) {
        return view.lookupAll(".menu-bar").stream().findFirst()
                .map(bar -> ((javafx.scene.control.MenuBar) bar).getMenus().stream()
                        .flatMap(menu -> allItems(menu).stream())
                        .filter(item -> id.equals(item.getId()))
                        .findFirst().orElseThrow())
                .orElseThrow();
    }

    private static java.util.List<MenuItem> allItems(javafx.scene.control.Menu menu) {
        java.util.List<MenuItem> items = new java.util.ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            items.add(item);
            if (item instanceof javafx.scene.control.Menu sub) {
                items.addAll(allItems(sub));
            }
        }
        return items;
    }
}
