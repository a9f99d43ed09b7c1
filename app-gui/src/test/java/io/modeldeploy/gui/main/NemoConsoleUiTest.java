package io.modeldeploy.gui.main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.detail.StatusTimelineViewModel;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import io.modeldeploy.model.DeploymentStatus;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console connected to a plain NeMo Platform's models service (the double: no event stream, no
 * full history, no entity tags, POST for status changes, none of our extensions). The double is
 * changed over its own HTTP, as curl would. The console's poll interval stays 5 s, but each wait
 * between polls ends when the test lets one poll happen, so nothing waits 5 s and nothing is timed.
 */
@ExtendWith(ApplicationExtension.class)
class NemoConsoleUiTest {

    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();
    private static ExecutorService workers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    /** One permit: one poll. */
    private final Semaphore polls = new Semaphore(0);
    private NemoModelsDouble nemo;
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
        nemo = NemoModelsDouble.start();
        nemo.createDeployment("default", "llama", "llama-nim");
        nemo.createDeployment("default", "qwen", "qwen-nim");
        nemo.createDeployment("ops", "busy", "busy-nim");
        for (int i = 0; i < 110; i++) {
            nemo.postStatus("ops", "busy", i % 2 == 0 ? "READY" : "PENDING", "change " + i);
        }
        Preferences prefs = Preferences.userRoot().node(PREFS_ROOT + "/" + UUID.randomUUID());
        ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(nemo.baseUri()),
                TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT), new GuiPreferences(prefs),
                ConnectionInfo.remote(nemo.baseUri()));
        ConsoleViewModels models = ConsoleViewModels.create(context);
        models.session().pollWith(ConsoleSession.POLL_INTERVAL, interval -> polls.acquire());
        view = new MainView(context, models);
        Scene scene = new Scene(view, 1280, 800);
        context.themes().style(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(view::stop);
        nemo.close();
    }

    // ------------------------------------------------------------------ helpers

    private DeploymentListViewModel list() {
        return view.viewModel().list();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void waitForFirstRead() {
        waitUntil("the fleet is read", () -> view.models().session().fleetStateProperty().get()
                == ConsoleSession.FleetState.LOADED && list().rows().size() == 3);
    }

    private void clickRow(FxRobot robot, String workspace, String name) {
        String key = DeploymentRow.keyOf(workspace, name);
        int index = fx(() -> list().viewIndexOf(key));
        assertTrue(index >= 0, key + " is in the list");
        @SuppressWarnings("unchecked")
        TableView<DeploymentRow> table = one(robot, "#deploymentTable", TableView.class);
        robot.interact(() -> table.scrollTo(index));
        Node row = one(robot, (Node n) -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key));
        robot.clickOn(row);
        waitUntil("the detail pane shows " + key, () -> name.equals(view.detailView().getViewModel()
                .fields().name().get()) && !view.detailView().getViewModel().loadingProperty().get());
    }

    private void chooseStatus(FxRobot robot, String display) {
        click(robot, "#statusCombo");
        ComboBox<?> combo = one(robot, "#statusCombo", ComboBox.class);
        Node cell = one(robot, (Node n) -> n instanceof ListCell<?> c && c.getItem() instanceof DeploymentStatus
                && c != combo.getButtonCell() && c.getListView() != null && display.equals(c.getText())
                && c.isVisible());
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeMessage(FxRobot robot, String message) {
        TextArea area = one(robot, "#messageArea", TextArea.class);
        robot.clickOn(area);
        robot.interact(area::selectAll);
        robot.write(message);
    }

    private String text(FxRobot robot, String id) {
        Label label = one(robot, "#" + id, Label.class);
        return fx(label::getText);
    }

    /** The deployment as NeMo has it now, read with plain HTTP. */
    private JsonNode onNemo(String workspace, String name) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(nemo.baseUri()
                        + "/apis/models/v2/workspaces/" + workspace + "/deployments/" + name)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private boolean consolePostedStatusOf(String name) {
        return nemo.requests().stream().anyMatch(r -> r.startsWith("POST ") && r.contains("/deployments/" + name
                + "/status"));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void theListShowsNemosDeploymentsSaysItPollsAndOffersNothingNemoLacks(FxRobot robot) {
        waitForFirstRead();

        waitUntil("the status bar says how it follows changes", () -> text(robot, "liveLabel")
                .equals("Polling every 5 s"));
        assertTrue(fx(() -> list().exists("default", "llama") && list().exists("ops", "busy")));
        Menu demo = fx(() -> view.menuBar().getMenus().stream().filter(m -> "demoMenu".equals(m.getId()))
                .findFirst().orElseThrow());
        assertFalse(fx(demo::isVisible), "NeMo has no demo mode");
        assertFalse(fx(() -> one(robot, "#changeStatusesButton").isVisible()), "NeMo has no status batches");
        assertTrue(nemo.requests().stream().noneMatch(r -> r.contains("/apis/modeldeploy/v1/demo")
                && r.startsWith("PUT")), nemo.requests().toString());
    }

    @Test
    void aChangePostedOnNemoAppearsAfterOnePollAndIsHighlighted(FxRobot robot) {
        waitForFirstRead();

        nemo.postStatus("default", "llama", "READY", "serving from curl");
        polls.release();

        waitUntil("the change is in the list, highlighted", () -> list().find("default", "llama")
                .map(r -> r.status() == DeploymentStatus.READY && "serving from curl".equals(r.message()))
                .orElse(false) && list().highlights().containsKey("default/llama"));
        assertEquals("Polling every 5 s", text(robot, "liveLabel"));
    }

    @Test
    void aStatusChangeFromTheEditorReachesNemoByPost(FxRobot robot) throws Exception {
        waitForFirstRead();
        clickRow(robot, "default", "qwen");
        chooseStatus(robot, "Ready");
        typeMessage(robot, "checked by hand");
        nemo.clearRequests();

        click(robot, "#applyButton");

        waitUntil("the list shows the change", () -> list().find("default", "qwen")
                .map(r -> r.status() == DeploymentStatus.READY).orElse(false));
        JsonNode now = onNemo("default", "qwen");
        assertEquals("READY", now.get("status").asText());
        assertEquals("checked by hand", now.get("status_message").asText());
        assertTrue(nemo.requests().contains("POST /apis/models/v2/workspaces/default/deployments/qwen/status?version=1"),
                nemo.requests().toString());
    }

    @Test
    void anEditOvertakenOnNemoIsRefusedWithTheConflictFlowAndNothingIsOverwritten(FxRobot robot) throws Exception {
        waitForFirstRead();
        clickRow(robot, "default", "llama");
        chooseStatus(robot, "Lost");
        typeMessage(robot, "looks lost to me");
        // Changed on NeMo after the editor opened; no poll lets the console see it before Apply.
        nemo.postStatus("default", "llama", "ERROR", "controller says broken");
        nemo.clearRequests();

        click(robot, "#applyButton");

        Node banner = one(robot, "#conflictBanner");
        waitUntil("the editor reports the change", banner::isVisible);
        assertEquals("Not applied: this version was changed by someone else first", text(robot, "conflictTitleLabel"));
        assertTrue(text(robot, "conflictWhoLabel").startsWith("Someone set it to Error at "),
                text(robot, "conflictWhoLabel"));
        assertEquals("looks lost to me", fx(() -> one(robot, "#messageArea", TextArea.class).getText()),
                "the edit is kept");
        assertFalse(consolePostedStatusOf("llama"), "nothing was posted: " + nemo.requests());
        assertEquals("ERROR", onNemo("default", "llama").get("status").asText());
    }

    @Test
    void theTimelineOfALongHistorySaysNemoKeepsOnlyTheNewest100(FxRobot robot) {
        waitForFirstRead();

        clickRow(robot, "ops", "busy");

        StatusTimelineViewModel timeline = view.detailView().getViewModel().timeline();
        waitUntil("the timeline shows the newest 100", () -> timeline.items().size() == 100);
        Label note = one(robot, "#endNoteLabel", Label.class);
        assertTrue(fx(note::isVisible));
        assertEquals("This server keeps only the newest 100 entries; older ones are not available.",
                fx(note::getText));
        assertTrue(nemo.requests().stream().noneMatch(r -> r.contains("status-history?version")),
                nemo.requests().toString());
    }
}
