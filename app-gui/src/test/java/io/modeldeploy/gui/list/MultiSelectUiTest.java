package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.FxLookup;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many rows selected in a real window: Ctrl/Shift-click, Shift+arrows, Ctrl+A of what the filters
 * show; rows that stay where they are under the pointer while live changes arrive.
 */
@ExtendWith(ApplicationExtension.class)
class MultiSelectUiTest {

    private ConsoleSession session;
    private DeploymentListViewModel vm;
    private DeploymentListView view;
    private long eventId = 100;

    @Start
    void start(Stage stage) {
        FakeClient client = new FakeClient();
        List<ModelDeployment> deployments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            deployments.add(Deployments.of(i % 2 == 0 ? "team-a" : "team-b", "model-" + i, 1,
                    DeploymentStatus.READY, "message of model-" + i, ListSelectionUiTest.START.plusSeconds(i * 60L)));
        }
        client.deployments = deployments;
        // As in the application: outcomes (and the sort after a hold) on the FX thread, after the event at hand.
        session = TestSessions.of(client, new TaskRunner(Runnable::run, Platform::runLater));
        vm = new DeploymentListViewModel(session);
        view = new DeploymentListView(vm, ListActionsForTests.NONE);
        Scene scene = new Scene(view, 1000, 600);
        new ThemeManager(Theme.LIGHT).style(scene);
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    @SuppressWarnings("unchecked")
    private TableRow<DeploymentRow> rowOf(FxRobot robot, String key) {
        return FxLookup.one(robot, n -> n instanceof TableRow<?> r && r.isVisible() && !r.isEmpty()
                && r.getItem() instanceof DeploymentRow d && d.key().equals(key), TableRow.class);
    }

    /** The keys of the table rows drawn as selected, top to bottom. */
    private List<String> highlightedKeys() {
        return FxLookup.onFxThread(() -> {
            view.applyCss();
            view.layout();
            List<String> keys = new ArrayList<>();
            for (DeploymentRow row : vm.visibleRows()) {
                int index = vm.viewIndexOf(row.key());
                if (view.table().getSelectionModel().isSelected(index)) {
                    keys.add(row.key());
                }
            }
            return keys;
        });
    }

    private List<String> shownKeys() {
        return FxLookup.onFxThread(() -> vm.visibleRows().stream().map(DeploymentRow::key).toList());
    }

    private void streamChange(FxRobot robot, String key, DeploymentStatus status) {
        String[] parts = key.split("/");
        ModelDeployment before = vm.find(parts[0], parts[1]).orElseThrow().deployment();
        Instant at = before.updatedAt().plusSeconds(3600 + eventId);
        robot.interact(() -> session.onEvents(List.of(Deployments.statusChanged(++eventId, before, status,
                "changed by the controller", at, "ctrl"))));
    }

    private void moveAway(FxRobot robot) {
        robot.moveTo(FxLookup.one(robot, "#searchField", Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlAndShiftClicksSelectSeveralRowsAndCtrlASelectsWhatTheFiltersShow(FxRobot robot) {
        robot.clickOn(rowOf(robot, "team-b/model-11"));
        robot.press(KeyCode.CONTROL).clickOn(rowOf(robot, "team-b/model-9")).release(KeyCode.CONTROL);
        assertEquals(List.of("team-b/model-11", "team-b/model-9"), highlightedKeys());
        assertEquals(2, vm.selectionCountProperty().get());
        assertEquals("team-b/model-9", view.selectedRowProperty().get().key(), "the detail pane shows the last one");

        robot.press(KeyCode.SHIFT).clickOn(rowOf(robot, "team-b/model-7")).release(KeyCode.SHIFT);
        assertEquals(List.of("team-b/model-9", "team-a/model-8", "team-b/model-7"), highlightedKeys(),
                "Shift-click selects the range from the last click");

        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertEquals(4, vm.selectionCountProperty().get(), "Shift+Down extends the range");

        robot.interact(() -> vm.selectWorkspace("team-a"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(rowOf(robot, "team-a/model-4"));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertEquals(6, vm.selectionCountProperty().get(), "Ctrl+A selects the six rows the filter shows");
        assertEquals(Set.copyOf(shownKeys()), Set.copyOf(highlightedKeys()));
    }

    @Test
    void rowsStayWhereTheyAreUnderThePointerWhileALiveChangeArrivesAndSortWhenItLeaves(FxRobot robot) {
        String underPointer = "team-a/model-6";
        robot.moveTo(rowOf(robot, underPointer));
        List<String> before = shownKeys();
        int index = before.indexOf(underPointer);

        streamChange(robot, "team-a/model-0", DeploymentStatus.ERROR); // the newest change: sorts to the top
        streamChange(robot, "team-b/model-1", DeploymentStatus.LOST);
        assertEquals(before, shownKeys(), "no row moved under the pointer");
        TableRow<DeploymentRow> row = rowOf(robot, underPointer);
        assertEquals(index, FxLookup.onFxThread(row::getIndex).intValue());
        Button resort = FxLookup.one(robot, "#resortButton", Button.class);
        assertTrue(FxLookup.onFxThread(resort::isVisible));
        assertEquals("2 changed \u2014 re-sort", FxLookup.onFxThread(resort::getText));

        moveAway(robot);
        assertEquals(List.of("team-b/model-1", "team-a/model-0"), shownKeys().subList(0, 2),
                "sorted once the pointer left the list");
        assertTrue(FxLookup.onFxThread(() -> !resort.isVisible()));
    }

    @Test
    void severalSelectedRowsKeepTheirPlaceAndStaySelectedThroughTheReSort(FxRobot robot) {
        robot.clickOn(rowOf(robot, "team-a/model-4"));
        robot.press(KeyCode.CONTROL).clickOn(rowOf(robot, "team-a/model-2")).clickOn(rowOf(robot, "team-a/model-0"))
                .release(KeyCode.CONTROL);
        moveAway(robot);
        List<String> before = shownKeys();
        streamChange(robot, "team-a/model-2", DeploymentStatus.ERROR);
        streamChange(robot, "team-b/model-9", DeploymentStatus.ERROR);
        assertEquals(before, shownKeys(), "held while three rows are selected");
        assertEquals(List.of("team-a/model-4", "team-a/model-2", "team-a/model-0"), highlightedKeys());

        robot.clickOn(FxLookup.one(robot, "#resortButton", Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("team-b/model-9", "team-a/model-2"), shownKeys().subList(0, 2));
        assertEquals(Set.of("team-a/model-4", "team-a/model-2", "team-a/model-0"), Set.copyOf(highlightedKeys()),
                "the selection follows the deployments");
        assertEquals("team-a/model-0", view.selectedRowProperty().get().key(), "the detail pane's row stays");
    }

    @Test
    void selectKeysSelectsAGroupInTheTable(FxRobot robot) {
        robot.interact(() -> vm.selectKeys(List.of(new DeploymentKey("team-b", "model-3"),
                new DeploymentKey("team-a", "model-10"), new DeploymentKey("team-b", "model-5"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("team-b/model-3", "team-a/model-10", "team-b/model-5"), Set.copyOf(highlightedKeys()));
        assertEquals(3, vm.selectionCountProperty().get());
        assertEquals("team-b/model-3", view.selectedRowProperty().get().key(), "the first of the group is the lead");
    }
}
