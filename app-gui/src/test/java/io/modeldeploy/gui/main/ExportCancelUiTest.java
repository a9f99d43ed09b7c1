package io.modeldeploy.gui.main;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.gui.export.ExportFormat;
import io.modeldeploy.gui.export.ExportViewModel.State;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.HistoryExportEntry;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * A big fleet export in the main window: its progress window shows how far it is, Cancel stops it
 * and leaves no file behind; the menus are reached with the keyboard. The server's streamed export
 * is stood in for by one that never ends, an entry a day every few milliseconds.
 */
@ExtendWith(ApplicationExtension.class)
class ExportCancelUiTest {

    private static TestServer server;
    private static ExecutorService workers;
    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();

    @TempDir
    Path folder;
    private MainView view;
    private Stage stage;

    /** Our server, with a history export that streams until it is stopped. */
    static final class EndlessExport extends ForwardingDeploymentApiClient {
        private final HttpDeploymentApiClient http;

        EndlessExport(HttpDeploymentApiClient http) {
            super(http);
            this.http = http;
        }

        @Override
        public ServerCapabilities capabilities() throws ApiException {
            ServerCapabilities real = http.capabilities();
            return new ServerCapabilities(real.eventStream(), real.statusHistory(), real.entityTags(),
                    real.statusBatches(), real.demo(), real.attention(), real.whoami(), true);
        }

        @Override
        public long exportHistory(HistoryExportQuery query, Consumer<HistoryExportEntry> sink) throws ApiException {
            for (long day = 0; ; day++) {
                sink.accept(new HistoryExportEntry("w", "d", 1, query.since().plusSeconds(day * 86_400 / 1000),
                        DeploymentStatus.ERROR, "entry " + day, null, "ctl", ChangeSource.API));
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ApiException.noAnswer(ApiException.Kind.INTERRUPTED, baseUrl(), null, e);
                }
            }
        }
    }

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        server.create("cancel-ui", "llama", "llama-nim");
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
        ConsoleContext context = new ConsoleContext(new EndlessExport(new HttpDeploymentApiClient(server.baseUrl())),
                TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT),
                new GuiPreferences(Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID())),
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
                .filter(w -> w instanceof Stage && w != stage)
                .forEach(Window::hide));
        robot.interact(view::detach);
        robot.interact(view::stop);
    }


    /** The texts of the menu items that have the keyboard focus, in every open menu. */
    private static String focusedMenuItems() {
        return onFxThread(() -> Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".menu-item").stream())
                .filter(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("focused")))
                .map(n -> n.lookupAll(".label").stream().map(l -> ((javafx.scene.control.Label) l).getText()).toList().toString())
                .toList().toString());
    }

    private List<Path> filesInFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void theKeyboardOpensTheFleetExportAndCancelInItsProgressWindowLeavesNoFile(FxRobot robot) throws IOException {
        waitUntil("the list is loaded", () -> view.viewModel().list().loadStateProperty().get()
                == ConsoleSession.FleetState.LOADED);
        Path file = folder.resolve("fleet.json");
        robot.interact(() -> view.export().useFileChoice((owner, title, offered, name) ->
                Optional.of(ExportFormat.choose(file, ExportFormat.CSV))));
        robot.interact(() -> view.listView().focusTable());

        // Alt+F opens File; up from its first item: Quit, Connect to server…, Export; right opens it.
        robot.press(KeyCode.ALT).type(KeyCode.F).release(KeyCode.ALT);
        robot.type(KeyCode.UP, 3).type(KeyCode.RIGHT).type(KeyCode.DOWN, 2);
        assertEquals("[[E_xport], [_Fleet history for a time range\u2026]]", focusedMenuItems());
        robot.type(KeyCode.ENTER);
        waitUntil("the fleet export dialog is open", () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#fleetSinceDate") != null));
        robot.type(KeyCode.ENTER);

        waitUntil("the progress window shows entries written", () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#exportProgress") != null)
                && view.export().viewModel().writtenProperty().get() > 10);
        ProgressBar bar = one(robot, "#exportProgress", ProgressBar.class);
        assertTrue(onFxThread(bar::getProgress) > 0, "the share of the time range covered");
        assertTrue(onFxThread(() -> one(robot, "#exportProgressText", javafx.scene.control.Label.class).getText())
                .matches("[\\d,]+ entries written, up to .*"));
        robot.clickOn(one(robot, "#exportCancelButton", Button.class));

        waitUntil("the export is cancelled", () -> view.export().viewModel().stateProperty().get() == State.CANCELLED);
        waitUntil("the temporary file is gone", () -> filesInFolder().isEmpty());
        assertEquals(List.of(), filesInFolder());
        assertTrue(Window.getWindows().stream().noneMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#exportProgress") != null), "the progress window closed");
        assertEquals("Export cancelled. Nothing was written; fleet.json is as it was.",
                view.viewModel().activityProperty().get());
    }
}
