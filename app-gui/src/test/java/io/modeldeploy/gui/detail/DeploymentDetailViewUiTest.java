package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.FxLookup;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;


import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detail view in a real window (headless Monocle unless -Dheaded) against a real embedded
 * server; the server's state is checked with plain HTTP.
 */
@ExtendWith(ApplicationExtension.class)
class DeploymentDetailViewUiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static DetailTestServer server;
    private static ExecutorService executor;

    private DeploymentDetailView view;
    private List<ModelDeployment> changes;

    @BeforeAll
    static void startServer() {
        server = new DetailTestServer(dataDir);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "detail-ui-test");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopServer() {
        executor.shutdownNow();
        server.close();
    }

    @Start
    void start(Stage stage) {
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        ConsoleSession session = TestSessions.of(new HttpDeploymentApiClient(server.baseUrl()), TaskRunner.onFx(executor));
        changes = TestSessions.record(session, DeploymentStore.Origin.OWN_WRITE);
        view = new DeploymentDetailView(new DeploymentDetailViewModel(session));
        Scene scene = new Scene(view, 720, 780); // within Monocle's 1280x800 headless screen
        themes.style(scene);
        stage.setScene(scene);
        stage.show();
    }

    // ------------------------------------------------------------------ helpers

    private static String uniqueName() {
        return "ui-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show(FxRobot robot, ModelDeployment deployment) {
        robot.interact(() -> view.show(deployment));
        waitUntil("the versions are loaded", () -> !view.getViewModel().loadingProperty().get());
    }

    private <T extends Node> T node(FxRobot robot, String id) {
        T found = one(robot, "#" + id);
        assertNotNull(found, id);
        return found;
    }

    private String text(FxRobot robot, String labelId) {
        Label label = node(robot, labelId);
        return fx(label::getText);
    }

    /** Opens the status drop-down and picks {@code display} ("Ready"), like a user with the mouse. */
    private void chooseStatus(FxRobot robot, String display) {
        click(robot, "#statusCombo");
        robot.clickOn(popupCell(robot, display));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private StatusEditorView.StatusChoiceCell popupCell(FxRobot robot, String display) {
        ComboBox<?> combo = node(robot, "statusCombo");
        return one(robot, (Node n) -> n instanceof StatusEditorView.StatusChoiceCell cell
                && cell != combo.getButtonCell() && cell.getListView() != null && display.equals(cell.getText())
                && cell.isVisible());
    }

    private List<StatusEditorView.StatusChoiceCell> popupCells(FxRobot robot) {
        ComboBox<?> combo = node(robot, "statusCombo");
        return FxLookup.all(robot, (Node n) -> n instanceof StatusEditorView.StatusChoiceCell cell
                && cell != combo.getButtonCell() && cell.getListView() != null && cell.getItem() != null
                && cell.isVisible()).stream()
                .map(n -> (StatusEditorView.StatusChoiceCell) n)
                .sorted(java.util.Comparator.comparingInt(StatusEditorView.StatusChoiceCell::getIndex))
                .toList();
    }

    private void typeMessage(FxRobot robot, String message) {
        TextArea area = node(robot, "messageArea");
        robot.clickOn(area);
        robot.interact(area::selectAll);
        robot.write(message);
    }

    private void pressCtrlEnter(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TimelineItem topTimelineRow() {
        return fx(() -> view.getViewModel().timeline().items().get(0));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void withoutASelectionItInvitesToSelectADeployment(FxRobot robot) {
        robot.interact(() -> view.show(null));
        Label title = one(robot, ".detail-empty-title");
        assertEquals("Select a deployment", fx(title::getText));
        assertTrue(fx(title::isVisible));
        assertFalse(fx(() -> node(robot, "content").isVisible()));
    }

    @Test
    void buildsTheEditorAndTheTimelineOnlyOnceThereIsSomethingToShow(FxRobot robot) {
        assertTrue(fx(() -> view.lookup(".status-editor") == null && view.lookup(".status-timeline") == null),
                "nothing selected yet: only the empty state is built");

        show(robot, server.create(uniqueName(), "llama-nim", null));

        assertTrue(fx(() -> view.lookup(".status-editor").isVisible()));
        assertTrue(fx(() -> view.lookup(".status-timeline").isVisible()));
    }

    @Test
    void showsTheFieldsOfTheSelectedDeployment(FxRobot robot) {
        String name = uniqueName();
        ModelDeployment created = server.create(name, "llama-nim", "team-a");

        show(robot, created);

        assertEquals(name, text(robot, "nameLabel"));
        assertEquals("default /", text(robot, "workspaceLabel"));
        TextField id = node(robot, "idField");
        assertEquals(created.id(), fx(id::getText));
        assertFalse(fx(id::isEditable));
        assertEquals("llama-nim@1", text(robot, "configLabel"));
        assertEquals("team-a", text(robot, "projectLabel"));
        assertEquals(TimeFormat.NONE, text(robot, "providerLabel"));
        String creator = created.authContext() == null ? TimeFormat.NONE : created.authContext().principalId();
        assertEquals(creator, text(robot, "createdByLabel"));
        assertEquals("just now", text(robot, "createdLabel"));
        Label createdLabel = node(robot, "createdLabel");
        assertEquals(TimeFormat.exact(created.createdAt()), fx(() -> createdLabel.getTooltip().getText()));
        assertEquals("Created", text(robot, "statusBadge"));
        ComboBox<VersionChoice> versions = node(robot, "versionCombo");
        assertEquals("Version 1 (latest)", fx(() -> versions.getValue().label()));

        assertEquals(1, fx(() -> view.getViewModel().timeline().items().size()));
        assertEquals(DeploymentStatus.CREATED, topTimelineRow().status());
        assertEquals("Deployment created", topTimelineRow().entry().statusMessage());
    }

    @Test
    void applyingAStatusChangesTheServerAndPutsTheNewEntryOnTop(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));

        chooseStatus(robot, "Ready");
        typeMessage(robot, "Serving traffic");
        Button apply = node(robot, "applyButton");
        assertFalse(fx(apply::isDisabled));
        robot.clickOn(apply);

        waitUntil("the new entry is on top", () -> topTimelineRow().status() == DeploymentStatus.READY);
        ModelDeployment stored = server.latest(name);
        assertEquals(DeploymentStatus.READY, stored.status());
        assertEquals("Serving traffic", stored.statusMessage());
        StatusHistoryEntry last = stored.statusHistory().get(stored.statusHistory().size() - 1);
        assertEquals(ChangeSource.GUI, last.source());
        assertEquals("Serving traffic", server.latestJson(name).get("status_message").asText());

        TimelineItem top = topTimelineRow();
        assertEquals(last, top.entry(), "the top row is the entry the server recorded");
        assertTrue(top.ongoing());
        assertEquals(2, fx(() -> view.getViewModel().timeline().items().size()));
        StatusTimelineCell firstCell = one(robot, (Node n) -> n instanceof StatusTimelineCell c
                && c.getIndex() == 0 && c.getItem() != null);
        Label status = within(robot, firstCell, ".timeline-status");
        Label message = within(robot, firstCell, ".timeline-message");
        assertEquals("Ready", fx(status::getText));
        assertEquals("Serving traffic", fx(message::getText));
        assertEquals("Ready", text(robot, "statusBadge"));
        assertTrue(fx(apply::isDisabled), "nothing left to apply");
        assertEquals(DeploymentStatus.READY, changes.get(changes.size() - 1).status(), "the store has the answer");
    }

    @Test
    void ctrlEnterAppliesAndEscapeReverts(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));

        typeMessage(robot, "draft that should vanish");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        TextArea area = node(robot, "messageArea");
        assertEquals("Deployment created", fx(area::getText));

        typeMessage(robot, "Pulling image");
        pressCtrlEnter(robot);
        waitUntil("the change is applied", () -> "Pulling image".equals(topTimelineRow().entry().statusMessage()));
        assertEquals("Pulling image", server.latest(name).statusMessage());
        assertEquals("Pulling image", fx(area::getText), "Ctrl+Enter adds no line break");
    }

    @Test
    void anOverLongMessageCannotBeApplied(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        TextArea area = node(robot, "messageArea");
        Label counter = node(robot, "messageCounter");

        robot.interact(() -> area.setText("x".repeat(1000)));
        assertEquals("1000/1000", fx(counter::getText));
        assertFalse(fx(() -> counter.getStyleClass().contains(StatusEditorView.OVER_LIMIT_CLASS)));
        robot.clickOn(area);
        robot.interact(area::end);
        robot.write("y");

        assertEquals("1001/1000", fx(counter::getText));
        assertTrue(fx(() -> counter.getStyleClass().contains(StatusEditorView.OVER_LIMIT_CLASS)));
        assertEquals(Color.web("#cf222e"), fx(counter::getTextFill), "red, from the theme's -status-error");
        Button apply = node(robot, "applyButton");
        assertTrue(fx(apply::isDisabled));
        Label problem = node(robot, "messageProblemLabel");
        assertTrue(fx(problem::isVisible));

        pressCtrlEnter(robot);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> view.getViewModel().editor().isBusy()));
        ModelDeployment stored = server.latest(name);
        assertEquals("Deployment created", stored.statusMessage());
        assertEquals(1, stored.statusHistory().size(), "nothing was sent");
    }

    @Test
    void afterDeleteTheDropDownOffersOnlyDeleted(FxRobot robot) {
        String name = uniqueName();
        server.create(name, "llama-nim", null);
        assertEquals(202, server.delete(name));
        show(robot, server.latest(name));
        assertEquals("Deleting", text(robot, "statusBadge"));
        ComboBox<DeploymentStatus> combo = node(robot, "statusCombo");

        robot.clickOn(combo);
        List<StatusEditorView.StatusChoiceCell> cells = popupCells(robot);
        assertEquals(8, cells.size());
        List<String> offered = cells.stream().filter(c -> !fx(c::isRefused)).map(c -> fx(c::getText)).toList();
        assertEquals(List.of("Deleted"), offered);
        StatusEditorView.StatusChoiceCell ready = popupCell(robot, "Ready");
        assertTrue(fx(() -> ready.getPseudoClassStates().contains(StatusEditorView.REFUSED)));
        assertEquals("A deployment marked for deletion can only become DELETED", fx(() -> ready.getTooltip().getText()));

        robot.clickOn(ready);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DeploymentStatus.DELETING, fx(combo::getValue), "a refused status can't be picked");

        if (!fx(combo::isShowing)) {
            robot.clickOn(combo);
        }
        robot.clickOn(popupCell(robot, "Deleted"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DeploymentStatus.DELETED, fx(combo::getValue));
        click(robot, "#applyButton");
        waitUntil("DELETED is applied", () -> topTimelineRow().status() == DeploymentStatus.DELETED);
        assertEquals(DeploymentStatus.DELETED, server.latest(name).status());
    }

    @Test
    void aDeleteMadeElsewhereBeforeApplyIsShownAsAConflictThatOnlyReloadResolves(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        assertEquals(202, server.delete(name)); // marked for deletion behind the console's back

        chooseStatus(robot, "Ready");
        click(robot, "#applyButton");

        Node banner = node(robot, "conflictBanner");
        waitUntil("the conflict is shown", banner::isVisible);
        StatusHistoryEntry deleting = newestEntry(server.latest(name));
        assertEquals("Not applied: this version was changed by someone else first", text(robot, "conflictTitleLabel"));
        assertEquals(deleting.actor() + " set it to Deleting at " + TimeFormat.exact(deleting.timestamp()),
                text(robot, "conflictWhoLabel").replaceAll(" \\(.*", ""));
        assertEquals("Deleting", text(robot, "statusBadge"), "the detail shows the current state");
        assertTrue(fx(() -> ((Button) node(robot, "applyAnywayButton")).isDisabled()), "READY would be refused");
        assertEquals("A deployment marked for deletion can only become DELETED", text(robot, "applyAnywayProblemLabel"));
        assertTrue(fx(() -> ((Button) node(robot, "applyButton")).isDisabled()));
        assertFalse(fx(() -> ((Label) node(robot, "errorLabel")).isVisible()), "no second message");

        click(robot, "#reloadButton");
        waitUntil("the conflict is resolved", () -> !banner.isVisible());
        assertEquals(DeploymentStatus.DELETING, fx(() -> ((ComboBox<?>) node(robot, "statusCombo")).getValue()));
        assertEquals(DeploymentStatus.DELETING, server.latest(name).status());
    }

    @Test
    void aChangeMadeElsewhereWhileEditingIsRefusedAndApplyAnywaySendsTheEdits(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        chooseStatus(robot, "Ready");
        typeMessage(robot, "serving, checked by hand");
        ModelDeployment elsewhere = server.setStatus(name, "ERROR", "GPU fell off the bus");

        click(robot, "#applyButton");

        Node banner = node(robot, "conflictBanner");
        waitUntil("the conflict is shown", banner::isVisible);
        StatusHistoryEntry change = newestEntry(elsewhere);
        String who = text(robot, "conflictWhoLabel");
        assertTrue(who.startsWith(change.actor() + " set it to Error at " + TimeFormat.exact(change.timestamp())),
                who);
        assertTrue(who.endsWith("via the API"), who);
        assertEquals("Message: \u201CGPU fell off the bus\u201D", text(robot, "conflictWhatLabel"));
        assertEquals("serving, checked by hand", fx(() -> ((TextArea) node(robot, "messageArea")).getText()),
                "the edits are kept");
        assertEquals(DeploymentStatus.ERROR, server.latest(name).status(), "nothing was overwritten");

        click(robot, "#applyAnywayButton");
        waitUntil("the edits are applied", () -> !banner.isVisible()
                && topTimelineRow().status() == DeploymentStatus.READY);
        ModelDeployment now = server.latest(name);
        assertEquals(DeploymentStatus.READY, now.status());
        assertEquals("serving, checked by hand", now.statusMessage());
        assertEquals(List.of(DeploymentStatus.CREATED, DeploymentStatus.ERROR, DeploymentStatus.READY),
                now.statusHistory().stream().map(StatusHistoryEntry::status).toList());
        assertEquals(ChangeSource.GUI, newestEntry(now).source());
    }

    @Test
    void aChangeMadeElsewhereWhileEditingIsRefusedAndReloadKeepsIt(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        chooseStatus(robot, "Lost");
        server.setStatus(name, "READY", "all good");

        pressCtrlEnter(robot);

        Node banner = node(robot, "conflictBanner");
        waitUntil("the conflict is shown", banner::isVisible);
        assertTrue(text(robot, "conflictWhoLabel").contains(" set it to Ready at "));
        click(robot, "#reloadButton");
        waitUntil("the current state is shown", () -> !banner.isVisible());
        assertEquals(DeploymentStatus.READY, fx(() -> ((ComboBox<?>) node(robot, "statusCombo")).getValue()));
        assertEquals("all good", fx(() -> ((TextArea) node(robot, "messageArea")).getText()));
        assertEquals(List.of(DeploymentStatus.READY, DeploymentStatus.CREATED),
                fx(() -> view.getViewModel().timeline().items().stream().map(TimelineItem::status).toList()));
        ModelDeployment now = server.latest(name);
        assertEquals(DeploymentStatus.READY, now.status());
        assertEquals(2, now.statusHistory().size(), "the console sent nothing more");
    }

    private static StatusHistoryEntry newestEntry(ModelDeployment deployment) {
        return deployment.statusHistory().get(deployment.statusHistory().size() - 1);
    }

    @Test
    void aDeploymentGoneFromTheServerIsShownInline(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        assertEquals(202, server.delete(name));
        server.setStatus(name, "DELETED", "gone");
        assertEquals(204, server.delete(name)); // purged

        chooseStatus(robot, "Ready");
        click(robot, "#applyButton");

        Label error = node(robot, "errorLabel");
        waitUntil("the error is shown", () -> error.isVisible() && !error.getText().isEmpty());
        String message = fx(error::getText);
        assertTrue(message.startsWith("Couldn't apply the change: not found on the server."), message);
        assertTrue(message.contains(name), message);
        Label loadError = node(robot, "loadErrorLabel");
        waitUntil("the version list notices", () -> loadError.isVisible());
        assertTrue(fx(loadError::getText).contains("no longer exists"));
    }

    @Test
    void theVersionSelectorSwitchesVersionsAndUpdatesGoToTheSelectedOne(FxRobot robot) {
        String name = uniqueName();
        server.create(name, "llama-nim", null);
        ModelDeployment v2 = server.newVersion(name, "llama-nim-next");
        show(robot, v2);
        ComboBox<VersionChoice> versions = node(robot, "versionCombo");
        assertEquals(List.of("Version 2 (latest)", "Version 1"),
                fx(() -> versions.getItems().stream().map(VersionChoice::label).toList()));
        assertEquals("llama-nim-next@1", text(robot, "configLabel"));

        robot.clickOn(versions);
        robot.clickOn(FxLookup.<Node>one(robot, (Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
                && cell.getListView() != null && "Version 1".equals(cell.getText())));
        waitUntil("version 1 is shown", () -> "llama-nim@1".equals(((Label) node(robot, "configLabel")).getText()));
        assertEquals("Applies to version 1", text(robot, "targetLabel"));

        chooseStatus(robot, "Error");
        typeMessage(robot, "OOM on v1");
        click(robot, "#applyButton");
        waitUntil("the change is applied", () -> topTimelineRow().status() == DeploymentStatus.ERROR);

        assertEquals(DeploymentStatus.ERROR, server.version(name, 1).status());
        assertEquals("OOM on v1", server.version(name, 1).statusMessage());
        assertEquals(DeploymentStatus.PENDING, server.version(name, 2).status(), "the latest version is untouched");
    }

    @Test
    void scrollingToTheEndLoadsOlderEntriesFromTheFullHistory(FxRobot robot) {
        String name = uniqueName();
        server.create(name, "llama-nim", null);
        for (int i = 1; i <= 150; i++) {
            server.setStatus(name, i % 2 == 0 ? "READY" : "PENDING", "step " + i);
        }
        show(robot, server.latest(name));
        waitUntil("the newest window is shown", () -> view.getViewModel().timeline().items().size() >= 100);
        assertEquals("step 150", fx(() -> view.getViewModel().timeline().items().get(0).entry().statusMessage()));

        ListView<TimelineItem> list = node(robot, "entryList");
        robot.interact(() -> list.scrollTo(99));

        waitUntil("all 151 entries are shown", () -> view.getViewModel().timeline().items().size() == 151);
        List<TimelineItem> rows = fx(() -> List.copyOf(view.getViewModel().timeline().items()));
        assertEquals("step 150", rows.get(0).entry().statusMessage());
        assertEquals("Deployment created", rows.get(150).entry().statusMessage());
        for (int i = 0; i < 150; i++) {
            assertEquals("step " + (150 - i), rows.get(i).entry().statusMessage(), "row " + i);
        }
        assertEquals("151 entries", text(robot, "summaryLabel"));
        assertFalse(fx(() -> view.getViewModel().timeline().hasOlderProperty().get()));
    }

    @Test
    void versionSelectorAndStatusDropDownAreReachableWithTab(FxRobot robot) {
        show(robot, server.create(uniqueName(), "llama-nim", null));
        ComboBox<?> versions = node(robot, "versionCombo");
        ComboBox<?> status = node(robot, "statusCombo");
        TextArea message = node(robot, "messageArea");
        TextField provider = node(robot, "providerField");
        robot.interact(versions::requestFocus);
        assertTrue(fx(versions::isFocused));

        Node focused = null;
        for (int i = 0; i < 4 && focused != status; i++) {
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            focused = fx(() -> view.getScene().getFocusOwner());
        }
        assertEquals(status, focused, "Tab reaches the status drop-down");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(provider, fx(() -> view.getScene().getFocusOwner()));
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(message, fx(() -> view.getScene().getFocusOwner()));
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> view.getScene().getFocusOwner() == message), "Tab leaves the message area");
        assertFalse(fx(message::getText).contains("\t"));
    }
}
