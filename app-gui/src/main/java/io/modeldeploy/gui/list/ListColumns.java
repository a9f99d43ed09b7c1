package io.modeldeploy.gui.list;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which list columns show and how they share the width. Columns fill the table while their
 * preferred widths fit; in a narrower table they keep those widths and the table scrolls sideways,
 * so no column is squeezed out of sight. The table's menu button hides and shows columns, and the
 * columns the user hid are handed to {@link #remember} to be saved. The Workspace column hides
 * itself while one workspace is shown and comes back for All unless the user hid it.
 */
public final class ListColumns {

    private final TableView<DeploymentRow> table;
    private final Map<String, TableColumn<DeploymentRow, ?>> byId;
    private final TableColumn<DeploymentRow, ?> workspaceColumn;
    private boolean oneWorkspace;
    private boolean userHidesWorkspace;
    /** True while the columns change on their own, not by the user. */
    private boolean adjusting;
    private Consumer<Set<String>> save = hidden -> {
    };

    /**
     * @param byId      the table's columns by the id they are saved under, in table order
     * @param workspace the list's workspace filter
     */
    ListColumns(TableView<DeploymentRow> table, Map<String, TableColumn<DeploymentRow, ?>> byId,
                TableColumn<DeploymentRow, ?> workspaceColumn, ObservableValue<WorkspaceOption> workspace) {
        this.table = Objects.requireNonNull(table, "table");
        this.byId = new LinkedHashMap<>(byId);
        this.workspaceColumn = Objects.requireNonNull(workspaceColumn, "workspaceColumn");
        for (TableColumn<DeploymentRow, ?> column : this.byId.values()) {
            column.visibleProperty().addListener((obs, was, visible) -> {
                if (!adjusting) {
                    if (column == workspaceColumn) {
                        userHidesWorkspace = !visible;
                    }
                    save.accept(hidden());
                }
                fitPolicy();
            });
        }
        table.widthProperty().addListener((obs, old, width) -> fitPolicy());
        workspace.addListener((obs, old, option) -> showWorkspaceColumnFor(option));
        showWorkspaceColumnFor(workspace.getValue());
        fitPolicy();
    }

    /** Hides the columns saved as hidden, and hands every later choice to {@code saveHidden}. */
    public void remember(Set<String> savedHidden, Consumer<Set<String>> saveHidden) {
        adjusting = true;
        try {
            byId.forEach((id, column) -> {
                if (column == workspaceColumn) {
                    userHidesWorkspace = savedHidden.contains(id);
                    column.setVisible(!userHidesWorkspace && !oneWorkspace);
                } else {
                    column.setVisible(!savedHidden.contains(id));
                }
            });
        } finally {
            adjusting = false;
        }
        save = Objects.requireNonNull(saveHidden, "saveHidden");
    }

    /** Ids of the columns the user hid (not the Workspace column hidden for one workspace). */
    public Set<String> hidden() {
        Set<String> hidden = new LinkedHashSet<>();
        byId.forEach((id, column) -> {
            if (column == workspaceColumn ? userHidesWorkspace : !column.isVisible()) {
                hidden.add(id);
            }
        });
        return hidden;
    }

    private void showWorkspaceColumnFor(WorkspaceOption option) {
        oneWorkspace = option != null && !option.isAll();
        adjusting = true;
        try {
            workspaceColumn.setVisible(!oneWorkspace && !userHidesWorkspace);
        } finally {
            adjusting = false;
        }
    }

    /** Fill the width while the preferred widths fit, else keep them and scroll sideways. */
    private void fitPolicy() {
        double wanted = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum();
        boolean fits = wanted <= table.getWidth() - table.snappedLeftInset() - table.snappedRightInset();
        var policy = fits ? TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS : TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (table.getColumnResizePolicy() != policy) {
            table.setColumnResizePolicy(policy);
        }
    }
}
