package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StatusHistoryEntry;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.modeldeploy.gui.testing.FxLookup.all;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading the detail pane in a narrow window (issue 13, points 2 and 12): long messages, actors and
 * model provider IDs are shown whole and can be copied; the history uses the pane's height. Any
 * history entry's state can be put back in the editor (issue 14, point 4).
 */
@ExtendWith(ApplicationExtension.class)
class DetailReadingUiTest {

    private static final String LONG_MESSAGE = "CrashLoopBackOff: container nim exited 137 (OOMKilled) after 12 restarts;"
            + " last log line: torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB";
    private static final String LONG_ACTOR = "svc-argocd-image-updater@platform-team.example.com";
    private static final String LONG_PROVIDER = "workspace-team-nlp/nim-provider-eu-west-1-7f3c2a9b";

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "detail-reading-test");
        t.setDaemon(true);
        return t;
    });
    private FakeDeploymentApiClient client;
    private DeploymentDetailView view;

    @Start
    void start(Stage stage) {
        client = new FakeDeploymentApiClient();
        ConsoleSession session = TestSessions.of(client, TaskRunner.onFx(executor));
        view = new DeploymentDetailView(new DeploymentDetailViewModel(session));
        Scene scene = new Scene(view, 400, 700);
        new ThemeManager(Theme.LIGHT).style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private FakeDeploymentApiClient.Stored deploymentWithLongTexts(int changes) {
        FakeDeploymentApiClient.Stored stored = client.create("default", "gemma-2-27b", 1);
        client.addChanges(stored, changes);
        client.clock = client.clock.plus(Duration.ofMinutes(1));
        stored.status = DeploymentStatus.ERROR;
        stored.message = LONG_MESSAGE;
        stored.updatedAt = client.clock;
        stored.providerId = LONG_PROVIDER;
        stored.history.add(new StatusHistoryEntry(client.clock, DeploymentStatus.ERROR, LONG_MESSAGE, LONG_ACTOR,
                ChangeSource.API));
        return stored;
    }

    private void show(FxRobot robot, FakeDeploymentApiClient.Stored stored) {
        robot.interact(() -> view.show(stored.toResource()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        // The pane is too low for everything: scroll down to the history, as a user would.
        robot.interact(() -> one(robot, ".detail-scroll", javafx.scene.control.ScrollPane.class).setVvalue(1.0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** True when the label shows all of its text: neither ellipsized nor clipped. */
    private static boolean shownWhole(Labeled label) {
        return onFxThread(() -> {
            Text shown = (Text) label.lookup(".text");
            return shown != null && label.getText().equals(shown.getText()) && label.isVisible()
                    && label.getWidth() >= label.minWidth(-1) && label.getHeight() >= label.prefHeight(label.getWidth()) - 0.5;
        });
    }

    /** What the platform does on a right click or the context-menu key (Monocle sends no such request itself). */
    private static void openContextMenu(FxRobot robot, Node node) {
        robot.interact(() -> {
            javafx.geometry.Bounds local = node.getLayoutBounds();
            javafx.geometry.Point2D screen = node.localToScreen(local.getCenterX(), local.getCenterY());
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, local.getCenterX(), local.getCenterY(),
                    screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private StatusTimelineCell topCell(FxRobot robot) {
        return one(robot, (Node n) -> n instanceof StatusTimelineCell cell && cell.getIndex() == 0
                && cell.getItem() != null && cell.isVisible());
    }

    private List<Labeled> labelsIn(FxRobot robot, Node parent, String containing) {
        return all(robot, (Node n) -> n instanceof Labeled l && l.getText() != null && l.getText().contains(containing)
                && isWithin(n, parent) && n.isVisible());
    }

    private static boolean isWithin(Node node, Node parent) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == parent) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLongTimelineMessageAndItsActorAreShownWhole(FxRobot robot) {
        show(robot, deploymentWithLongTexts(3));
        StatusTimelineCell top = topCell(robot);

        List<Labeled> message = labelsIn(robot, top, LONG_MESSAGE);
        List<Labeled> actor = labelsIn(robot, top, LONG_ACTOR);
        assertFalse(message.isEmpty(), "the message is in the top row");
        assertFalse(actor.isEmpty(), "the actor is in the top row");
        assertTrue(message.stream().allMatch(DetailReadingUiTest::shownWhole), "the message is shown whole");
        assertTrue(actor.stream().allMatch(DetailReadingUiTest::shownWhole), "the actor is shown whole");
    }

    @Test
    void ctrlCCopiesTheSelectedEntrysMessage(FxRobot robot) {
        show(robot, deploymentWithLongTexts(3));
        robot.clickOn(topCell(robot));
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(LONG_MESSAGE, onFxThread(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void theTimelineContextMenuCopiesTheMessage(FxRobot robot) {
        show(robot, deploymentWithLongTexts(3));
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        StatusTimelineCell top = topCell(robot);
        robot.clickOn(top);
        openContextMenu(robot, top);
        robot.clickOn("Copy message");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(LONG_MESSAGE, onFxThread(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void useThisStatusFillsTheEditorWithAnOlderEntryAndSendsNothing(FxRobot robot) {
        FakeDeploymentApiClient.Stored stored = deploymentWithLongTexts(3);
        show(robot, stored);
        StatusTimelineCell second = one(robot, (Node n) -> n instanceof StatusTimelineCell cell && cell.getIndex() == 1
                && cell.getItem() != null && cell.isVisible());
        TimelineItem chosen = second.getItem();
        robot.clickOn(second);
        openContextMenu(robot, second);
        robot.clickOn("Use this status");
        WaitForAsyncUtils.waitForFxEvents();

        StatusEditorViewModel editor = view.getViewModel().editor();
        assertEquals(chosen.status(), editor.statusProperty().get());
        assertEquals(chosen.entry().statusMessage(), editor.messageProperty().get());
        assertTrue(editor.isDirty(), "Apply sends it");
        assertEquals(DeploymentStatus.ERROR, stored.toResource().status(), "nothing was sent");
        assertTrue(onFxThread(() -> view.getScene().getFocusOwner() instanceof javafx.scene.control.ComboBox<?>),
                "the editor's status has the focus, ready for Apply");
    }

    @Test
    void theMessageAtTheTopOfThePaneCanBeCopied(FxRobot robot) {
        show(robot, deploymentWithLongTexts(1));
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        openContextMenu(robot, one(robot, "#statusMessageLabel", Node.class));
        robot.clickOn("Copy message");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(LONG_MESSAGE, onFxThread(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void theModelProviderAndTheUpdatedTimeAreNotCut(FxRobot robot) {
        show(robot, deploymentWithLongTexts(1));
        Labeled provider = one(robot, "#providerLabel", Labeled.class);
        Labeled updated = one(robot, "#updatedLabel", Labeled.class);

        assertEquals(LONG_PROVIDER, onFxThread(provider::getText));
        assertTrue(shownWhole(provider), "the model provider is shown whole");
        assertEquals(LONG_PROVIDER, onFxThread(() -> provider.getTooltip() == null ? null : provider.getTooltip().getText()));
        assertTrue(shownWhole(updated), "the updated time is shown whole: " + onFxThread(updated::getText));
    }

    @Test
    void theEditorsModelProviderFieldShowsATypicalIdWhole(FxRobot robot) {
        FakeDeploymentApiClient.Stored stored = client.create("research", "gemma-2-27b", 1);
        stored.providerId = "research/gemma-2-27b";
        show(robot, stored);
        javafx.scene.control.TextField field = one(robot, ".provider-field", javafx.scene.control.TextField.class);
        double needed = onFxThread(() -> {
            Text text = new Text(field.getText());
            text.setFont(field.getFont());
            return text.getLayoutBounds().getWidth() + field.getInsets().getLeft() + field.getInsets().getRight();
        });
        assertEquals("research/gemma-2-27b", onFxThread(field::getText));
        assertTrue(onFxThread(field::getWidth) >= needed,
                "the field is " + onFxThread(field::getWidth) + " px wide; its text needs " + needed);
    }

    @Test
    void theEditorsButtonsKeepTheirWholeTextBesideTheKeyboardHint(FxRobot robot) {
        show(robot, deploymentWithLongTexts(1));
        Labeled apply = one(robot, ".apply-button", Labeled.class);
        Labeled revert = one(robot, ".revert-button", Labeled.class);
        Labeled hint = one(robot, ".keyboard-hint", Labeled.class);
        assertTrue(shownWhole(apply), "Apply shows " + onFxThread(() -> ((Text) apply.lookup(".text")).getText()));
        assertTrue(shownWhole(revert), "Revert shows " + onFxThread(() -> ((Text) revert.lookup(".text")).getText()));
        assertTrue(shownWhole(hint), "the hint shows " + onFxThread(() -> ((Text) hint.lookup(".text")).getText()));
    }

    @Test
    void theHistoryShowsManyEntriesAtOnce(FxRobot robot) {
        show(robot, deploymentWithLongTexts(156));
        ListView<?> list = one(robot, ".timeline-list", ListView.class);
        int visible = onFxThread(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            return last.getIndex() - first.getIndex() + 1;
        });
        // The old box was about 110 px high and showed five entries in a full-size window. How many fit
        // here depends on how the entries wrap in this 400 px pane; the box's own height does not.
        double height = onFxThread(list::getHeight);
        assertTrue(height >= 500, "history box height: " + height);
        assertTrue(visible > 5, "entries in view: " + visible);
    }
}
