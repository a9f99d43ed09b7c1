package io.modeldeploy.gui.list;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.gui.testing.FxLookup;
import io.modeldeploy.gui.triage.TriageView;
import io.modeldeploy.gui.triage.TriageViewModel;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.DeploymentStatus;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.modeldeploy.gui.testing.FxLookup.waitUntil;

/**
 * "Needs attention" in a real window over a real server: the chip counts a deployment left in
 * Pending past a short limit once the clock ticks, the rows' warning sign says why on hover, the
 * "In state for" column sorts by duration, and a triage group selects its deployments in the list.
 * The client answers the limits with a short one for Pending (the server's default is 30 min), and
 * the console's clock is moved on by hand: no waiting for real minutes.
 */
@ExtendWith(ApplicationExtension.class)
class AttentionUiTest {

    private static final long PENDING_LIMIT_SECONDS = 60;
    private static TestServer server;
    private static ExecutorService workers;

    private final DeploymentListLiveTest.ManualClock clock = new DeploymentListLiveTest.ManualClock();
    private ConsoleSession session;
    private DeploymentListViewModel vm;
    private DeploymentListView view;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        workers = TaskRunner.newWorkerPool();
        server.create("att", "slow", "llama-nim");
        server.setStatus("att", "slow", "PENDING", "Pulling image");
        server.create("att", "broken", "phi-nim");
        server.setStatus("att", "broken", "ERROR", "CUDA out of memory");
        server.create("att", "fine", "gemma-nim");
        server.setStatus("att", "fine", "READY", "");
        String[] pods = {"7f9c6d8b5-x2k4q", "5d4c8f9b7-q9w2x", "84f6d9c5b-m4k2p"};
        for (int i = 0; i < pods.length; i++) {
            server.create("probe", "probe-" + i, "mistral-nim");
            server.setStatus("probe", "probe-" + i, "ERROR",
                    "Readiness probe failed: pod probe-" + i + "-" + pods[i] + ": HTTP 503");
        }
    }

    @AfterAll
    static void stopServer() {
        workers.shutdownNow();
        server.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        clock.now = Instant.now();
        ForwardingDeploymentApiClient client = new ForwardingDeploymentApiClient(
                new HttpDeploymentApiClient(server.baseUrl())) {
            /** The console uses only the limits of this answer; a short one instead of the server's. */
            @Override
            public AttentionList attention(String workspace) {
                return new AttentionList(List.of(), Map.of(DeploymentStatus.PENDING, PENDING_LIMIT_SECONDS));
            }
        };
        session = TestSessions.of(client, TaskRunner.onFx(workers), clock);
        vm = new DeploymentListViewModel(session);
        view = new DeploymentListView(vm, ListActionsForTests.NONE);
        Scene scene = new Scene(view, 1100, 600);
        new ThemeManager(Theme.LIGHT).style(scene);
        stage.setScene(scene);
        stage.show();
        session.start();
        session.readAttentionLimits(); // also on the first heartbeat; here without waiting for it
    }

    @AfterEach
    void cleanUp(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w != stage && w.isShowing()).forEach(Window::hide));
        robot.interact(session::close);
    }


    private void waitForFleet() {
        waitUntil("the fleet is read", () -> FxLookup.onFxThread(() -> vm.find("probe", "probe-2").isPresent()
                && !vm.loadingProperty().get()));
    }

    private String attentionChipCount(FxRobot robot) {
        return FxLookup.onFxThread(() -> FxLookup.<Label>within(robot, FxLookup.one(robot, "#chip-attention"),
                ".chip-count").getText());
    }

    /** Moves the console's clock on and lets the list's clock tick act, as it does every 15 s. */
    private void passTimeAndTick(FxRobot robot, Duration time) {
        robot.interact(() -> {
            clock.now = clock.now.plus(time);
            view.refreshRelativeTimes();
        });
    }

    private Set<String> visibleKeys() {
        return FxLookup.onFxThread(() -> vm.visibleRows().stream().map(DeploymentRow::key).collect(Collectors.toSet()));
    }

    private Node attentionMarkerOf(FxRobot robot, String key) {
        int index = FxLookup.onFxThread(() -> vm.viewIndexOf(key));
        robot.interact(() -> view.table().scrollTo(index));
        TableRow<?> row = FxLookup.one(robot, n -> n instanceof TableRow<?> r && r.getItem() instanceof DeploymentRow d
                && d.key().equals(key), TableRow.class);
        return FxLookup.within(robot, row, ".attention-marker");
    }

    @Test
    void theAttentionChipCountsADeploymentLeftInPendingPastTheLimitOnceTheClockTicks(FxRobot robot) {
        waitForFleet();
        assertEquals("4", attentionChipCount(robot), "the four in Error");

        passTimeAndTick(robot, Duration.ofSeconds(PENDING_LIMIT_SECONDS + 60));
        assertEquals("5", attentionChipCount(robot), "att/slow is stuck in Pending: no event, only time");

        FxLookup.click(robot, "#chip-attention");
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("only what needs attention shows", () -> visibleKeys().size() == 5);
        assertTrue(visibleKeys().contains("att/slow"));
        assertFalse(visibleKeys().contains("att/fine"));
        assertTrue(FxLookup.onFxThread(() -> FxLookup.<ToggleButton>one(robot, "#chip-attention").isSelected()));
        FxLookup.click(robot, "#chip-all");
        waitUntil("every row shows again", () -> visibleKeys().contains("att/fine"));
    }

    @Test
    void theWarningSignOfARowSaysWhyOnHover(FxRobot robot) {
        waitForFleet();
        passTimeAndTick(robot, Duration.ofSeconds(PENDING_LIMIT_SECONDS + 60));

        Label slow = (Label) attentionMarkerOf(robot, "att/slow");
        assertTrue(FxLookup.onFxThread(slow::isVisible));
        assertEquals("Pending for 2 min, limit 1 min", FxLookup.onFxThread(() -> slow.getTooltip().getText()));
        Label broken = (Label) attentionMarkerOf(robot, "att/broken");
        assertTrue(FxLookup.onFxThread(() -> broken.getTooltip().getText()).startsWith("Error since "));
        Label fine = (Label) attentionMarkerOf(robot, "att/fine");
        assertFalse(FxLookup.onFxThread(fine::isVisible), "a Ready row has no warning sign");

        robot.moveTo(slow);
        waitUntil("the reason shows on hover", () -> FxLookup.onFxThread(() -> slow.getTooltip().isShowing()));
    }

    @Test
    void theInStateForColumnSortsByDuration(FxRobot robot) {
        waitForFleet();
        Node header = FxLookup.one(robot, n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                && "In state for".equals(h.getTableColumn().getText()));
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        List<Instant> shortestFirst = FxLookup.onFxThread(() -> vm.visibleRows().stream()
                .map(DeploymentRow::statusSince).toList());
        List<Instant> expected = new ArrayList<>(shortestFirst);
        expected.sort(Comparator.reverseOrder());
        assertEquals(expected, shortestFirst, "ascending: the shortest time in its status first");
        assertEquals("probe/probe-2", FxLookup.onFxThread(() -> vm.visibleRows().get(0).key()));

        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("att/slow", FxLookup.onFxThread(() -> vm.visibleRows().get(0).key()),
                "descending: the longest first");
    }

    @Test
    void theClockTickRedrawsTheDurationsInTheCellsThereAre(FxRobot robot) {
        waitForFleet();
        List<TableCell<?, ?>> before = inStateCells(robot);
        String fine = inStateTextOf(before, "att/fine");
        assertFalse(fine.contains("h"), "just set to Ready: " + fine);

        passTimeAndTick(robot, Duration.ofHours(3));
        List<TableCell<?, ?>> after = inStateCells(robot);
        assertTrue(inStateTextOf(after, "att/fine").startsWith("3 h"), inStateTextOf(after, "att/fine"));
        // Redrawn in place: recreated cells would leave listeners behind on the table at every tick.
        assertEquals(before.size(), after.size());
        assertTrue(before.stream().allMatch(cell -> after.stream().anyMatch(other -> other == cell)),
                "the same cells, not new ones");
    }

    private List<TableCell<?, ?>> inStateCells(FxRobot robot) {
        return FxLookup.onFxThread(() -> robot.lookup(".in-state-cell").queryAllAs(TableCell.class).stream()
                .<TableCell<?, ?>>map(cell -> cell).toList());
    }

    private static String inStateTextOf(List<TableCell<?, ?>> cells, String key) {
        return FxLookup.onFxThread(() -> cells.stream()
                .filter(cell -> cell.getItem() instanceof DeploymentRow row && row.key().equals(key))
                .map(TableCell::getText).findFirst().orElseThrow());
    }

    @Test
    void choosingATriageGroupSelectsItsDeploymentsInTheList(FxRobot robot) {
        waitForFleet();
        robot.interact(() -> new TriageView(stage, new ThemeManager(Theme.LIGHT), new TriageViewModel(vm)).show());
        waitUntil("the triage shows the groups", () -> FxLookup.find(robot,
                n -> n instanceof ListCell<?> c && c.getText() != null && c.getText().startsWith("Error \u00d73")).isPresent());
        Label summary = FxLookup.one(robot, "#triageSummary");
        assertEquals("4 deployments need attention, in 2 groups.", FxLookup.onFxThread(summary::getText));

        Node probes = FxLookup.one(robot, n -> n instanceof ListCell<?> c && c.getText() != null
                && c.getText().startsWith("Error \u00d73"));
        robot.clickOn(probes);
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> selected = FxLookup.onFxThread(() -> view.table().getSelectionModel().getSelectedItems().stream()
                .map(DeploymentRow::key).collect(Collectors.toSet()));
        assertEquals(Set.of("probe/probe-0", "probe/probe-1", "probe/probe-2"), selected);
    }
}
