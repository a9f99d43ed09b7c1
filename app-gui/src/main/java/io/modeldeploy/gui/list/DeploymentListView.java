package io.modeldeploy.gui.list;

import atlantafx.base.controls.CustomTextField;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentStatus;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The deployment list: workspace selector, search field, status filter chips with live counts,
 * and a virtualized table of the latest version of every deployment. State lives in
 * {@link DeploymentListViewModel}; this class only wires controls to it. The selection survives
 * refreshes and row updates (it follows the deployment, not the row index). A row changed by
 * someone else flashes briefly (pseudo-class {@code :changed}, fading out through {@code :fade-1}
 * to {@code :fade-4}).
 */
public final class DeploymentListView extends VBox {

    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    /** A row changed by someone else, while it flashes. */
    public static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    /** The selected row, kept although it no longer matches the filters. */
    public static final PseudoClass OUTSIDE_FILTER = PseudoClass.getPseudoClass("outside-filter");
    private static final PseudoClass[] FADE = {
            PseudoClass.getPseudoClass("fade-1"), PseudoClass.getPseudoClass("fade-2"),
            PseudoClass.getPseudoClass("fade-3"), PseudoClass.getPseudoClass("fade-4")};
    /** Share of the highlight spent at full strength before fading. */
    private static final double HOLD = 0.35;
    private static final Duration HIGHLIGHT_FRAME = Duration.millis(60);
    private static final Duration RELATIVE_TIME_TICK = Duration.seconds(30);

    private final DeploymentListViewModel viewModel;
    private final ListActions actions;
    private final NumberFormat numbers = NumberFormat.getIntegerInstance();
    private final Map<DeploymentStatus, ToggleButton> statusChips = new EnumMap<>(DeploymentStatus.class);
    private final Map<TableColumn<DeploymentRow, ?>, Comparator<DeploymentRow>> rowComparators = new HashMap<>();

    @FXML
    private ComboBox<WorkspaceOption> workspaceCombo;
    @FXML
    private CustomTextField searchField;
    @FXML
    private Button refreshButton;
    @FXML
    private Button newButton;
    @FXML
    private FlowPane chipPane;
    @FXML
    private TableView<DeploymentRow> table;
    @FXML
    private TableColumn<DeploymentRow, String> workspaceColumn;
    @FXML
    private TableColumn<DeploymentRow, String> nameColumn;
    @FXML
    private TableColumn<DeploymentRow, Integer> versionColumn;
    @FXML
    private TableColumn<DeploymentRow, DeploymentStatus> statusColumn;
    @FXML
    private TableColumn<DeploymentRow, String> messageColumn;
    @FXML
    private TableColumn<DeploymentRow, Instant> updatedColumn;
    @FXML
    private TableColumn<DeploymentRow, String> providerColumn;

    private ToggleButton allChip;
    private String selectedKey;
    private boolean listChanging;
    /** The admin's selection: follows the table's, except for the moments the list itself changes. */
    private final ReadOnlyObjectWrapper<DeploymentRow> selectedRow = new ReadOnlyObjectWrapper<>(this, "selectedRow");
    /** Rows the table created; weak, because the table drops and recreates rows (e.g. on refresh()). */
    private final java.util.Set<LiveRow> liveRows = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private final Timeline highlightTicker = new Timeline(new KeyFrame(HIGHLIGHT_FRAME, e -> tickHighlights()));

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
        table.setId("deploymentTable");
        setUpWorkspaceSelector();
        setUpSearch();
        setUpChips();
        setUpTable();
        setUpPlaceholder();
        refreshButton.disableProperty().bind(viewModel.loadingProperty());
    }

    @FXML
    private void refresh() {
        actions.refresh();
    }

    @FXML
    private void newDeployment() {
        actions.newDeployment();
    }

    // ------------------------------------------------------------------ workspace selector

    private void setUpWorkspaceSelector() {
        workspaceCombo.setItems(viewModel.workspaceOptions());
        workspaceCombo.valueProperty().bindBidirectional(viewModel.workspaceProperty());
        workspaceCombo.setCellFactory(list -> new WorkspaceCell());
        workspaceCombo.setButtonCell(new WorkspaceCell());
        workspaceCombo.setVisibleRowCount(14);
    }

    private final class WorkspaceCell extends ListCell<WorkspaceOption> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox box = new HBox(8);
        private final FontIcon icon = new FontIcon(Material2AL.LAYERS);

        WorkspaceCell() {
            icon.getStyleClass().add("workspace-icon");
            name.setGraphic(icon);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            count.getStyleClass().add("workspace-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            box.getChildren().addAll(name, spacer, count);
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(WorkspaceOption option, boolean empty) {
            super.updateItem(option, empty);
            if (empty || option == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            icon.setIconCode(option.isAll() ? Material2AL.LAYERS : Material2AL.FOLDER_OPEN);
            name.setText(option.label());
            count.setText(numbers.format(option.count()));
            setText(option.label());
            setGraphic(box);
        }
    }

    // ------------------------------------------------------------------ search

    private void setUpSearch() {
        // Every keystroke filters: the view-model matches in the background and drops stale answers.
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        FontIcon searchIcon = new FontIcon(Material2MZ.SEARCH);
        searchIcon.getStyleClass().add("search-icon");
        searchField.setLeft(searchIcon);
        Button clear = new Button(null, new FontIcon(Material2AL.CLEAR));
        clear.getStyleClass().addAll("flat", "search-clear");
        clear.setFocusTraversable(false);
        clear.setCursor(javafx.scene.Cursor.DEFAULT);
        clear.setTooltip(new Tooltip("Clear the search (Esc)"));
        clear.setOnAction(e -> {
            searchField.clear();
            searchField.requestFocus();
        });
        clear.visibleProperty().bind(searchField.textProperty().isNotEmpty());
        searchField.setRight(clear);
        searchField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                if (searchField.getText().isEmpty()) {
                    focusTable();
                } else {
                    searchField.clear();
                }
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.ENTER) {
                focusTable();
                event.consume();
            }
        });
    }

    // ------------------------------------------------------------------ status chips

    private void setUpChips() {
        allChip = chip("chip-all", null, "All", viewModel.countAnyStatusProperty(),
                "Show every status");
        allChip.setOnAction(e -> {
            viewModel.statusFilter().clear();
            allChip.setSelected(true);
        });
        chipPane.getChildren().add(allChip);
        for (DeploymentStatus status : DeploymentStatus.values()) {
            ToggleButton chip = chip("chip-" + status.name().toLowerCase(java.util.Locale.ROOT),
                    StatusStyle.dot(status), StatusStyle.displayName(status), viewModel.countProperty(status),
                    StatusStyle.description(status) + "\nClick to filter by this status; click more to combine.");
            chip.setOnAction(e -> viewModel.toggleStatus(status, chip.isSelected()));
            statusChips.put(status, chip);
            chipPane.getChildren().add(chip);
        }
        viewModel.statusFilter().addListener((SetChangeListener<DeploymentStatus>) change -> syncChips());
        syncChips();
    }

    private ToggleButton chip(String id, Node dot, String text, ReadOnlyIntegerProperty count, String tooltip) {
        Label name = new Label(text);
        name.getStyleClass().add("chip-name");
        Label countLabel = new Label();
        countLabel.getStyleClass().add("chip-count");
        countLabel.textProperty().bind(Bindings.createStringBinding(() -> numbers.format(count.get()), count));
        HBox box = dot == null ? new HBox(5, name, countLabel) : new HBox(5, dot, name, countLabel);
        box.setAlignment(Pos.CENTER_LEFT);
        ToggleButton chip = new ToggleButton(text);
        chip.setId(id);
        chip.getStyleClass().add("status-chip");
        chip.setGraphic(box);
        chip.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        chip.setMnemonicParsing(false);
        chip.setTooltip(new Tooltip(tooltip));
        chip.accessibleTextProperty().bind(Bindings.createStringBinding(
                () -> text + ": " + count.get(), count));
        chip.pseudoClassStateChanged(EMPTY, count.get() == 0);
        count.addListener((obs, old, now) -> chip.pseudoClassStateChanged(EMPTY, now.intValue() == 0));
        return chip;
    }

    private void syncChips() {
        statusChips.forEach((status, chip) -> chip.setSelected(viewModel.statusFilter().contains(status)));
        allChip.setSelected(viewModel.statusFilter().isEmpty());
    }

    // ------------------------------------------------------------------ table

    private void setUpTable() {
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        workspaceColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().workspace()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        versionColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().version()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        messageColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
        updatedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().updatedAt()));
        providerColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().modelProviderId()));

        workspaceColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("workspace-cell", ""));
        nameColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("name-cell", ""));
        versionColumn.setCellFactory(c -> new DeploymentTableCells.VersionCell());
        statusColumn.setCellFactory(c -> new DeploymentTableCells.StatusCell());
        messageColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("message-cell", ""));
        updatedColumn.setCellFactory(c -> new DeploymentTableCells.UpdatedCell());
        providerColumn.setCellFactory(c -> new DeploymentTableCells.TextCell("provider-cell", TimeFormat.NONE));

        Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        workspaceColumn.setComparator(text);
        nameColumn.setComparator(text);
        messageColumn.setComparator(text);
        providerColumn.setComparator(text);
        versionColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        statusColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        updatedColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        updatedColumn.setSortType(TableColumn.SortType.DESCENDING);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        // Follow the selected deployment across list changes: note the change before the table
        // reacts to it, restore the selection by key afterwards.
        viewModel.visibleRows().addListener((ListChangeListener<DeploymentRow>) c -> listChanging = true);
        table.setItems(viewModel.visibleRows());
        rowComparators.put(workspaceColumn, byColumn(workspaceColumn, DeploymentRow::workspace));
        rowComparators.put(nameColumn, byColumn(nameColumn, DeploymentRow::name));
        rowComparators.put(versionColumn, byColumn(versionColumn, DeploymentRow::version));
        rowComparators.put(statusColumn, byColumn(statusColumn, DeploymentRow::status));
        rowComparators.put(messageColumn, byColumn(messageColumn, DeploymentRow::message));
        rowComparators.put(updatedColumn, byColumn(updatedColumn, DeploymentRow::updatedAt));
        rowComparators.put(providerColumn, byColumn(providerColumn, DeploymentRow::modelProviderId));
        table.setSortPolicy(t -> {
            viewModel.visibleRows().setComparator(rowComparator());
            return true;
        });
        table.getSortOrder().add(updatedColumn);
        viewModel.visibleRows().addListener((ListChangeListener<DeploymentRow>) c -> {
            listChanging = false;
            restoreSelection();
            // One settled answer after the change (the row object is new when the deployment changed).
            selectedRow.set(table.getSelectionModel().getSelectedItem());
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            // While the list changes, the table may move its selection to whatever row now sits
            // at the old index; that is not the admin's choice, so the key is kept.
            if (!listChanging) {
                selectedKey = now == null ? null : now.key();
                viewModel.setSelectedKey(selectedKey);
                selectedRow.set(now);
            }
        });
        setUpHighlights();

        // One menu for the table, so the keyboard (context-menu key, Shift+F10) opens it too.
        table.setContextMenu(rowMenu());
        table.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.CONTEXT_MENU || event.getCode() == KeyCode.F10 && event.isShiftDown()) {
                event.consume();
                showContextMenuAtSelection();
            }
        });

        Timeline tick = new Timeline(new KeyFrame(RELATIVE_TIME_TICK, e -> refreshRelativeTimes()));
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

    // ------------------------------------------------------------------ highlights of changed rows

    private void setUpHighlights() {
        table.setRowFactory(t -> {
            LiveRow row = new LiveRow();
            liveRows.add(row);
            return row;
        });
        highlightTicker.setCycleCount(Timeline.INDEFINITE);
        viewModel.highlights().addListener((MapChangeListener<String, Instant>) change -> {
            if (!viewModel.highlights().isEmpty() && getScene() != null
                    && highlightTicker.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                highlightTicker.play();
            }
            updateLiveRows();
        });
        sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                highlightTicker.stop();
            } else if (!viewModel.highlights().isEmpty()) {
                highlightTicker.play();
            }
        });
    }

    private void tickHighlights() {
        viewModel.pruneHighlights();
        updateLiveRows();
        if (viewModel.highlights().isEmpty()) {
            highlightTicker.stop();
        }
    }

    private void updateLiveRows() {
        for (LiveRow row : List.copyOf(liveRows)) {
            row.updateLiveState();
        }
    }

    /** A table row that shows whether its deployment was just changed elsewhere. */
    private final class LiveRow extends TableRow<DeploymentRow> {

        @Override
        protected void updateItem(DeploymentRow item, boolean empty) {
            super.updateItem(item, empty);
            updateLiveState();
        }

        void updateLiveState() {
            DeploymentRow item = getItem();
            Optional<java.time.Duration> age = item == null || isEmpty() ? Optional.empty()
                    : viewModel.highlightAge(item.key());
            int step = age.map(DeploymentListView::fadeStep).orElse(-1);
            pseudoClassStateChanged(CHANGED, step >= 0);
            for (int i = 0; i < FADE.length; i++) {
                pseudoClassStateChanged(FADE[i], step == i + 1);
            }
            pseudoClassStateChanged(OUTSIDE_FILTER, item != null && !isEmpty() && viewModel.isKeptOutsideFilter(item));
        }
    }

    /** 0 while the highlight is at full strength, then 1..4 as it fades. */
    static int fadeStep(java.time.Duration age) {
        double share = (double) age.toMillis() / DeploymentListViewModel.HIGHLIGHT_DURATION.toMillis();
        if (share < HOLD) {
            return 0;
        }
        int step = 1 + (int) ((share - HOLD) / (1 - HOLD) * FADE.length);
        return Math.min(FADE.length, step);
    }

    private ContextMenu rowMenu() {
        MenuItem newVersion = new MenuItem("New version…", new FontIcon(Material2AL.LIBRARY_ADD));
        newVersion.setOnAction(e -> actions.newVersion());
        MenuItem delete = new MenuItem("Delete…", new FontIcon(Material2AL.DELETE_OUTLINE));
        delete.setOnAction(e -> actions.delete());
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
        for (MenuItem item : new MenuItem[]{newVersion, delete, copyName, copyQualified, onlyWorkspace}) {
            item.disableProperty().bind(noSelection);
        }
        return new ContextMenu(newVersion, delete, new SeparatorMenuItem(), copyName, copyQualified, onlyWorkspace,
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
            if (node instanceof javafx.scene.control.TableRow<?> row && row.getIndex() == selected
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

    private void restoreSelection() {
        if (selectedKey == null) {
            return;
        }
        int index = viewModel.viewIndexOf(selectedKey);
        if (index < 0) {
            return;
        }
        DeploymentRow wanted = viewModel.visibleRows().get(index);
        if (table.getSelectionModel().getSelectedItem() != wanted) {
            table.getSelectionModel().clearAndSelect(index);
        }
    }

    /** Re-renders the visible rows so that "3 min ago" stays true. */
    public void refreshRelativeTimes() {
        table.refresh();
    }

    // ------------------------------------------------------------------ placeholder

    private void setUpPlaceholder() {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label();
        title.getStyleClass().add("placeholder-title");
        Label text = new Label();
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        Button action = new Button();
        action.getStyleClass().add("placeholder-action");
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("placeholder-progress");
        progress.setPrefSize(36, 36);
        VBox box = new VBox(10, progress, icon, title, text, action);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        box.getStyleClass().add("table-placeholder");
        table.setPlaceholder(box);

        InvalidationListener update = obs -> {
            ConsoleSession.FleetState state = viewModel.loadStateProperty().get();
            boolean loadingFirst = state == ConsoleSession.FleetState.LOADING;
            progress.setVisible(loadingFirst);
            progress.setManaged(loadingFirst);
            icon.setVisible(!loadingFirst);
            icon.setManaged(!loadingFirst);
            action.setVisible(!loadingFirst);
            action.setManaged(!loadingFirst);
            if (loadingFirst) {
                title.setText("Loading deployments…");
                text.setText("Fetching every workspace from the server.");
            } else if (state == ConsoleSession.FleetState.FAILED) {
                icon.setIconCode(Material2MZ.SYNC_PROBLEM);
                title.setText("Could not load deployments");
                text.setText(viewModel.loadErrorProperty().get());
                action.setText("Try again");
                action.setOnAction(e -> actions.refresh());
            } else if (viewModel.totalCountProperty().get() == 0) {
                icon.setIconCode(Material2AL.LAYERS);
                title.setText("No deployments yet");
                text.setText("Create the first one; deployments that scripts and controllers create appear here as they happen.");
                action.setText("New deployment…");
                action.setOnAction(e -> actions.newDeployment());
            } else {
                icon.setIconCode(Material2MZ.SEARCH_OFF);
                title.setText("No deployments match");
                text.setText("Nothing in the current workspace, status and search filters.");
                action.setText("Clear filters");
                action.setOnAction(e -> viewModel.clearFilters());
            }
        };
        viewModel.loadStateProperty().addListener(update);
        viewModel.loadErrorProperty().addListener(update);
        viewModel.totalCountProperty().addListener(update);
        viewModel.filterProperty().addListener(update);
        update.invalidated(null);
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

    /** Selects a deployment (clearing filters that hide it), scrolls to it and focuses the table. */
    public void select(String workspace, String name) {
        viewModel.reveal(workspace, name);
        String key = DeploymentRow.keyOf(workspace, name);
        int index = viewModel.viewIndexOf(key);
        if (index >= 0) {
            selectedKey = key;
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(Math.max(0, index - 3));
        }
        focusTable();
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    public void focusWorkspace() {
        workspaceCombo.requestFocus();
        workspaceCombo.show();
    }

    /** Focuses the table, selecting the first row if nothing is selected. */
    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
            table.getFocusModel().focus(0);
        }
    }

    public DeploymentListViewModel viewModel() {
        return viewModel;
    }

    public TableView<DeploymentRow> table() {
        return table;
    }
}
