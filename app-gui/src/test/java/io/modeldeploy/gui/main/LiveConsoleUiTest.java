package io.modeldeploy.gui.main;

import com.fasterxml.jackson.databind.JsonNode;
import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.detail.TimelineItem;
import io.modeldeploy.gui.list.DeploymentListView;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.list.WorkspaceOption;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentStatus;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.find;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The open console follows changes made elsewhere: a real server (port 0, temporary data) is
 * changed with a plain java.net.http client while the window is open, and the list, the detail
 * pane, the timeline and the status editor follow without any click. The server's final state is
 * checked with plain HTTP.
 */
@ExtendWith(ApplicationExtension.class)
class LiveConsoleUiTest {

    /** How many changes the latency test makes. */
    private static final int SAMPLES = 7;
    /** Generous bound for the median: the goal is 100 ms, a busy build machine gets some slack. */

    private static TestServer server;
    private static ExecutorService workers;
    private static final String PREFS_ROOT = GuiPreferencesTest.TEST_ROOT + "/" + UUID.randomUUID();

    private MainView view;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        server.create("live-seed", "seeded", "cfg");
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
        ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(server.baseUrl()), TaskRunner.onFx(workers),
                new ThemeManager(Theme.LIGHT), new GuiPreferences(prefs),
                ConnectionInfo.embedded(server.baseUrl(), null));
        view = new MainView(context, ConsoleViewModels.create(context));
        Scene scene = new Scene(view, 1280, 800);
        context.themes().style(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void stopListening(FxRobot robot) {
        robot.interact(view::stop);
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

    private void waitForLive() {
        waitUntil("the console is live and loaded", () -> view.models().session().liveStateProperty().get()
                == DeploymentEventStream.State.LIVE
                && list().loadStateProperty().get() == io.modeldeploy.gui.session.ConsoleSession.FleetState.LOADED
                && !list().loadingProperty().get());
    }

    @SuppressWarnings("unchecked")
    private TableView<DeploymentRow> table(FxRobot robot) {
        return (TableView<DeploymentRow>) one(robot, "#deploymentTable", TableView.class);
    }

    private void clickRow(FxRobot robot, String workspace, String name) {
        String key = DeploymentRow.keyOf(workspace, name);
        int index = fx(() -> list().viewIndexOf(key));
        assertTrue(index >= 0, key + " is in the list");
        robot.interact(() -> table(robot).scrollTo(index));
        Node row = one(robot, n -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key));
        robot.clickOn(row);
        waitUntil("the detail pane shows " + key, () -> name.equals(view.detailView().getViewModel()
                .fields().name().get()) && !view.detailView().getViewModel().loadingProperty().get());
    }

    private TableRow<?> tableRow(FxRobot robot, String key) {
        return one(robot, n -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key), TableRow.class);
    }

    private void chooseStatus(FxRobot robot, String display) {
        click(robot, "#statusCombo");
        ComboBox<?> combo = one(robot, "#statusCombo", ComboBox.class);
        Node cell = one(robot, (Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof DeploymentStatus && c != combo.getButtonCell() && c.getListView() != null && display.equals(c.getText())
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

    private static JsonNode newestEntry(JsonNode deployment) {
        JsonNode history = deployment.get("status_history");
        return history.get(history.size() - 1);
    }

    private static String exact(JsonNode entry) {
        return TimeFormat.exact(Instant.parse(entry.get("timestamp").asText()));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aStatusChangeMadeWithPlainHttpAppearsInTheListAndTimelineWithoutAnyClick(FxRobot robot) {
        waitForLive();
        server.create("live-a", "watched", "llama-nim");
        waitUntil("the new deployment is listed without a refresh", () -> list().exists("live-a", "watched"));
        clickRow(robot, "live-a", "watched");

        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            String message = "change " + i + " " + UUID.randomUUID();
            String status = i % 2 == 0 ? "READY" : "PENDING";
            AtomicLong listAt = new AtomicLong();
            AtomicLong timelineAt = new AtomicLong();
            InvalidationListener watch = obs -> {
                long now = System.nanoTime();
                list().find("live-a", "watched").filter(r -> r.message().equals(message))
                        .ifPresent(r -> listAt.compareAndSet(0, now));
                var items = view.detailView().getViewModel().timeline().items();
                if (!items.isEmpty() && message.equals(items.get(0).entry().statusMessage())) {
                    timelineAt.compareAndSet(0, now);
                }
            };
            robot.interact(() -> {
                list().rows().addListener(watch);
                view.detailView().getViewModel().timeline().items().addListener(watch);
            });
            long sent = System.nanoTime();
            server.setStatus("live-a", "watched", status, message);
            waitUntil("change " + i + " is in the list and on top of the timeline",
                    () -> listAt.get() != 0 && timelineAt.get() != 0);
            robot.interact(() -> {
                list().rows().removeListener(watch);
                view.detailView().getViewModel().timeline().items().removeListener(watch);
            });
            latencies.add((Math.max(listAt.get(), timelineAt.get()) - sent) / 1_000_000);
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("Event-to-screen latency (PATCH sent with plain HTTP -> list row and timeline updated "
                + "on the FX thread), %d changes (ms): %s; median %d, best %d, worst %d%n", SAMPLES, latencies,
                median, sorted.get(0), sorted.get(sorted.size() - 1));

        String lastMessage = fx(() -> list().find("live-a", "watched").orElseThrow().message());
        assertTrue(find(robot, n -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && lastMessage.equals(c.getText())).isPresent(), "the table shows the new message");
        TableRow<?> row = tableRow(robot, "live-a/watched");
        assertTrue(fx(() -> row.getPseudoClassStates().contains(DeploymentListView.CHANGED)),
                "the changed row is highlighted");
        waitUntil("the highlight fades out", () -> !row.getPseudoClassStates().contains(DeploymentListView.CHANGED));
        DeploymentStatus last = (SAMPLES - 1) % 2 == 0 ? DeploymentStatus.READY : DeploymentStatus.PENDING;
        assertEquals(last, fx(() -> view.detailView().getViewModel().fields().status().get()));
        assertEquals(SAMPLES + 1, fx(() -> view.detailView().getViewModel().timeline().items().size()));
        assertTrue(text(robot, "liveLabel").startsWith("Live \u00B7 last change "), text(robot, "liveLabel"));
    }

    @Test
    void deploymentsCreatedAndDeletedElsewhereComeAndGoWithTheirCounts(FxRobot robot) {
        waitForLive();
        String workspace = "live-ws-" + UUID.randomUUID().toString().substring(0, 8);
        int createdBefore = fx(() -> list().countProperty(DeploymentStatus.CREATED).get());

        server.create(workspace, "comes-and-goes", "cfg");

        waitUntil("the row, its workspace and its count appear", () -> list().exists(workspace, "comes-and-goes")
                && list().workspaceOptions().contains(new WorkspaceOption(workspace, 1)));
        assertEquals(createdBefore + 1, fx(() -> list().countProperty(DeploymentStatus.CREATED).get()));

        assertEquals(202, server.send("DELETE", TestServer.deployment(workspace, "comes-and-goes"), null).statusCode());
        waitUntil("the row shows DELETING", () -> list().find(workspace, "comes-and-goes")
                .map(r -> r.status() == DeploymentStatus.DELETING).orElse(false));
        server.setStatus(workspace, "comes-and-goes", "DELETED", "controller removed it");
        assertEquals(204, server.send("DELETE", TestServer.deployment(workspace, "comes-and-goes"), null).statusCode());
        waitUntil("the purged row disappears", () -> !list().exists(workspace, "comes-and-goes"));
        assertEquals(createdBefore, fx(() -> list().countProperty(DeploymentStatus.CREATED).get()));
    }

    @Test
    void anEditOvertakenByALiveChangeSaysWhoChangedItAndApplyAnywaySendsTheEdit(FxRobot robot) {
        waitForLive();
        server.create("live-c", "contested", "cfg");
        waitUntil("listed", () -> list().exists("live-c", "contested"));
        clickRow(robot, "live-c", "contested");
        chooseStatus(robot, "Ready");
        typeMessage(robot, "checked by hand");

        JsonNode theirs = server.setStatus("live-c", "contested", "ERROR", "script says broken");

        Node banner = one(robot, "#conflictBanner");
        waitUntil("the editor reports the change", banner::isVisible);
        JsonNode change = newestEntry(theirs);
        String who = text(robot, "conflictWhoLabel");
        assertTrue(who.startsWith(change.get("actor").asText() + " set it to Error at " + exact(change)), who);
        assertEquals("Message: \u201Cscript says broken\u201D", text(robot, "conflictWhatLabel"));
        assertEquals("This version changed while you were editing", text(robot, "conflictTitleLabel"));
        assertEquals(DeploymentStatus.ERROR, fx(() -> view.detailView().getViewModel().fields().status().get()),
                "the detail shows their change");
        assertEquals(DeploymentStatus.ERROR, fx(() -> view.detailView().getViewModel().timeline().items().get(0)
                .status()));
        assertTrue(fx(() -> one(robot, "#applyButton", Button.class).isDisabled()));
        assertEquals("checked by hand", fx(() -> one(robot, "#messageArea", TextArea.class).getText()));

        click(robot, "#applyAnywayButton");

        waitUntil("the edit is applied", () -> !banner.isVisible() && list().find("live-c", "contested")
                .map(r -> r.status() == DeploymentStatus.READY).orElse(false));
        JsonNode now = server.get(TestServer.deployment("live-c", "contested"));
        assertEquals("READY", now.get("status").asText());
        assertEquals("checked by hand", now.get("status_message").asText());
        List<String> statuses = new ArrayList<>();
        now.get("status_history").forEach(e -> statuses.add(e.get("status").asText()));
        assertEquals(List.of("CREATED", "ERROR", "READY"), statuses, "both changes, in order, nothing lost");
        assertEquals("gui", newestEntry(now).get("source").asText());
    }

    @Test
    void applyRacingAChangeMadeElsewhereNeverOverwritesItAndReloadTakesIt(FxRobot robot) {
        waitForLive();
        server.create("live-r", "raced", "cfg");
        waitUntil("listed", () -> list().exists("live-r", "raced"));
        clickRow(robot, "live-r", "raced");
        chooseStatus(robot, "Lost");
        typeMessage(robot, "looks lost to me");

        server.setStatus("live-r", "raced", "READY", "back online");
        // Apply at once: the change arrives live or the server refuses the update (412); either way
        // the editor shows the conflict and nothing is overwritten.
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);

        Node banner = one(robot, "#conflictBanner");
        waitUntil("the editor reports the change", banner::isVisible);
        assertTrue(text(robot, "conflictWhoLabel").contains(" set it to Ready at "), text(robot, "conflictWhoLabel"));
        assertEquals("READY", server.get(TestServer.deployment("live-r", "raced")).get("status").asText());

        click(robot, "#reloadButton");

        waitUntil("the editor shows the current state", () -> !banner.isVisible());
        assertEquals(DeploymentStatus.READY, fx(() -> one(robot, "#statusCombo", ComboBox.class).getValue()));
        assertEquals("back online", fx(() -> one(robot, "#messageArea", TextArea.class).getText()));
        JsonNode now = server.get(TestServer.deployment("live-r", "raced"));
        assertEquals("READY", now.get("status").asText());
        assertEquals("back online", now.get("status_message").asText());
        assertEquals(2, now.get("status_history").size(), "the console's edit was never written");
        List<TimelineItem> timeline = fx(() -> List.copyOf(view.detailView().getViewModel().timeline().items()));
        assertEquals(DeploymentStatus.READY, timeline.get(0).status());
        assertTrue(Objects.equals("back online", timeline.get(0).entry().statusMessage()));
        assertFalse(fx(() -> view.detailView().getViewModel().editor().isDirty()));
    }
}
