package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
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
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The list view with 10,000 deployments in a real window: filter changes and scrolling, measured
 * on the FX thread including CSS and layout of the visible rows.
 */
@ExtendWith(ApplicationExtension.class)
class LargeListUiTest {

    private ConsoleSession session;

    private static final int ROWS = 10_000;

    private DeploymentListViewModel vm;
    private DeploymentListView view;


    @Start
    void start(Stage stage) {
        FakeClient client = new FakeClient();
        List<ModelDeployment> deployments = new ArrayList<>(ROWS);
        DeploymentStatus[] statuses = DeploymentStatus.values();
        for (int i = 0; i < ROWS; i++) {
            deployments.add(Deployments.of("ws-" + (i % 20), "model-" + i, 1 + i % 3, statuses[i % statuses.length],
                    "message " + (i * 7919 % 1000), Instant.parse("2026-07-01T00:00:00Z").plusSeconds(i * 37L)));
        }
        client.deployments = deployments;
        vm = new DeploymentListViewModel(session = TestSessions.of(client, TaskRunner.direct()));
        view = new DeploymentListView(vm, ListActionsForTests.NONE);
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        Scene scene = new Scene(view, 1100, 700);
        themes.style(scene);
        stage.setScene(scene);
        stage.show();
        vm.refresh();
    }

    private long onFxThreadWithLayout(FxRobot robot, Runnable change) {
        AtomicLong elapsed = new AtomicLong();
        robot.interact(() -> {
            long start = System.nanoTime();
            change.run();
            view.getScene().getRoot().applyCss();
            view.getScene().getRoot().layout();
            elapsed.set((System.nanoTime() - start) / 1_000_000);
        });
        return elapsed.get();
    }

    @Test
    void filteringAndScrollingTenThousandRowsStaysResponsive(FxRobot robot) {
        assertEquals(ROWS, vm.shownCountProperty().get());
        // warm up the code paths once, then measure
        onFxThreadWithLayout(robot, () -> vm.toggleStatus(DeploymentStatus.READY, true));
        onFxThreadWithLayout(robot, () -> vm.clearFilters());

        List<Long> timings = new ArrayList<>();
        timings.add(onFxThreadWithLayout(robot, () -> vm.toggleStatus(DeploymentStatus.READY, true)));
        timings.add(onFxThreadWithLayout(robot, () -> vm.toggleStatus(DeploymentStatus.ERROR, true)));
        timings.add(onFxThreadWithLayout(robot, () -> vm.searchTextProperty().set("model-99")));
        timings.add(onFxThreadWithLayout(robot, () -> vm.selectWorkspace("ws-7")));
        timings.add(onFxThreadWithLayout(robot, () -> vm.clearFilters()));
        timings.add(onFxThreadWithLayout(robot, () -> view.table().scrollTo(9_000)));
        timings.add(onFxThreadWithLayout(robot, () -> view.table().scrollTo(0)));
        timings.add(onFxThreadWithLayout(robot, () -> view.table().getSortOrder().setAll(
                List.of(view.table().getColumns().get(1)))));
        long worst = timings.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf("FX-thread time incl. layout over %,d rows (ms): %s, worst %d%n", ROWS, timings, worst);
        assertEquals(ROWS, vm.shownCountProperty().get());
    }

    @Test
    void arrowKeysMoveThroughTheList(FxRobot robot) {
        TableView<DeploymentRow> table = view.table();
        robot.interact(view::focusTable);
        assertEquals(0, table.getSelectionModel().getSelectedIndex());
        for (int i = 0; i < 5; i++) {
            robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, table.getSelectionModel().getSelectedIndex());
        robot.press(KeyCode.END).release(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ROWS - 1, table.getSelectionModel().getSelectedIndex());
        robot.press(KeyCode.UP).release(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ROWS - 2, table.getSelectionModel().getSelectedIndex());
    }

    @Test
    void selectionFollowsTheDeploymentWhenTheListIsResortedOrRefiltered(FxRobot robot) {
        TableView<DeploymentRow> table = view.table();
        robot.interact(() -> table.getSelectionModel().select(10));
        DeploymentRow chosen = table.getSelectionModel().getSelectedItem();
        robot.interact(() -> table.getSortOrder().setAll(List.of(table.getColumns().get(1))));
        assertEquals(chosen.key(), table.getSelectionModel().getSelectedItem().key());
        robot.interact(() -> vm.selectWorkspace(chosen.workspace()));
        assertEquals(chosen.key(), table.getSelectionModel().getSelectedItem().key());
        robot.interact(() -> ownWrite(Deployments.of(chosen.workspace(), chosen.name(), chosen.version(),
                DeploymentStatus.LOST, "lost", Instant.parse("2027-01-01T00:00:00Z"))));
        assertEquals(chosen.key(), table.getSelectionModel().getSelectedItem().key());
        assertEquals(DeploymentStatus.LOST, table.getSelectionModel().getSelectedItem().status(),
                "the selection shows the updated row");
    }

    /** The store takes in the answer to a change this console made. */
    private void ownWrite(io.modeldeploy.model.ModelDeployment answer) {
        session.store().merge(answer, DeploymentStore.Origin.OWN_WRITE);
    }
}
