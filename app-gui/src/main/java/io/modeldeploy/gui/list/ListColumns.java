package io.modeldeploy.gui.list;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which list columns show and how they share the width. The Name and Workspace columns are as
 * wide as their longest text (within bounds), so names show whole; the Message column takes what
 * is left. In a table too narrow for that the columns keep their widths and the table scrolls
 * sideways, so no column is squeezed out of sight. The table's menu button hides and shows columns, and the
 * columns the user hid are handed to {@link #remember} to be saved. The Workspace column hides
 * itself while one workspace is shown and comes back for All unless the user hid it.
 */
public final class ListColumns {

    /**
     * Hidden until the user chooses otherwise: the model provider reference is in the detail pane,
     * and without it the other columns fit beside the detail pane at the default window size.
     */
    public static final Set<String> HIDDEN_BY_DEFAULT = Set.of("provider");
    static final double NAME_MAX_WIDTH = 360;
    static final double WORKSPACE_MAX_WIDTH = 220;
    /** Room for the vertical scroll bar, so filling the width does not bring a sideways one. */
    private static final double SCROLL_BAR_ROOM = 16;
    private static final int PROVISIONAL_RETRIES = 5;

    private final TableView<DeploymentRow> table;
    private final Map<String, TableColumn<DeploymentRow, ?>> byId;
    private final TableColumn<DeploymentRow, ?> workspaceColumn;
    private final ContentWidth nameWidth;
    private final ContentWidth workspaceWidth;
    private final TableColumn<DeploymentRow, ?> messageColumn;
    private final ObservableList<DeploymentRow> rows;
    private boolean oneWorkspace;
    private boolean userHidesWorkspace;
    /** True while the columns change on their own, not by the user. */
    private boolean adjusting;
    private boolean contentFitScheduled;
    /** True while {@link #shareWidth} sets a width, so that change does not start it again. */
    private boolean sharing;
    private int provisionalRetries;
    private Consumer<Set<String>> save = hidden -> {
    };

    /**
     * @param byId      the table's columns by the id they are saved under, in table order: among
     *                  them "workspace", "name" and "message"
     * @param workspace the list's workspace filter
     * @param rows      every row the list holds, shown or filtered out, whose names and workspaces
     *                  are measured (so filtering does not make columns jump)
     */
    ListColumns(TableView<DeploymentRow> table, Map<String, TableColumn<DeploymentRow, ?>> byId,
                ObservableValue<WorkspaceOption> workspace, ObservableList<DeploymentRow> rows) {
        this.table = Objects.requireNonNull(table, "table");
        this.byId = new LinkedHashMap<>(byId);
        this.workspaceColumn = Objects.requireNonNull(byId.get("workspace"), "workspace column");
        this.messageColumn = Objects.requireNonNull(byId.get("message"), "message column");
        this.nameWidth = new ContentWidth(Objects.requireNonNull(byId.get("name"), "name column"), "name-cell",
                NAME_MAX_WIDTH, DeploymentRow::name);
        this.workspaceWidth = new ContentWidth(workspaceColumn, "workspace-cell", WORKSPACE_MAX_WIDTH,
                DeploymentRow::workspace);
        for (TableColumn<DeploymentRow, ?> column : this.byId.values()) {
            column.visibleProperty().addListener((obs, was, visible) -> {
                if (!adjusting) {
                    if (column == workspaceColumn) {
                        userHidesWorkspace = !visible;
                    }
                    save.accept(hidden());
                }
                shareWidth();
            });
            // A column the user widens or narrows takes its width from the filler.
            column.prefWidthProperty().addListener((obs, was, width) -> shareWidth());
        }
        table.widthProperty().addListener((obs, old, width) -> shareWidth());
        this.rows = rows;
        rows.addListener((ListChangeListener<DeploymentRow>) change -> scheduleContentFit());
        workspace.addListener((obs, old, option) -> showWorkspaceColumnFor(option));
        showWorkspaceColumnFor(workspace.getValue());
        shareWidth();
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



    /** Names and workspaces are measured once per burst of list changes, after the burst. */
    private void scheduleContentFit() {
        if (!contentFitScheduled) {
            contentFitScheduled = true;
            Platform.runLater(this::fitContent);
        }
    }

    private void fitContent() {
        contentFitScheduled = false;
        boolean changed = nameWidth.fit(table, rows) | workspaceWidth.fit(table, rows);
        if (changed) {
            shareWidth();
        }
        if ((nameWidth.provisional || workspaceWidth.provisional) && provisionalRetries++ < PROVISIONAL_RETRIES) {
            // No cell was on screen to take the CSS font from: measure again once the table has drawn some.
            PauseTransition afterLayout = new PauseTransition(Duration.millis(150));
            afterLayout.setOnFinished(e -> scheduleContentFit());
            afterLayout.play();
        }
    }

    /**
     * The columns keep their preferred widths; the Message column (or, while it is hidden, the last
     * column shown) takes what the others leave, down to its minimum width. A table too narrow for
     * that scrolls sideways.
     */
    private void shareWidth() {
        if (sharing) {
            return;
        }
        sharing = true;
        try {
            List<TableColumn<DeploymentRow, ?>> shown = table.getVisibleLeafColumns();
            if (table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY) {
                table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            }
            if (shown.isEmpty()) {
                return;
            }
            TableColumn<DeploymentRow, ?> filler = messageColumn.isVisible() ? messageColumn : shown.get(shown.size() - 1);
            double available = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR_ROOM;
            double others = shown.stream().filter(c -> c != filler).mapToDouble(TableColumn::getPrefWidth).sum();
            filler.setPrefWidth(Math.max(filler.getMinWidth(), Math.floor(available - others)));
        } finally {
            sharing = false;
        }
    }

    /**
     * Keeps a column as wide as its longest text, between its minimum width and {@code maxWidth}.
     * Only the longest texts by length are measured, so a list of thousands costs a scan; once the
     * user gives the column another width, it stays theirs.
     */
    private static final class ContentWidth {
        private static final int MEASURED = 12;
        /** The cell's left and right padding and a little room so the text is not ellipsized. */
        private static final double CELL_ROOM = 16 + 8;

        private final TableColumn<DeploymentRow, ?> column;
        private final String cellClass;
        private final double maxWidth;
        private final Function<DeploymentRow, String> text;
        private double fitted = Double.NaN;
        /** The last measurement used a guessed font: no cell of the column was drawn yet. */
        boolean provisional;

        ContentWidth(TableColumn<DeploymentRow, ?> column, String cellClass, double maxWidth,
                     Function<DeploymentRow, String> text) {
            this.column = column;
            this.cellClass = cellClass;
            this.maxWidth = maxWidth;
            this.text = text;
        }

        /** Answers whether the column's preferred width changed. */
        boolean fit(TableView<DeploymentRow> table, List<DeploymentRow> rows) {
            if (!Double.isNaN(fitted) && column.getPrefWidth() != fitted) {
                return false; // the user resized it
            }
            List<String> longest = longestTexts(rows);
            if (longest.isEmpty()) {
                return false;
            }
            Text measure = new Text();
            Font drawn = drawnFont(table);
            provisional = drawn == null;
            measure.setFont(provisional ? guessedFont() : drawn);
            double widest = 0;
            for (String candidate : longest) {
                measure.setText(candidate);
                widest = Math.max(widest, measure.getLayoutBounds().getWidth());
            }
            double width = Math.min(maxWidth, Math.max(column.getMinWidth(), Math.ceil(widest + CELL_ROOM)));
            if (width == column.getPrefWidth()) {
                fitted = width;
                return false;
            }
            column.setPrefWidth(width);
            fitted = width;
            return true;
        }

        private List<String> longestTexts(List<DeploymentRow> rows) {
            PriorityQueue<String> longest = new PriorityQueue<>(Comparator.comparingInt(String::length));
            for (DeploymentRow row : rows) {
                String value = text.apply(row);
                if (value == null) {
                    continue;
                }
                if (longest.size() < MEASURED) {
                    longest.add(value);
                } else if (value.length() > longest.peek().length()) {
                    longest.poll();
                    longest.add(value);
                }
            }
            return new ArrayList<>(longest);
        }

        /** The font the column's cells are drawn in (bold names, as the CSS says), or null before any is drawn. */
        private Font drawnFont(TableView<DeploymentRow> table) {
            for (Node node : table.lookupAll("." + cellClass)) {
                if (node instanceof Labeled cell && cell.getText() != null && !cell.getText().isEmpty()) {
                    cell.applyCss(); // a cell made in this pulse may not have its style yet
                    return cell.getFont();
                }
            }
            return null;
        }

        private Font guessedFont() {
            Font base = Font.getDefault();
            return "name-cell".equals(cellClass)
                    ? Font.font(base.getFamily(), FontWeight.BOLD, base.getSize())
                    : base;
        }
    }
}
