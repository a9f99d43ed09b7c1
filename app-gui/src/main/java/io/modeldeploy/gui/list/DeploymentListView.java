package io.modeldeploy.gui.list;

import atlantafx.base.controls.CustomTextField;
import io.modeldeploy.gui.util.TimeDependentCells;
import io.modeldeploy.gui.util.TimeFormat;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The deployment list: workspace selector, search field, status filter chips with live counts,
 * and a virtualized table of the latest version of every deployment. State lives in
 * {@link DeploymentListViewModel}; this class only wires controls to it. Many rows can be selected
 * (Ctrl/Shift-click, Shift+arrows, Ctrl+A); the detail pane follows the lead row. The selection
 * survives refreshes and row updates (it follows the deployments, not the row indexes). A row changed by
 * someone else flashes briefly (pseudo-class {@code :changed}, fading out through {@code :fade-1}
 * to {@code :fade-4}).
 */
public final class DeploymentListView extends VBox {

    /** A row changed by someone else, while it flashes. */
    public static final PseudoClass CHANGED = RowHighlighter.CHANGED;
    /** How often relative times, "In state for" and whether a version is stuck are judged again. */
    private static final Duration CLOCK_TICK = Duration.seconds(15);

    private final DeploymentListViewModel viewModel;
    private final ListActions actions;
    private final Map<TableColumn<DeploymentRow, ?>, Comparator<DeploymentRow>> rowComparators = new HashMap<>();
    private final TimeDependentCells timeDependentCells = new TimeDependentCells();
    private ListColumns columns;
    /** The workspace choice, a usable search field, Refresh and New deployment side by side. */
    private static final double TOOLBAR_WRAP_WIDTH = 640;

    @FXML
    private HBox toolbar;
    @FXML
    private HBox searchRow;
    @FXML
    private ComboBox<WorkspaceOption> workspaceCombo;
    @FXML
    private CustomTextField searchField;
    @FXML
    private Button refreshButton;
    @FXML
    private Button newButton;
    @FXML
    private Button changeStatusesButton;
    @FXML
    private Button resortButton;
    @FXML
    private FlowPane chipPane;
    @FXML
    private HBox outsideFilterNote;
    @FXML
    private Label outsideFilterText;
    @FXML
    private TableView<DeploymentRow> table;
    @FXML
    private TableColumn<DeploymentRow, String> workspaceColumn;
    @FXML
    private TableColumn<DeploymentRow, String> nameColumn;
    @FXML
    private TableColumn<DeploymentRow, Integer> versionColumn;
    @FXML
    private TableColumn<DeploymentRow, DeploymentRow> statusColumn;
    @FXML
    private TableColumn<DeploymentRow, DeploymentRow> inStateColumn;
    @FXML
    private TableColumn<DeploymentRow, String> messageColumn;
    @FXML
    private TableColumn<DeploymentRow, Instant> updatedColumn;
    @FXML
    private TableColumn<DeploymentRow, String> providerColumn;

    /** The lead row of the selection (the detail pane shows it). */
    private String selectedKey;
    /** Every selected deployment, also those the filters hide now: they are selected again once shown. */
    private final Set<String> selectedKeys = new LinkedHashSet<>();
    private boolean listChanging;
    /** Set while this view changes the table's selection itself (restoring it): not the admin's choice. */
    private boolean applyingSelection;
    /** The admin's selection: follows the table's, except for the moments the list itself changes. */
    private final ReadOnlyObjectWrapper<DeploymentRow> selectedRow = new ReadOnlyObjectWrapper<>(this, "selectedRow");

    public DeploymentListView(DeploymentListViewModel viewModel, ListActions actions) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.actions = Objects.requireNonNull(actions, "actions");
        FXMLLoader loader = new FXMLLoader(DeploymentListView.class.getResource("DeploymentListView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load DeploymentListView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        workspaceCombo.setId("workspaceFilter");
        searchField.setId("searchField");
        refreshButton.setId("refreshButton");
        newButton.setId("newDeploymentButton");
        changeStatusesButton.setId("changeStatusesButton");
        resortButton.setId("resortButton");
        table.setId("deploymentTable");
        ListFilterBar filters = new ListFilterBar(viewModel);
        filters.bindWorkspaceSelector(workspaceCombo);
        filters.bindSearch(searchField, this::focusTable);
        toolbar.widthProperty().addListener((obs, was, width) -> placeSearchField(width.doubleValue()));
        filters.addChips(chipPane, actions::triage);
        setUpTable();
        ListPlaceholder.install(table, viewModel, actions);
        bindOutsideFilterNote();
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
        changeStatusesButton.disableProperty().bind(viewModel.selectionCountProperty().isEqualTo(0));
        bindResortButton();
    }

    /** "3 changed — re-sort": while rows keep their place, the changes that would move them. */
    private void bindResortButton() {
        var changed = viewModel.changedWhileHeldProperty();
        resortButton.visibleProperty().bind(changed.greaterThan(0));
        resortButton.managedProperty().bind(resortButton.visibleProperty());
        resortButton.textProperty().bind(Bindings.createStringBinding(
                () -> changed.get() + " changed \u2014 re-sort", changed));
    }

    @FXML
    private void changeStatuses() {
        actions.changeStatusOfSelection();
    }

    @FXML
    private void resort() {
        viewModel.resort();
    }

    @FXML
    private void refresh() {
        actions.refresh();
    }

    @FXML
    private void newDeployment() {
        actions.newDeployment();
    }

    @FXML
    private void clearFilters() {
        viewModel.clearFilters();
    }

    /** "team-nlp/foo is hidden by the current filters; shown while selected [Clear filters]". */
    private void bindOutsideFilterNote() {
        outsideFilterNote.setId("outsideFilterNote");
        var kept = viewModel.keptOutsideFilterProperty();
        outsideFilterNote.visibleProperty().bind(kept.isNotNull());
        outsideFilterNote.managedProperty().bind(kept.isNotNull());
        outsideFilterText.textProperty().bind(Bindings.createStringBinding(
                () -> kept.get() == null ? "" : kept.get() + " is hidden by the current filters; shown while selected.",
                kept));
    }

    // ------------------------------------------------------------------ table

    /** The columns by the id their hidden state is saved under. */
    private Map<String, TableColumn<DeploymentRow, ?>> columnsById() {
        Map<String, TableColumn<DeploymentRow, ?>> byId = new LinkedHashMap<>();
        byId.put("workspace", workspaceColumn);
        byId.put("name", nameColumn);
        byId.put("version", versionColumn);
        byId.put("status", statusColumn);
        byId.put("inState", inStateColumn);
        byId.put("message", messageColumn);
        byId.put("updated", updatedColumn);
        byId.put("provider", providerColumn);
        return byId;
    }

    /** Which columns show; hidden ones can be remembered. */
    public ListColumns columns() {
        return columns;
    }

    private void setUpTable() {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        workspaceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().workspace()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        versionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().version()));
        // The whole row: the cell shows older versions' problems and when, not only the status.
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        inStateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        messageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
        updatedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().updatedAt()));
        providerColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().modelProviderId()));

        workspaceColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("workspace-cell", ""));
        nameColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("name-cell", ""));
        versionColumn.setCellFactory(c -> new DeploymentTableCells.VersionCell());
        statusColumn.setCellFactory(c -> new DeploymentTableCells.StatusCell(viewModel::now, timeDependentCells));
        inStateColumn.setCellFactory(c -> new DeploymentTableCells.InStateCell(viewModel::now, timeDependentCells));
        messageColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("message-cell", ""));
        updatedColumn.setCellFactory(c -> new DeploymentTableCells.UpdatedCell(viewModel.staleAsOfProperty(),
                timeDependentCells));
        viewModel.staleAsOfProperty().addListener(o -> refreshRelativeTimes());
        providerColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("provider-cell", TimeFormat.NONE));

        Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        workspaceColumn.setComparator(text);
        nameColumn.setComparator(text);
        messageColumn.setComparator(text);
        providerColumn.setComparator(text);
        versionColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        statusColumn.setComparator((a, b) -> viewModel.severityOrder().compare(a, b));
        // A time column shows ages ("3 min ago") and sorts by them: its first click (ascending) puts
        // the newest first.
        updatedColumn.setComparator(Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        updatedColumn.setSortType(TableColumn.SortType.ASCENDING);
        // By duration: ascending puts the shortest first (the latest start of a status).
        inStateColumn.setComparator(Comparator.comparing(DeploymentRow::statusSince,
                Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        columns = new ListColumns(table, columnsById(), viewModel.workspaceProperty(), viewModel.rows());


        // Follow the selected deployment across list changes: note the change before the table
        // reacts to it, restore the selection by key afterwards.
        viewModel.visibleRows().addListener((ListChangeListener<DeploymentRow>) c -> listChanging = true);
        table.setItems(viewModel.visibleRows());
        rowComparators.put(workspaceColumn, byColumn(workspaceColumn, DeploymentRow::workspace));
        rowComparators.put(nameColumn, byColumn(nameColumn, DeploymentRow::name));
        rowComparators.put(versionColumn, byColumn(versionColumn, DeploymentRow::version));
        rowComparators.put(statusColumn, byColumn(statusColumn, row -> row));
        rowComparators.put(inStateColumn, byColumn(inStateColumn, row -> row));
        rowComparators.put(messageColumn, byColumn(messageColumn, DeploymentRow::message));
        rowComparators.put(updatedColumn, byColumn(updatedColumn, DeploymentRow::updatedAt));
        rowComparators.put(providerColumn, byColumn(providerColumn, DeploymentRow::modelProviderId));
        table.setSortPolicy(t -> {
            viewModel.setSortOrder(rowComparator());
            return true;
        });
        viewModel.pointerOverListProperty().bind(table.hoverProperty());
        table.getSortOrder().add(updatedColumn);
        viewModel.allVersionsProperty().addListener((obs, old, now) -> table.sort());
        viewModel.visibleRows().addListener((ListChangeListener<DeploymentRow>) c -> {
            listChanging = false;
            restoreSelection();
            // One settled answer after the change (the row object is new when the deployment changed).
            selectedRow.set(table.getSelectionModel().getSelectedItem());
        });
        // With nothing selected the arrow keys start at the first row: the table's own handling moves on from its
        // focused row, which it sets to the first row as rows arrive, and so skipped that row.
        table.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean arrow = event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP;
            if (arrow && !event.isShiftDown() && !event.isShortcutDown() && selectFirstRowIfNoneSelected()) {
                table.scrollTo(0);
                event.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            // While the list changes, the table may move its selection to whatever row now sits
            // at the old index; that is not the admin's choice, so the key is kept.
            if (!listChanging && !applyingSelection) {
                selectedKey = now == null ? null : now.key();
                viewModel.setSelectedKey(selectedKey);
                selectedRow.set(now);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<DeploymentRow>) c -> {
            if (!listChanging && !applyingSelection) {
                selectedKeys.clear();
                table.getSelectionModel().getSelectedItems().forEach(row -> {
                    if (row != null) {
                        selectedKeys.add(row.key());
                    }
                });
                publishSelection();
            }
        });
        viewModel.onSelectionRequest(this::selectRequested);
        new RowHighlighter(viewModel).install(table);
        new RowContextMenu(table, viewModel, actions).install();

        Timeline tick = new Timeline(new KeyFrame(CLOCK_TICK, e -> refreshRelativeTimes()));
        tick.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                tick.stop();
            } else {
                tick.play();
            }
        });
    }

    /**
     * The table's sort order as a comparator of rows. The table's own comparator reads every value
     * through the cell value factories, a new wrapper per value, which makes sorting 10,000 rows
     * several times slower; this one reads the row's fields and compares them like the columns do.
     */
    private Comparator<DeploymentRow> rowComparator() {
        Comparator<DeploymentRow> result = null;
        for (TableColumn<DeploymentRow, ?> column : table.getSortOrder()) {
            Comparator<DeploymentRow> ascending = rowComparators.get(column);
            if (ascending == null) {
                continue;
            }
            Comparator<DeploymentRow> next = column.getSortType() == TableColumn.SortType.DESCENDING
                    ? ascending.reversed() : ascending;
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> Comparator<DeploymentRow> byColumn(TableColumn<DeploymentRow, T> column,
                                                          java.util.function.Function<DeploymentRow, T> value) {
        return (a, b) -> ((Comparator<T>) column.getComparator()).compare(value.apply(a), value.apply(b));
    }

    private void restoreSelection() {
        if (selectedKeys.size() > 1) {
            restoreSelectedRows();
            return;
        }
        if (selectedKey == null) {
            return;
        }
        int index = viewModel.viewIndexOf(selectedKey);
        if (index < 0) {
            return;
        }
        // The table may keep the selected item but move the selected index to the row now at the old
        // position (that row is then drawn highlighted): both must point at the deployment.
        DeploymentRow wanted = viewModel.visibleRows().get(index);
        if (table.getSelectionModel().getSelectedItem() != wanted
                || table.getSelectionModel().getSelectedIndex() != index) {
            table.getSelectionModel().clearAndSelect(index);
        }
    }

    /** Selects every shown row of {@link #selectedKeys} again, the lead last (the table's selected item). */
    private void restoreSelectedRows() {
        List<Integer> wanted = new ArrayList<>(selectedKeys.size());
        int lead = selectedKey == null ? -1 : viewModel.viewIndexOf(selectedKey);
        for (String key : selectedKeys) {
            int index = viewModel.viewIndexOf(key);
            if (index >= 0 && index != lead) {
                wanted.add(index);
            }
        }
        if (lead >= 0) {
            wanted.add(lead);
        }
        var selection = table.getSelectionModel();
        boolean same = wanted.size() == selection.getSelectedIndices().size()
                && selection.getSelectedIndices().containsAll(wanted)
                && (lead < 0 || selection.getSelectedIndex() == lead);
        if (!same) {
            applyingSelection = true;
            try {
                selection.clearSelection();
                if (!wanted.isEmpty()) {
                    int[] others = wanted.subList(1, wanted.size()).stream().mapToInt(Integer::intValue).toArray();
                    selection.selectIndices(wanted.get(0), others);
                    table.getFocusModel().focus(wanted.get(wanted.size() - 1));
                }
            } finally {
                applyingSelection = false;
            }
        }
        publishSelection();
    }

    /** Tells the view-model which rows are selected (shown ones: what an action on the selection acts on). */
    private void publishSelection() {
        List<String> keys = new ArrayList<>();
        for (DeploymentRow row : table.getSelectionModel().getSelectedItems()) {
            if (row != null) {
                keys.add(row.key());
            }
        }
        viewModel.setSelection(keys);
    }

    /** Selects exactly {@code keys} (the first is the lead the detail pane shows) and scrolls to it. */
    private void selectRequested(List<String> keys) {
        selectedKeys.clear();
        selectedKeys.addAll(keys);
        selectedKey = keys.isEmpty() ? null : keys.get(0);
        viewModel.setSelectedKey(selectedKey);
        if (keys.size() == 1) {
            select(selectedKey);
        } else {
            restoreSelectedRows();
            int lead = selectedKey == null ? -1 : viewModel.viewIndexOf(selectedKey);
            if (lead >= 0) {
                table.scrollTo(Math.max(0, lead - 3));
            }
        }
        selectedRow.set(table.getSelectionModel().getSelectedItem());
        focusTable();
    }

    /** Redraws the cells whose text depends on the time ("3 min ago", "In state for"), and marks versions that have become stuck. */
    public void refreshRelativeTimes() {
        viewModel.refreshStuck();
        timeDependentCells.redrawAll();
    }

    // ------------------------------------------------------------------ API for the main window

    /**
     * The selected row. Unlike the table's own selection it does not flicker while the list changes
     * (a row replaced by a live change is briefly unselected inside the table), so whatever follows
     * it, like the detail pane with its unsaved edits, sees only the settled selection.
     */
    public ReadOnlyObjectProperty<DeploymentRow> selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    public DeploymentRow selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    /**
     * Selects a deployment, scrolls to it and focuses the table. The filters stay: a deployment they
     * hide is shown anyway, with a note, while it stays selected.
     */
    public void select(String workspace, String name) {
        String key = DeploymentRow.keyOf(workspace, name);
        selectedKey = key; // before the list changes to show it, so that the selection follows it
        selectedKeys.clear();
        selectedKeys.add(key);
        viewModel.selectKeepingFilters(workspace, name);
        select(key);
        focusTable();
    }

    private void select(String key) {
        int index = viewModel.viewIndexOf(key);
        if (index >= 0) {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(Math.max(0, index - 3));
        }
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    public void focusWorkspace() {
        workspaceCombo.requestFocus();
        workspaceCombo.show();
    }

    /** Puts the keyboard focus on the table without selecting a row (the arrow keys then select one). */
    public void takeFocus() {
        table.requestFocus();
    }

    /** Focuses the table, selecting the first row if nothing is selected. */
    public void focusTable() {
        table.requestFocus();
        selectFirstRowIfNoneSelected();
    }

    /** Selects the first row when there are rows and none is selected; whether it did. */
    private boolean selectFirstRowIfNoneSelected() {
        if (!table.getSelectionModel().isEmpty() || table.getItems().isEmpty()) {
            return false;
        }
        table.getSelectionModel().select(0);
        table.getFocusModel().focus(0);
        return true;
    }

    public DeploymentListViewModel viewModel() {
        return viewModel;
    }

    public TableView<DeploymentRow> table() {
        return table;
    }

    /**
     * Below {@link #TOOLBAR_WRAP_WIDTH} the search field goes to a row of its own, so that neither it nor
     * the workspace choice is cut to a few letters. The toolbar's width does not depend on where the field
     * is, so this cannot flip back and forth.
     */
    private void placeSearchField(double toolbarWidth) {
        boolean ownRow = toolbarWidth > 0 && toolbarWidth < TOOLBAR_WRAP_WIDTH;
        if (ownRow && searchField.getParent() == toolbar) {
            toolbar.getChildren().remove(searchField);
            searchRow.getChildren().add(searchField);
        } else if (!ownRow && searchField.getParent() == searchRow) {
            searchRow.getChildren().remove(searchField);
            toolbar.getChildren().add(1, searchField);
        }
        searchRow.setVisible(ownRow);
        searchRow.setManaged(ownRow);
    }
}
