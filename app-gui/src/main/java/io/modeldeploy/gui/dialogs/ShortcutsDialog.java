package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.ThemeManager;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/** Help ▸ Keyboard shortcuts: every action of the console is reachable from the keyboard. */
public final class ShortcutsDialog extends Dialog<Void> {

    /** Shortcut and what it does, in display order. */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[]{"Ctrl+N", "New deployment"},
            new String[]{"Ctrl+Shift+N", "New version of the selected deployment"},
            new String[]{"Delete", "Delete the selected deployment"},
            new String[]{"F5", "Refresh the list"},
            new String[]{"Ctrl+Shift+O", "Connect to another server"},
            new String[]{"Ctrl+F", "Search by name or message"},
            new String[]{"Esc (in search)", "Clear the search, then back to the list"},
            new String[]{"Ctrl+L", "Go to the list"},
            new String[]{"Ctrl+Shift+W", "Choose the workspace"},
            new String[]{"Ctrl+Shift+X", "Clear all filters"},
            new String[]{"Ctrl+Shift+T", "Triage what needs attention"},
            new String[]{"Ctrl+Shift+A", "Show the alerts (the status bar's bell)"},
            new String[]{"↑ ↓ Page Up/Down Home End", "Move through the list"},
            new String[]{"Ctrl+click, Shift+click, Shift+↑ ↓", "Select several deployments"},
            new String[]{"Ctrl+A (in the list)", "Select every deployment the filters show"},
            new String[]{"Ctrl+Shift+S", "Change the status of the selected deployments in one go"},
            new String[]{"Shift+F10 / context menu key", "Actions for the selected row"},
            new String[]{"Ctrl+E", "Change the status of the selected deployment"},
            new String[]{"Space (status drop-down)", "Open the list of statuses"},
            new String[]{"Ctrl+Enter (status editor)",
                    "Apply the status change; if the version changed meanwhile, press it twice to Apply anyway"},
            new String[]{"Esc (status editor)", "Revert the edits; if the version changed meanwhile, reload it"},
            new String[]{"Ctrl+Q", "Quit"});

    private static final double DESCRIPTION_MIN_WIDTH = 220;
    private static final double DESCRIPTION_MAX_WIDTH = 380;

    public ShortcutsDialog(Window owner, ThemeManager themes) {
        setTitle("Keyboard shortcuts");
        getDialogPane().setHeaderText("Keyboard shortcuts");
        FontIcon icon = new FontIcon(Material2AL.KEYBOARD);
        icon.getStyleClass().add("dialog-header-icon");
        getDialogPane().setGraphic(icon);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        grid.setHgap(18);
        grid.setVgap(6);
        // Keys are never shortened; descriptions wrap; the dialog is as large as what it lists.
        grid.getColumnConstraints().setAll(new ColumnConstraints(Region.USE_PREF_SIZE, Region.USE_COMPUTED_SIZE,
                Region.USE_PREF_SIZE), new ColumnConstraints(DESCRIPTION_MIN_WIDTH, Region.USE_COMPUTED_SIZE,
                DESCRIPTION_MAX_WIDTH, Priority.ALWAYS, HPos.LEFT, true));
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label key = new Label(SHORTCUTS.get(i)[0]);
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(key, VPos.TOP);
            Label description = new Label(SHORTCUTS.get(i)[1]);
            description.setWrapText(true);
            description.setMinHeight(Region.USE_PREF_SIZE);
            description.setMaxWidth(DESCRIPTION_MAX_WIDTH);
            grid.addRow(i, key, description);
        }
        getDialogPane().setContent(grid);
        getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setResizable(true);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.WINDOW_MODAL);
        if (themes != null) {
            themes.style(getDialogPane());
        }
    }
}
