package io.modeldeploy.gui.list;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The deployment table's one row menu, which the context-menu key and Shift+F10 open too. */
final class RowContextMenu {

    private final TableView<DeploymentRow> table;
    private final DeploymentListViewModel viewModel;
    private final ListActions actions;

    RowContextMenu(TableView<DeploymentRow> table, DeploymentListViewModel viewModel, ListActions actions) {
        this.table = table;
        this.viewModel = viewModel;
        this.actions = actions;
    }

    void install() {
        table.setContextMenu(rowMenu());
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.CONTEXT_MENU || event.getCode() == KeyCode.F10 && event.isShiftDown()) {
                event.consume();
                showContextMenuAtSelection();
            }
        });
        // Where the platform turns the menu key into a menu request itself, it would open at the
        // table's corner: open it at the selected row instead.
        table.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, event -> {
            if (event.isKeyboardTrigger()) {
                event.consume();
                showContextMenuAtSelection();
            }
        });
    }

    private ContextMenu rowMenu() {
        MenuItem newVersion = new MenuItem("New version…", new FontIcon(Material2AL.LIBRARY_ADD));
        newVersion.setOnAction(e -> actions.newVersion());
        MenuItem delete = new MenuItem("Delete…", new FontIcon(Material2AL.DELETE_OUTLINE));
        delete.setOnAction(e -> actions.delete());
        MenuItem changeStatuses = new MenuItem("Change status of the selection\u2026",
                new FontIcon(Material2AL.DONE_ALL));
        changeStatuses.setId("changeStatusesMenuItem");
        changeStatuses.setOnAction(e -> actions.changeStatusOfSelection());
        changeStatuses.visibleProperty().bind(viewModel.statusBatchesOfferedProperty());
        MenuItem copyName = new MenuItem("Copy name", new FontIcon(Material2AL.CONTENT_COPY));
        copyName.setOnAction(e -> copySelected(false));
        MenuItem copyQualified = new MenuItem("Copy workspace/name");
        copyQualified.setOnAction(e -> copySelected(true));
        MenuItem onlyWorkspace = new MenuItem("Show only this workspace", new FontIcon(Material2AL.FILTER_ALT));
        onlyWorkspace.setOnAction(e -> {
            DeploymentRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.selectWorkspace(row.workspace());
            }
        });
        MenuItem newDeployment = new MenuItem("New deployment…", new FontIcon(Material2AL.ADD));
        newDeployment.setOnAction(e -> actions.newDeployment());
        MenuItem refresh = new MenuItem("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.setOnAction(e -> actions.refresh());
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        for (MenuItem item : new MenuItem[]{newVersion, delete, changeStatuses, copyName, copyQualified,
                onlyWorkspace}) {
            item.disableProperty().bind(noSelection);
        }
        return new ContextMenu(newVersion, delete, changeStatuses, new SeparatorMenuItem(), copyName, copyQualified, onlyWorkspace,
                new SeparatorMenuItem(), newDeployment, refresh);
    }

    /** Opens the row menu under the selected row (or over the table when nothing is selected). */
    private void showContextMenuAtSelection() {
        ContextMenu menu = table.getContextMenu();
        if (menu.isShowing()) {
            return;
        }
        int selected = table.getSelectionModel().getSelectedIndex();
        Node anchor = table;
        double x = table.getWidth() / 3;
        double y = table.getHeight() / 3;
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getIndex() == selected
                    && row.isVisible() && !row.isEmpty()) {
                anchor = row;
                x = 24;
                y = row.getHeight();
                break;
            }
        }
        var point = anchor.localToScreen(x, y);
        if (point != null) {
            menu.show(anchor, point.getX(), point.getY());
        }
    }

    private void copySelected(boolean qualified) {
        DeploymentRow row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(qualified ? row.key() : row.name());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
