package io.modeldeploy.gui.main;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.export.ExportFormat;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * File ▸ Export in the main window against a real server: the file the menu writes is read back.
 * The test stands in for the save dialog and gives the path.
 */
@ExtendWith(ApplicationExtension.class)
class ExportUiTest {

    private static TestServer server;
    private static ExecutorService workers;
    private static final String HOSTILE_MESSAGE = "=HYPERLINK(\"x\") | CUDA, out of memory\nretrying";
    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();

    @TempDir
    Path folder;
    private MainView view;
    private Stage stage;
    private GuiPreferences preferences;
    private final List<String> askedFor = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        server.create("export-a", "llama", "llama-nim");
        setStatusWithProvider("PENDING", "pulling image", "export-a/llama-first");
        setStatusWithProvider("ERROR", inJson(HOSTILE_MESSAGE), "export-a/llama-second");
        server.create("export-a", "gemma", "gemma-nim");
        server.setStatus("export-a", "gemma", "READY", "serving \uD83D\uDE80");
        server.create("export-b", "phi", "phi-nim");
        server.setStatus("export-b", "phi", "READY", "not in the filtered list");
    }

    /** A status of export-a/llama together with the model provider reference it then has. */
    private static void setStatusWithProvider(String status, String jsonMessage, String provider) {
        var answer = server.send("PATCH", TestServer.deployment("export-a", "llama") + "/status", "{\"status\":\""
                + status + "\",\"status_message\":\"" + jsonMessage + "\",\"model_provider_id\":\"" + provider + "\"}");
        assertEquals(200, answer.statusCode(), answer.body());
    }

    /** {@code text} as the inside of a JSON string (TestServer puts it between quotes as it is). */
    private static String inJson(String text) {
        try {
            String quoted = io.modeldeploy.gui.api.Json.mapper().writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
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
        preferences = new GuiPreferences(Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID()));
        ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(server.baseUrl()),
                TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT), preferences,
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

    private DeploymentListViewModel list() {
        return view.viewModel().list();
    }


    /** The save dialog's stand-in: remembers the name offered and answers {@code file}. */
    private void exportTo(FxRobot robot, Path file) {
        robot.interact(() -> view.export().useFileChoice((owner, title, offeredFolder, fileName) -> {
            askedFor.add(offeredFolder + "/" + fileName);
            return Optional.of(ExportFormat.choose(file, ExportFormat.CSV));
        }));
    }

    /** File ▸ Export ▸ {@code item}, clicked as a user would (menus of earlier tests' windows are left out). */
    private void openExportMenu(FxRobot robot, String item) {
        click(robot, "File");
        clickShown(robot, "Export");
        clickShown(robot, item);
    }

    private static void clickShown(FxRobot robot, String text) {
        waitUntil(text + " is shown", () -> onFxThread(() -> robot.lookup(text).queryAll().stream()
                .anyMatch(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing())));
        Node node = onFxThread(() -> robot.lookup(text).queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                        && n.getScene().getWindow().isShowing())
                .findFirst().orElseThrow());
        // Sideways into a submenu first, as a user does: a diagonal path crosses the items below its parent.
        javafx.geometry.Bounds bounds = onFxThread(() -> node.localToScreen(node.getBoundsInLocal()));
        javafx.geometry.Point2D pointer = robot.robotContext().getBaseRobot().retrieveMouse();
        robot.moveTo(new javafx.geometry.Point2D(bounds.getMinX() + 10, pointer.getY()));
        robot.clickOn(node);
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private void waitForLoad() {
        waitUntil("the list is loaded", () -> list().loadStateProperty().get() == ConsoleSession.FleetState.LOADED
                && list().find("export-b", "phi").isPresent());
    }

    @Test
    void exportListAsShownWritesTheRowsTheFiltersShowInTheirOrder(FxRobot robot) throws IOException {
        waitForLoad();
        robot.interact(() -> list().selectWorkspace("export-a"));
        waitUntil("only export-a is shown", () -> list().visibleRows().stream()
                .allMatch(row -> row.workspace().equals("export-a")) && list().visibleRows().size() == 2);
        List<String> shown = onFxThread(() -> list().visibleRows().stream().map(DeploymentRow::name).toList());
        Path file = folder.resolve("shown.csv");
        exportTo(robot, file);

        openExportMenu(robot, "List as shown…");
        waitUntil("the file is written", () -> view.export().viewModel().stateProperty().get()
                == io.modeldeploy.gui.export.ExportViewModel.State.DONE);

        List<CSVRecord> rows = readCsv(file);
        assertEquals(shown, rows.stream().map(r -> r.get("name")).toList());
        CSVRecord llama = rows.stream().filter(r -> r.get("name").equals("llama")).findFirst().orElseThrow();
        assertEquals("ERROR", llama.get("status"));
        assertEquals("Error", llama.get("needs_attention"));
        assertEquals("'" + HOSTILE_MESSAGE, llama.get("status_message"));
        assertTrue(askedFor.get(0).endsWith("/deployments-export-a-" + java.time.LocalDate.now(
                io.modeldeploy.gui.util.TimeFormat.clock()) ), askedFor.toString());
        assertEquals("Exported 2 rows to " + file, view.viewModel().activityProperty().get());
        assertEquals(Optional.of(folder), preferences.exportFolder(), "the folder is remembered");
    }

    @Test
    void exportTheSelectedDeploymentsHistoryWritesEveryEntryOldestFirst(FxRobot robot) throws IOException {
        waitForLoad();
        String key = DeploymentRow.keyOf("export-a", "llama");
        int index = onFxThread(() -> list().viewIndexOf(key));
        @SuppressWarnings("unchecked")
        TableView<DeploymentRow> table = one(robot, "#deploymentTable", TableView.class);
        robot.interact(() -> table.scrollTo(index));
        Node row = one(robot, n -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key));
        robot.clickOn(row);
        Path file = folder.resolve("llama-history.csv");
        exportTo(robot, file);

        openExportMenu(robot, "Selected deployment's history…");
        waitUntil("the file is written", () -> view.export().viewModel().stateProperty().get()
                == io.modeldeploy.gui.export.ExportViewModel.State.DONE);

        List<CSVRecord> entries = readCsv(file);
        List<String> onServer = new ArrayList<>();
        server.get(TestServer.deployment("export-a", "llama") + "/status-history?version=1&page_size=100")
                .get("data").forEach(entry -> onServer.add(entry.get("status").asText()));
        assertEquals(onServer, entries.stream().map(r -> r.get("status")).toList());
        assertEquals(List.of("PENDING", "ERROR"), onServer.subList(onServer.size() - 2, onServer.size()));
        assertTrue(entries.stream().allMatch(r -> r.get("workspace").equals("export-a")
                && r.get("name").equals("llama") && r.get("version").equals("1")));
        assertEquals("'" + HOSTILE_MESSAGE, entries.get(2).get("status_message"));
        assertEquals(List.of("", "export-a/llama-first", "export-a/llama-second"),
                entries.stream().map(r -> r.get("model_provider_id")).toList(),
                "each entry has the model provider it was recorded with, not the version's current one");
        assertTrue(askedFor.get(0).endsWith("/history-export-a-llama-" + java.time.LocalDate.now(
                io.modeldeploy.gui.util.TimeFormat.clock())), askedFor.toString());
    }

    @Test
    void exportTheFleetsHistoryForATimeRangeWritesTheEntriesOfTheChosenStatuses(FxRobot robot) throws IOException {
        waitForLoad();
        Path file = folder.resolve("fleet.csv");
        exportTo(robot, file);

        openExportMenu(robot, "Fleet history for a time range…");
        waitUntil("the fleet export dialog is open", () -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#fleetSinceDate") != null));
        click(robot, "#fleetStatusERROR");
        click(robot, "#fleetExportButton");
        waitUntil("the file is written", () -> view.export().viewModel().stateProperty().get()
                == io.modeldeploy.gui.export.ExportViewModel.State.DONE);

        List<CSVRecord> entries = readCsv(file);
        assertEquals(List.of("export-a/llama ERROR"), entries.stream()
                .map(r -> r.get("workspace") + "/" + r.get("name") + " " + r.get("status")).toList());
        assertEquals("'" + HOSTILE_MESSAGE, entries.get(0).get("status_message"));
        assertTrue(askedFor.get(0).endsWith("/fleet-history-" + java.time.LocalDate.now(
                io.modeldeploy.gui.util.TimeFormat.clock())), askedFor.toString());
    }
}
