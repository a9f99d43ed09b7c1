package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.modeldeploy.gui.testing.FxLookup.click;
import static io.modeldeploy.gui.testing.FxLookup.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status editor from the keyboard and in both themes, in a real window against a real embedded
 * server: Ctrl+Enter during a conflict, choosing theirs or mine, Space on the status drop-down,
 * a visible focus on every control, a disabled Apply that looks disabled.
 */
@ExtendWith(ApplicationExtension.class)
class StatusEditorKeyboardUiTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private static DetailTestServer server;
    private static ExecutorService executor;

    private ThemeManager themes;
    private DeploymentDetailView view;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        server = new DetailTestServer(dataDir);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "editor-ui-test");
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
        themes = new ThemeManager(Theme.LIGHT);
        ConsoleSession session = TestSessions.of(new HttpDeploymentApiClient(server.baseUrl()), TaskRunner.onFx(executor));
        view = new DeploymentDetailView(new DeploymentDetailViewModel(session));
        Scene scene = new Scene(view, 720, 780);
        themes.style(scene);
        stage.setScene(scene);
        stage.sizeToScene(); // the stage is shared by the tests; one of them makes it low
        stage.show();
        this.stage = stage;
    }

    @AfterEach
    void backToLight(FxRobot robot) {
        robot.interact(() -> themes.setTheme(Theme.LIGHT));
    }

    // ------------------------------------------------------------------ helpers

    private static String uniqueName() {
        return "kb-" + NAMES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
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
        return Objects.requireNonNull(one(robot, "#" + id), id);
    }

    private void typeMessage(FxRobot robot, String message) {
        TextArea area = node(robot, "messageArea");
        robot.clickOn(area);
        robot.interact(area::selectAll);
        robot.write(message);
    }

    private void chooseStatus(FxRobot robot, String display) {
        click(robot, "#statusCombo");
        ComboBox<?> combo = node(robot, "statusCombo");
        robot.clickOn((Node) one(robot, (Node n) -> n instanceof StatusEditorView.StatusChoiceCell cell
                && cell != combo.getButtonCell() && cell.getListView() != null && display.equals(cell.getText())
                && cell.isVisible()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void pressCtrlEnter(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Backgrounds and borders of a control and its parts (arrow, radio dot, …): what a focus ring changes. */
    private static List<Object> look(Node node) {
        List<Object> look = new ArrayList<>();
        if (node instanceof Region region) {
            look.add(region.getBackground() == null ? Background.EMPTY : region.getBackground());
            look.add(region.getBorder() == null ? Border.EMPTY : region.getBorder());
            look.add(region.getEffect());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child instanceof Region) {
                    look.addAll(look(child));
                }
            }
        }
        return look;
    }

    /** Every control Tab stops at in the info part and the editor (the way from the list to the status). */
    private List<Control> tabStops() {
        List<Control> stops = new ArrayList<>();
        collect(view, stops);
        return stops;
    }

    private static void collect(Node node, List<Control> stops) {
        if (!node.isVisible() || node instanceof StatusTimelineView) {
            return;
        }
        if (node instanceof Control control && control.isFocusTraversable() && !control.isDisabled()) {
            stops.add(control);
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, stops));
        }
    }

    private void assertEveryTabStopShowsFocus(FxRobot robot, Theme theme) {
        robot.interact(() -> themes.setTheme(theme));
        List<Control> stops = fx(this::tabStops);
        assertTrue(stops.size() >= 6, "version, copy, status, provider, message, Revert: " + stops);
        Label parking = node(robot, "nameLabel");
        for (Control stop : stops) {
            robot.interact(() -> {
                parking.setFocusTraversable(true);
                parking.requestFocus();
            });
            List<Object> unfocused = fx(() -> {
                stop.applyCss();
                return look(stop);
            });
            robot.interact(stop::requestFocus);
            assertTrue(fx(stop::isFocused), stop + " takes the focus");
            List<Object> focused = fx(() -> {
                stop.applyCss();
                return look(stop);
            });
            assertNotEquals(unfocused, focused, theme + ": focus on " + stop.getStyleClass() + " shows");
        }
        robot.interact(() -> parking.setFocusTraversable(false));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void ctrlEnterTwiceDuringAConflictAppliesAnywayOnTopOfTheChangeMadeElsewhere(FxRobot robot) {
        String name = uniqueName();
        server.create(name, "llama-nim", null);
        show(robot, server.setStatus(name, "ERROR", "CrashLoopBackOff"));
        typeMessage(robot, "node drained, watching it");
        server.setStatus(name, "PENDING", "set by curl");
        click(robot, "#applyButton");
        Node banner = node(robot, "conflictBanner");
        waitUntil("the conflict is shown", banner::isVisible);
        Label hint = one(robot, ".keyboard-hint");
        assertEquals("Ctrl+Enter twice applies anyway \u00B7 Esc reloads", fx(hint::getText));

        robot.clickOn((Node) node(robot, "messageArea"));
        pressCtrlEnter(robot);
        assertEquals(node(robot, "applyAnywayButton"), fx(() -> view.getScene().getFocusOwner()),
                "the first press goes to Apply anyway");
        assertEquals("set by curl", server.latest(name).statusMessage(), "and sends nothing yet");
        pressCtrlEnter(robot);

        waitUntil("the message is applied", () -> "node drained, watching it".equals(server.latest(name).statusMessage()));
        assertEquals(DeploymentStatus.PENDING, server.latest(name).status(), "the status set meanwhile stays");
        waitUntil("the conflict is over", () -> !banner.isVisible());
        assertEquals("Ctrl+Enter applies \u00B7 Esc reverts", fx(hint::getText));
    }

    @Test
    void forAFieldBothChangedTheConflictShowsTheirsAndMineAndTheAdminChooses(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        chooseStatus(robot, "Ready");
        typeMessage(robot, "serving, checked by hand");
        server.setStatus(name, "PENDING", "restarting");
        click(robot, "#applyButton");
        waitUntil("the conflict is shown", () -> node(robot, "conflictBanner").isVisible());

        RadioButton theirs = node(robot, "theirs-STATUS");
        RadioButton mine = node(robot, "mine-STATUS");
        assertEquals("Theirs: Pending", fx(theirs::getText));
        assertEquals("Mine: Ready", fx(mine::getText));
        assertTrue(fx(mine::isSelected), "the admin's own value by default");
        assertEquals("Mine: \u201Cserving, checked by hand\u201D", fx(() -> ((RadioButton) node(robot, "mine-MESSAGE")).getText()));

        robot.clickOn(theirs);
        click(robot, "#applyAnywayButton");

        waitUntil("the message is applied", () -> "serving, checked by hand".equals(server.latest(name).statusMessage()));
        assertEquals(DeploymentStatus.PENDING, server.latest(name).status(), "theirs was kept for the status");
    }

    @Test
    void inALowWindowTheConflictAreaAndTheFieldReachedWithCtrlEScrollIntoView(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        robot.interact(() -> stage.setHeight(430));
        chooseStatus(robot, "Ready");
        typeMessage(robot, "serving, checked by hand");
        server.setStatus(name, "PENDING", "restarting");
        ScrollPane scroll = node(robot, "contentScroll");
        robot.interact(() -> ((Node) node(robot, "versionCombo")).requestFocus()); // stays focused while sending
        robot.interact(() -> scroll.setVvalue(scroll.getVmin()));
        robot.interact(() -> view.getViewModel().editor().apply());

        Button applyAnyway = node(robot, "applyAnywayButton");
        Node banner = node(robot, "conflictBanner");
        waitUntil("the conflict is shown", banner::isVisible);
        waitUntil("Apply anyway is scrolled into view", () -> shownWhole(scroll, applyAnyway));

        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        ComboBox<?> status = node(robot, "statusCombo");
        robot.interact(() -> view.getViewModel().editor().reload());
        robot.interact(view::focusStatusEditor);
        assertTrue(fx(() -> status.isFocused() && shownWhole(scroll, status)), "the status drop-down is in view");
    }

    private static boolean shownWhole(ScrollPane scroll, Node node) {
        javafx.geometry.Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        javafx.geometry.Bounds shown = node.localToScene(node.getLayoutBounds());
        return shown.getMinY() >= viewport.getMinY() - 0.5 && shown.getMaxY() <= viewport.getMaxY() + 0.5;
    }

    @Test
    void spaceOpensTheStatusList(FxRobot robot) {
        show(robot, server.create(uniqueName(), "llama-nim", null));
        ComboBox<?> status = node(robot, "statusCombo");
        robot.interact(status::requestFocus);

        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(fx(status::isShowing), "Space opens the list");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(status::isShowing));
    }

    @Test
    void everyControlOnTheWayToTheEditorShowsWhereTheFocusIsInBothThemes(FxRobot robot) {
        String name = uniqueName();
        show(robot, server.create(name, "llama-nim", null));
        typeMessage(robot, "something to revert and apply");
        assertEveryTabStopShowsFocus(robot, Theme.LIGHT);
        assertEveryTabStopShowsFocus(robot, Theme.DARK);

        robot.interact(() -> themes.setTheme(Theme.LIGHT));
        server.setStatus(name, "PENDING", "restarting");
        click(robot, "#applyButton");
        waitUntil("the conflict is shown", () -> node(robot, "conflictBanner").isVisible());
        assertTrue(fx(() -> tabStops().stream().anyMatch(c -> c instanceof RadioButton)), "theirs/mine choices");
        assertEveryTabStopShowsFocus(robot, Theme.LIGHT);
        assertEveryTabStopShowsFocus(robot, Theme.DARK);
    }

    @Test
    void aDisabledApplyInTheDarkThemeLooksDisabled(FxRobot robot) {
        show(robot, server.create(uniqueName(), "llama-nim", null));
        robot.interact(() -> themes.setTheme(Theme.DARK));
        Button apply = node(robot, "applyButton");
        Button revert = node(robot, "revertButton");
        assertTrue(fx(apply::isDisabled));
        assertTrue(fx(apply::getOpacity) < 1.0, "faded as well");
        Background disabledApply = fx(() -> {
            apply.applyCss();
            return apply.getBackground();
        });
        Background disabledRevert = fx(() -> {
            revert.applyCss();
            return revert.getBackground();
        });

        typeMessage(robot, "now there is something to apply");
        assertFalse(fx(apply::isDisabled));
        Background enabledApply = fx(() -> {
            apply.applyCss();
            return apply.getBackground();
        });

        assertNotEquals(enabledApply.getFills(), disabledApply.getFills(), "not the accent colour when disabled");
        assertEquals(disabledRevert.getFills(), disabledApply.getFills(), "drawn like the other disabled button");
    }
}
