package io.modeldeploy.gui.main;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * Where the main window is and how its split pane is divided: restored from the preferences when
 * the window opens, saved when it closes, handed on when the console moves to another server. The
 * detail pane's share is also saved shortly after the divider moves, so it survives a console that
 * is killed rather than closed.
 */
final class WindowPlacement {

    /** Name under which the split-pane divider is remembered. */
    static final String SPLIT_NAME = "main";
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;
    /** How long the divider must rest before its position is saved (a drag moves it many times). */
    private static final Duration DIVIDER_SETTLES = Duration.millis(600);

    private final GuiPreferences preferences;
    private final SplitPane splitPane;
    private Stage attachedStage;
    private EventHandler<WindowEvent> savingHandler;
    private final PauseTransition dividerSettles = new PauseTransition(DIVIDER_SETTLES);

    WindowPlacement(GuiPreferences preferences, SplitPane splitPane) {
        this.preferences = preferences;
        this.splitPane = splitPane;
        dividerSettles.setOnFinished(e -> {
            if (attachedStage != null) {
                preferences.setDividerPositions(SPLIT_NAME, splitPane.getDividerPositions());
            }
        });
        for (SplitPane.Divider divider : splitPane.getDividers()) {
            divider.positionProperty().addListener((obs, was, now) -> dividerSettles.playFromStart());
        }
    }

    /** Restores size, position and divider from the preferences and saves them when the window closes. */
    void attach(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var saved = preferences.windowBounds()
                .filter(b -> !Double.isNaN(b.x()) && !Double.isNaN(b.y()))
                .filter(b -> !Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty());
        if (saved.isPresent()) {
            var b = saved.get();
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        } else {
            double width = Math.min(DEFAULT_WIDTH, screen.getWidth() * 0.92);
            double height = Math.min(DEFAULT_HEIGHT, screen.getHeight() * 0.92);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        }
        double[] dividers = preferences.dividerPositions(SPLIT_NAME);
        if (dividers.length == splitPane.getDividers().size()) {
            splitPane.setDividerPositions(dividers);
        }
        stage.setOnShown(e -> Platform.runLater(() -> {
            if (dividers.length == splitPane.getDividers().size()) {
                splitPane.setDividerPositions(dividers);
            }
        }));
        saveOnClose(stage);
    }

    /** Takes {@code stage} over from the placement of the view used before: the same divider, saved on close. */
    void takeOver(WindowPlacement previous, Stage stage) {
        previous.detach();
        double[] dividers = previous.splitPane.getDividerPositions();
        splitPane.setDividerPositions(dividers);
        // The split pane lays out its new items once in the scene; put the divider back after that.
        Platform.runLater(() -> splitPane.setDividerPositions(dividers));
        saveOnClose(stage);
    }

    private void saveOnClose(Stage stage) {
        detach();
        attachedStage = stage;
        savingHandler = e -> save(stage);
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, savingHandler);
    }

    /** Stops saving the window state of the stage attached. */
    void detach() {
        if (savingHandler != null && attachedStage != null) {
            attachedStage.removeEventHandler(WindowEvent.WINDOW_HIDING, savingHandler);
        }
        savingHandler = null;
        attachedStage = null;
        dividerSettles.stop();
    }

    /** Writes window bounds and divider positions to the preferences. */
    void save(Stage stage) {
        if (!stage.isIconified()) {
            preferences.setWindowBounds(new GuiPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
        preferences.setDividerPositions(SPLIT_NAME, splitPane.getDividerPositions());
    }
}
