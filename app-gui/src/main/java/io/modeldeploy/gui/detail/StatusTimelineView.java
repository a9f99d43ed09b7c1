package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeDependentCells;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import io.modeldeploy.model.DeploymentStatus;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The status history of the selected version: a strip of time shares per status, and a
 * virtualized list of entries, newest first, that a status choice and a text field above it can
 * narrow. Scrolling to the end of the list loads older entries. The selected entry's message is
 * copied with Ctrl+C or the context menu. A thin view over {@link StatusTimelineViewModel}.
 */
public class StatusTimelineView extends VBox {

    private static final KeyCombination COPY_KEYS = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final StatusTimelineViewModel viewModel;
    private final TimeDependentCells timeDependentCells = new TimeDependentCells();
    private final StatusStripBar strip = new StatusStripBar();
    private final MenuItem useStatus = new MenuItem("Use this status");
    private final BooleanProperty canUseStatus = new SimpleBooleanProperty(this, "canUseStatus");
    private Consumer<TimelineItem> onUseStatus;
    private VirtualFlow<?> flow;
    private boolean checkScheduled;

    @FXML
    private Label summaryLabel;
    @FXML
    private StackPane stripHolder;
    @FXML
    private FlowPane legend;
    @FXML
    private Label stripCaption;
    @FXML
    private ComboBox<DeploymentStatus> statusFilter;
    @FXML
    private TextField textFilter;
    @FXML
    private ListView<TimelineItem> entryList;
    @FXML
    private HBox footer;
    @FXML
    private ProgressIndicator loadingOlderIndicator;
    @FXML
    private Label loadingOlderLabel;
    @FXML
    private Label loadErrorLabel;
    @FXML
    private Label endNoteLabel;
    @FXML
    private Hyperlink loadOlderLink;

    public StatusTimelineView(StatusTimelineViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this);
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        stripHolder.getChildren().setAll(strip);
        stripCaption.textProperty().bind(viewModel.stripCaptionProperty());
        // The legend is set after the strip's shares: redraw both once it is.
        viewModel.legend().addListener((ListChangeListener<StatusShare>) change -> showShares());
        showShares();

        setUpFilter();
        entryList.setItems(viewModel.items());
        entryList.setCellFactory(list -> new StatusTimelineCell(viewModel, timeDependentCells));
        entryList.setFocusTraversable(true);
        setUpCopy();
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.awaitingHistoryProperty())
                .then("Loading the history\u2026")
                .otherwise(Bindings.when(viewModel.filteringProperty())
                        .then("No loaded entry matches the filter").otherwise("No status changes recorded")));
        placeholder.getStyleClass().add("timeline-placeholder");
        entryList.setPlaceholder(placeholder);

        loadingOlderIndicator.visibleProperty().bind(viewModel.loadingOlderProperty());
        loadingOlderIndicator.managedProperty().bind(viewModel.loadingOlderProperty());
        loadingOlderLabel.visibleProperty().bind(viewModel.loadingOlderProperty());
        loadingOlderLabel.managedProperty().bind(viewModel.loadingOlderProperty());
        loadErrorLabel.textProperty().bind(viewModel.loadErrorProperty());
        loadErrorLabel.visibleProperty().bind(viewModel.loadErrorProperty().isNotEmpty());
        loadErrorLabel.managedProperty().bind(loadErrorLabel.visibleProperty());
        loadOlderLink.visibleProperty().bind(viewModel.hasOlderProperty().and(viewModel.loadingOlderProperty().not()));
        loadOlderLink.managedProperty().bind(loadOlderLink.visibleProperty());
        loadOlderLink.textProperty().bind(Bindings.when(viewModel.loadErrorProperty().isEmpty())
                .then("Load older entries").otherwise("Try again"));
        endNoteLabel.textProperty().bind(viewModel.endNoteProperty());
        endNoteLabel.visibleProperty().bind(viewModel.endNoteProperty().isNotEmpty());
        endNoteLabel.managedProperty().bind(endNoteLabel.visibleProperty());
        footer.visibleProperty().bind(viewModel.hasOlderProperty().or(viewModel.loadingOlderProperty())
                .or(viewModel.loadErrorProperty().isNotEmpty()).or(viewModel.endNoteProperty().isNotEmpty()));
        footer.managedProperty().bind(footer.visibleProperty());

        // Older entries are fetched when the end of the list comes into view.
        entryList.skinProperty().addListener((obs, was, skin) -> attachToFlow());
        viewModel.items().addListener((ListChangeListener<TimelineItem>) change -> scheduleEndCheck());
        viewModel.hasOlderProperty().addListener((obs, was, has) -> {
            timeDependentCells.redrawAll(); // the last row's line goes on below it while there are older entries
            scheduleEndCheck();
        });
        viewModel.versionProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || !java.util.Objects.equals(was.id(), now.id())) {
                entryList.scrollTo(0);
            }
        });
    }

    private void setUpFilter() {
        statusFilter.setItems(FXCollections.observableArrayList(DeploymentStatus.values()));
        statusFilter.getItems().add(0, null);
        statusFilter.setCellFactory(list -> new StatusFilterCell(false));
        statusFilter.setButtonCell(new StatusFilterCell(true));
        statusFilter.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        textFilter.textProperty().bindBidirectional(viewModel.textFilterProperty());
        textFilter.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE && !textFilter.getText().isEmpty()) {
                event.consume();
                textFilter.clear();
            }
        });
    }

    private void setUpCopy() {
        MenuItem copyMessage = new MenuItem("Copy message");
        copyMessage.setOnAction(event -> copySelectedMessage());
        useStatus.setOnAction(event -> {
            TimelineItem item = entryList.getSelectionModel().getSelectedItem();
            if (item != null && onUseStatus != null) {
                onUseStatus.accept(item);
            }
        });
        ContextMenu menu = new ContextMenu(useStatus, copyMessage);
        menu.setOnShowing(event -> {
            copyMessage.setDisable(
                    StatusTimelineViewModel.messageOf(entryList.getSelectionModel().getSelectedItem()).isEmpty());
            useStatus.setDisable(onUseStatus == null || !canUseStatus.get()
                    || entryList.getSelectionModel().getSelectedItem() == null);
        });
        entryList.setContextMenu(menu);
        entryList.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY_KEYS.match(event) && entryList.getSelectionModel().getSelectedItem() != null) {
                event.consume();
                copySelectedMessage();
            }
        });
    }

    private void copySelectedMessage() {
        String message = StatusTimelineViewModel.messageOf(entryList.getSelectionModel().getSelectedItem());
        if (message.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(message);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * Offers "Use this status" on every entry: {@code action} gets the chosen entry, while
     * {@code enabled} holds (the editor may write).
     */
    void offerUseStatus(ObservableBooleanValue enabled, Consumer<TimelineItem> action) {
        canUseStatus.bind(enabled);
        onUseStatus = action;
    }

    @FXML
    private void loadOlder() {
        viewModel.loadOlder();
    }

    /** Redraws rows whose texts depend on the time (relative times, ongoing durations). */
    void refreshRows() {
        timeDependentCells.redrawAll();
    }

    ListView<TimelineItem> entryList() {
        return entryList;
    }

    private void showShares() {
        strip.setShares(viewModel.shares());
        legend.getChildren().clear();
        for (StatusShare share : viewModel.legend()) {
            Label item = new Label(share.notLoaded()
                    ? "Not loaded " + share.percentText()
                    : StatusStyle.displayName(share.status()) + " " + share.percentText());
            Region dot = StatusStyle.dot(share.status());
            if (share.notLoaded()) {
                dot.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals(StatusStyle.DOT_CLASS));
                dot.getStyleClass().add(StatusStripBar.NOT_LOADED_CLASS);
            }
            item.setGraphic(dot);
            item.getStyleClass().add("strip-legend-item");
            item.setTooltip(new Tooltip(StatusTimelineViewModel.shareText(share)));
            legend.getChildren().add(item);
        }
    }

    private void attachToFlow() {
        findFlow();
        scheduleEndCheck();
    }

    private void findFlow() {
        Node node = entryList.lookup(".virtual-flow");
        if (node instanceof VirtualFlow<?> found && found != flow) {
            flow = found;
            flow.positionProperty().addListener((obs, was, position) -> checkEnd());
            flow.heightProperty().addListener((obs, was, height) -> scheduleEndCheck());
        }
    }

    private void scheduleEndCheck() {
        if (checkScheduled) {
            return;
        }
        checkScheduled = true;
        // After the next layout pass, when the flow knows which cells are visible.
        Platform.runLater(() -> {
            checkScheduled = false;
            if (flow == null) {
                findFlow();
            }
            checkEnd();
        });
    }

    private void checkEnd() {
        if (flow == null || !viewModel.hasOlderProperty().get() || viewModel.loadingOlderProperty().get()
                || !viewModel.loadErrorProperty().get().isEmpty()) {
            return;
        }
        int size = viewModel.items().size();
        if (size == 0) {
            return;
        }
        if (flow.getCellCount() != size) {
            // The flow has not taken in the current entries yet: its position still describes the old ones.
            scheduleEndCheck();
            return;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        // At the very end the position can't change any more, and the cells may not be laid out
        // yet for entries just added: the position alone says the end is in view.
        if (flow.getPosition() >= 1.0 || last != null && last.getIndex() >= size - 1) {
            viewModel.loadOlder();
        }
    }

    /** "All statuses", or a status with its dot. */
    private static final class StatusFilterCell extends ListCell<DeploymentStatus> {
        private final Region dot = StatusStyle.dot(null);
        private final boolean buttonCell;

        StatusFilterCell(boolean buttonCell) {
            this.buttonCell = buttonCell;
        }

        @Override
        protected void updateItem(DeploymentStatus status, boolean empty) {
            super.updateItem(status, empty);
            if (empty && !buttonCell) {
                setText(null);
                setGraphic(null);
            } else if (status == null) {
                setText("All statuses");
                setGraphic(null);
            } else {
                setText(StatusStyle.displayName(status));
                StatusStyle.applyStatusClass(dot, status);
                setGraphic(dot);
            }
        }
    }
}
