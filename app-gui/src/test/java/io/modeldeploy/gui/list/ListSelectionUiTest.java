package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.FxLookup;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list in a real window: the highlighted row, the detail's selection, the row menu and the
 * tooltips all follow the deployment (by key) through live re-sorts, filter changes and creates.
 */
@ExtendWith(ApplicationExtension.class)
class ListSelectionUiTest {

    static final Instant START = Instant.parse("2026-07-01T10:00:00Z");
    private static final Duration STUCK_AFTER = Duration.ofMinutes(10);


    private ConsoleSession session;
    private DeploymentListViewModel vm;
    private DeploymentListView view;
    private Stage stage;
    private long eventId = 100;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        FakeClient client = new FakeClient();
        List<ModelDeployment> deployments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            DeploymentStatus status = i % 3 == 0 ? DeploymentStatus.ERROR : DeploymentStatus.READY;
            deployments.add(Deployments.of(i % 2 == 0 ? "team-a" : "team-b", "model-" + i, 1, status,
                    "message of model-" + i, START.plusSeconds(i * 60L)));
        }
        client.deployments = deployments;
        client.stuckAfterSeconds = Map.of(DeploymentStatus.PENDING, STUCK_AFTER.toSeconds());
        session = TestSessions.of(client, TaskRunner.direct());
        session.readAttentionLimits();
        vm = new DeploymentListViewModel(session);
        view = new DeploymentListView(vm, ListActionsForTests.NONE);
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        Scene scene = new Scene(view, 1000, 600);
        themes.style(scene);
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w.isShowing()).forEach(Window::hide));
    }

    private TableView<DeploymentRow> table() {
        return view.table();
    }

    /** The keys of the table rows drawn as selected. */
    private List<String> highlightedKeys(FxRobot robot) {
        return FxLookup.onFxThread(() -> {
            view.applyCss();
            view.layout();
            List<String> keys = new ArrayList<>();
            for (Node node : table().lookupAll(".table-row-cell")) {
                if (node instanceof TableRow<?> row && row.isVisible() && !row.isEmpty() && row.isSelected()
                        && row.getItem() instanceof DeploymentRow d) {
                    keys.add(d.key());
                }
            }
            return keys;
        });
    }

    @SuppressWarnings("unchecked")
    private TableRow<DeploymentRow> tableRowOf(FxRobot robot, String key) {
        return FxLookup.one(robot, n -> n instanceof TableRow<?> r && r.isVisible() && !r.isEmpty()
                && r.getItem() instanceof DeploymentRow d && d.key().equals(key), TableRow.class);
    }

    /** A change made elsewhere, streamed in: the deployment gets {@code status} now (newest). */
    private void streamChange(FxRobot robot, String workspace, String name, DeploymentStatus status) {
        ModelDeployment before = vm.find(workspace, name).orElseThrow().deployment();
        Instant at = before.updatedAt().plusSeconds(3600 + eventId);
        robot.interact(() -> session.onEvents(List.of(Deployments.statusChanged(++eventId, before, status,
                "changed by the controller", at, "ctrl"))));
    }

    @Test
    void theHighlightStaysOnTheSelectedDeploymentWhileLiveChangesResortTheList(FxRobot robot) {
        String gemma = "team-b/model-5";
        robot.clickOn(tableRowOf(robot, gemma));
        assertEquals(List.of(gemma), highlightedKeys(robot));
        robot.moveTo(FxLookup.one(robot, "#searchField", Node.class)); // off the list: live changes re-sort it

        for (String other : List.of("model-0", "model-2", "model-7", "model-9", "model-11")) {
            String workspace = Integer.parseInt(other.substring(6)) % 2 == 0 ? "team-a" : "team-b";
            streamChange(robot, workspace, other, DeploymentStatus.PENDING);
            assertEquals(gemma, view.selectedRowProperty().get().key(), "the detail pane keeps gemma");
            assertEquals(List.of(gemma), highlightedKeys(robot), "the highlight is on gemma after " + other);
        }
        streamChange(robot, "team-b", "model-5", DeploymentStatus.LOST);
        assertEquals(List.of(gemma), highlightedKeys(robot), "its own change moves it to the top, highlighted");
        assertEquals(DeploymentStatus.LOST, view.selectedRowProperty().get().status());
    }

    @Test
    void aFilterThatHidesTheSelectedDeploymentHighlightsNothingElseAndItsReturnSelectsItAgain(FxRobot robot) {
        String key = "team-b/model-5";
        robot.clickOn(tableRowOf(robot, key));
        robot.interact(() -> vm.toggleStatus(DeploymentStatus.ERROR, true));
        List<String> highlighted = highlightedKeys(robot);
        DeploymentRow detail = view.selectedRowProperty().get();
        assertTrue(highlighted.isEmpty() ? detail == null : detail != null && highlighted.equals(List.of(detail.key())),
                "the highlight " + highlighted + " and the detail pane " + detail + " agree");

        robot.interact(() -> vm.toggleStatus(DeploymentStatus.ERROR, false));
        assertEquals(List.of(key), highlightedKeys(robot), "shown again, selected again");
        assertEquals(key, view.selectedRowProperty().get().key());
    }

    @Test
    void theContextMenuKeyOpensTheMenuAtTheSelectedRow(FxRobot robot) {
        String key = "team-a/model-6"; // mid-table: the menu has room below the row
        robot.clickOn(tableRowOf(robot, key));
        TableRow<DeploymentRow> row = tableRowOf(robot, key);
        // The platform turns the context-menu key into a keyboard-triggered menu request on the table.
        robot.interact(() -> {
            javafx.geometry.Point2D corner = table().localToScreen(0, 0);
            table().fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 0, 0,
                    corner.getX(), corner.getY(), true, new PickResult(table(), corner.getX(), corner.getY())));
        });
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = table().getContextMenu();
        assertTrue(menu.isShowing());
        double rowTop = FxLookup.onFxThread(() -> row.localToScreen(0, 0).getY());
        double rowBottom = rowTop + row.getHeight();
        assertTrue(menu.getAnchorY() >= rowTop && menu.getAnchorY() <= rowBottom + 2,
                "menu at y " + menu.getAnchorY() + ", the selected row spans " + rowTop + "–" + rowBottom);
    }

    @Test
    void aCreatedDeploymentIsSelectedAndHighlightedWhileTheFiltersStay(FxRobot robot) {
        robot.interact(() -> {
            vm.selectWorkspace("team-a");
            vm.toggleStatus(DeploymentStatus.ERROR, true);
        });
        robot.clickOn(tableRowOf(robot, "team-a/model-0"));
        // What Create does: the server's answer goes into the store, then the list selects it.
        robot.interact(() -> {
            session.store().merge(Deployments.of("team-b", "created-here", 1, DeploymentStatus.CREATED, "",
                    START.plusSeconds(7200)), DeploymentStore.Origin.OWN_WRITE);
            view.select("team-b", "created-here");
        });

        assertEquals("team-a", vm.workspaceProperty().get().workspace(), "the workspace filter stays");
        assertEquals(java.util.Set.of(DeploymentStatus.ERROR), vm.statusFilter(), "the status filter stays");
        assertEquals("team-b/created-here", view.selectedRowProperty().get().key());
        assertEquals(List.of("team-b/created-here"), highlightedKeys(robot), "the new row is highlighted");
        Node note = FxLookup.one(robot, "#outsideFilterNote");
        assertTrue(FxLookup.onFxThread(note::isVisible), "a note says why a row outside the filters shows");

        robot.clickOn(tableRowOf(robot, "team-a/model-6"));
        assertEquals(-1, vm.viewIndexOf("team-b/created-here"), "selected elsewhere, the filters apply again");
        assertTrue(FxLookup.onFxThread(() -> !note.isVisible()));
    }

    @SuppressWarnings("unchecked")
    private void clickHeader(FxRobot robot, String title) {
        Node header = FxLookup.one(robot, n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                && title.equals(h.getTableColumn().getText()));
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aClickOnStatusSortsTheMostSevereFirst(FxRobot robot) {
        Instant recent = Instant.now();
        robot.interact(() -> session.store().mergeAll(List.of(
                Deployments.of("team-c", "lost", 1, DeploymentStatus.LOST, "", recent),
                Deployments.of("team-c", "deleted", 1, DeploymentStatus.DELETED, "", recent),
                Deployments.of("team-c", "unknown", 1, DeploymentStatus.UNKNOWN, "", recent),
                Deployments.of("team-c", "pending", 1, DeploymentStatus.PENDING, "", recent),
                Deployments.of("team-c", "stuck", 1, DeploymentStatus.PENDING, "", recent.minus(STUCK_AFTER)
                        .minusSeconds(60))), DeploymentStore.Origin.LOAD));

        clickHeader(robot, "Name");
        clickHeader(robot, "Status");
        List<Severity> order = FxLookup.onFxThread(() -> vm.visibleRows().stream().map(DeploymentRow::severity).toList());
        assertEquals(Severity.ERROR, order.get(0), order.toString());
        assertEquals(Severity.DELETED, order.get(order.size() - 1), order.toString());
        List<Severity> sorted = new ArrayList<>(order);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, order, "most severe first: Error, Lost, stuck, Pending, …, Ready, Deleted");
    }

    @Test
    void theFirstClickOnUpdatedPutsTheNewestFirst(FxRobot robot) {
        clickHeader(robot, "Name");
        clickHeader(robot, "Updated");
        List<Instant> times = FxLookup.onFxThread(() -> vm.visibleRows().stream().map(DeploymentRow::updatedAt).toList());
        List<Instant> newestFirst = new ArrayList<>(times);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertEquals(newestFirst, times, "the first click on a time column puts the newest first");
    }

    @Test
    void theStatusTooltipDescribesTheRowUnderThePointerAlsoWhenALiveChangeMovesAnotherRowThere(FxRobot robot) {
        robot.interact(() -> session.store().merge(Deployments.of("team-b", "model-9", 2, DeploymentStatus.READY, "",
                START.plusSeconds(9 * 60L + 1)), DeploymentStore.Origin.LOAD));
        // model-9's v2 is Ready; its v1 is in Error: the row says so.
        int index = vm.viewIndexOf("team-b/model-9");
        TableCell<?, ?> cell = statusCellAt(robot, index);
        robot.moveTo(cell);
        assertTrue(FxLookup.onFxThread(() -> cell.getTooltip().getText()).startsWith("team-b/model-9 v2: Ready"),
                FxLookup.onFxThread(() -> cell.getTooltip().getText()));
        assertTrue(FxLookup.onFxThread(() -> cell.getTooltip().getText()).contains("Version 1 is Error"));
        Label olderProblem = FxLookup.within(robot, cell, ".older-problem");
        assertEquals("v1 Error", FxLookup.onFxThread(olderProblem::getText), "the badge beside the status");

        // Rows keep their place under the pointer until the admin asks for the re-sort: then they shift.
        streamChange(robot, "team-a", "model-0", DeploymentStatus.PENDING);
        robot.interact(vm::resort); // model-0 moves to the top: the rows shift
        TableCell<?, ?> underPointer = statusCellAt(robot, index);
        DeploymentRow shown = FxLookup.onFxThread(() -> (DeploymentRow) underPointer.getTableRow().getItem());
        assertTrue(!"team-b/model-9".equals(shown.key()), "another deployment is under the pointer now");
        String text = FxLookup.onFxThread(() -> underPointer.getTooltip().getText());
        assertTrue(text.startsWith(shown.key() + " v" + shown.version() + ": "), "the tooltip describes "
                + shown.key() + ": " + text);
    }

    private TableCell<?, ?> statusCellAt(FxRobot robot, int index) {
        return FxLookup.one(robot, n -> n instanceof TableCell<?, ?> c && c.getStyleClass().contains("status-cell")
                && c.getTableRow() != null && c.getTableRow().getIndex() == index && c.isVisible(), TableCell.class);
    }
}
