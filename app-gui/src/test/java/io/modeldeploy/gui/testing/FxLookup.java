package io.modeldeploy.gui.testing;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Node lookups for UI tests that run on the FX thread. TestFX's own lookups walk the window list and
 * the scene graph from the test thread; when a live change or a closing popup alters them at the
 * same moment, the walk fails with an IndexOutOfBoundsException.
 */
public final class FxLookup {

    private FxLookup() {
    }

    /** The one node the TestFX query (CSS selector or text) matches. */
    public static <T extends Node> T one(FxRobot robot, String query) {
        return onFxThread(() -> robot.lookup(query).query());
    }

    public static <T extends Node> T one(FxRobot robot, String query, Class<T> type) {
        return type.cast(one(robot, query));
    }

    public static <T extends Node> T one(FxRobot robot, Predicate<Node> predicate) {
        return onFxThread(() -> robot.lookup(predicate).query());
    }

    public static <T extends Node> T one(FxRobot robot, Predicate<Node> predicate, Class<T> type) {
        return type.cast(one(robot, predicate));
    }

    public static <T extends Node> Optional<T> find(FxRobot robot, Predicate<Node> predicate) {
        return onFxThread(() -> robot.lookup(predicate).tryQuery());
    }

    /** The node under {@code parent} that the CSS selector matches. */
    public static <T extends Node> T within(FxRobot robot, Node parent, String selector) {
        return onFxThread(() -> robot.from(parent).lookup(selector).query());
    }

    public static <T extends Node> java.util.List<T> all(FxRobot robot, Predicate<Node> predicate) {
        return onFxThread(() -> java.util.List.copyOf(robot.lookup(predicate).<T>queryAll()));
    }

    /** Clicks the node {@code query} finds, scrolled into view first if it is in a scroll pane (as a user would). */
    public static void click(FxRobot robot, String query) {
        Node node = FxLookup.<Node>one(robot, query);
        robot.interact(() -> scrollIntoView(node));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
    }

    /** Scrolls every scroll pane around {@code node} so that the node is inside its viewport. */
    private static void scrollIntoView(Node node) {
        for (Node at = node.getParent(); at != null; at = at.getParent()) {
            if (!(at instanceof ScrollPane pane) || pane.getContent() == null) {
                continue;
            }
            Bounds inContent = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double viewport = pane.getViewportBounds().getHeight();
            double scrollable = pane.getContent().getBoundsInLocal().getHeight() - viewport;
            if (scrollable <= 0) {
                continue;
            }
            double range = pane.getVmax() - pane.getVmin();
            double top = (pane.getVvalue() - pane.getVmin()) / range * scrollable;
            if (inContent.getMinY() < top || inContent.getMaxY() > top + viewport) {
                double wanted = Math.max(0, Math.min(scrollable, inContent.getMaxY() + 8 - viewport));
                if (inContent.getMinY() < wanted) {
                    wanted = Math.max(0, inContent.getMinY() - 8);
                }
                pane.setVvalue(pane.getVmin() + range * wanted / scrollable);
                pane.layout();
            }
        }
    }

    /** Waits up to 15 s for {@code condition} (polled off the FX thread), then for the FX events it caused. */
    public static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static <T> T onFxThread(Callable<T> call) {
        try {
            if (Platform.isFxApplicationThread()) {
                return call.call();
            }
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
