package io.modeldeploy.gui.main;

import io.modeldeploy.gui.demo.DemoPace;
import io.modeldeploy.gui.demo.DemoViewModel;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;

import java.util.function.BooleanSupplier;

/**
 * The Demo menu of {@code MainView.fxml} bound to the {@link DemoViewModel}: why it is unavailable
 * (its first line), the controller on/off, the pace, and Reset (after {@code confirmReset}). A
 * failed request puts the check marks back where the server has them.
 */
final class DemoMenu {

    private final DemoViewModel demo;
    private final Menu menu;
    private final CheckMenuItem running;
    private final RadioMenuItem slow;
    private final RadioMenuItem normal;
    private final RadioMenuItem fast;

    DemoMenu(DemoViewModel demo, Menu menu) {
        this.demo = demo;
        this.menu = menu;
        this.running = (CheckMenuItem) item("demoRunningItem");
        this.slow = (RadioMenuItem) item("demoSlowItem");
        this.normal = (RadioMenuItem) item("demoNormalItem");
        this.fast = (RadioMenuItem) item("demoFastItem");
    }

    /**
     * Binds the items; {@code confirmReset} asks the admin and {@code afterReset} runs when the reset is
     * done. Every item writes through the API, so none is enabled while {@code readOnly}.
     */
    void bind(BooleanSupplier confirmReset, Runnable afterReset, ObservableBooleanValue readOnly) {
        MenuItem info = item("demoInfoItem");
        Menu pace = (Menu) item("demoPaceMenu");
        MenuItem reset = item("demoResetItem");
        var unavailable = demo.availableProperty().not().or(demo.busyProperty()).or(readOnly);
        running.disableProperty().bind(unavailable);
        pace.disableProperty().bind(unavailable);
        reset.disableProperty().bind(unavailable);
        // Menu items have no tooltips: the reason the items are disabled is the menu's first line.
        info.setMnemonicParsing(false); // the text names MODELDEPLOY_DEMO
        info.textProperty().bind(demo.explanationProperty());
        info.visibleProperty().bind(demo.explanationProperty().isNotEmpty());
        slow.setText(DemoPace.SLOW.menuText());
        normal.setText(DemoPace.NORMAL.menuText());
        fast.setText(DemoPace.FAST.menuText());
        running.setSelected(demo.runningProperty().get());
        demo.runningProperty().addListener((obs, old, now) -> running.setSelected(now));
        demo.paceProperty().addListener((obs, old, now) -> showPace(now));
        demo.busyProperty().addListener((obs, old, now) -> {
            if (!now) {
                running.setSelected(demo.runningProperty().get());
                showPace(demo.paceProperty().get());
            }
        });
        menu.setOnShowing(e -> demo.load());
        running.setOnAction(e -> demo.setRunning(running.isSelected()));
        slow.setOnAction(e -> demo.setPace(DemoPace.SLOW));
        normal.setOnAction(e -> demo.setPace(DemoPace.NORMAL));
        fast.setOnAction(e -> demo.setPace(DemoPace.FAST));
        reset.setOnAction(e -> {
            if (confirmReset.getAsBoolean()) {
                demo.reset(count -> afterReset.run());
            }
        });
    }

    private void showPace(DemoPace pace) {
        slow.setSelected(pace == DemoPace.SLOW);
        normal.setSelected(pace == DemoPace.NORMAL);
        fast.setSelected(pace == DemoPace.FAST);
    }

    private MenuItem item(String id) {
        return find(menu, id);
    }

    private static MenuItem find(Menu in, String id) {
        for (MenuItem item : in.getItems()) {
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof Menu sub) {
                MenuItem found = find(sub, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
