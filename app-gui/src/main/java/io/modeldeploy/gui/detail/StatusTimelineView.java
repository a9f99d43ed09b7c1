package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.style.StatusStyle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The status history of the selected version: a strip of time shares per status, and a
 * virtualized list of entries, newest first. Scrolling to the end of the list loads older
 * entries. A thin view over {@link StatusTimelineViewModel}.
 */
public class StatusTimelineView extends VBox {

    private final StatusTimelineViewModel viewModel;
    private final StatusStripBar strip = new StatusStripBar();
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
        viewModel.shares().addListener((ListChangeListener<StatusShare>) change -> showShares());
        showShares();

        entryList.setItems(viewModel.items());
        entryList.setCellFactory(list -> new StatusTimelineCell(viewModel));
        entryList.setFocusTraversable(true);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(viewModel.awaitingHistoryProperty())
                .then("Loading the history\u2026").otherwise("No status changes recorded"));
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
        footer.visibleProperty().bind(viewModel.hasOlderProperty()
                .or(viewModel.loadingOlderProperty()).or(viewModel.loadErrorProperty().isNotEmpty()));
        footer.managedProperty().bind(footer.visibleProperty());

        // Older entries are fetched when the end of the list comes into view.
        entryList.skinProperty().addListener((obs, was, skin) -> attachToFlow());
        viewModel.items().addListener((ListChangeListener<TimelineItem>) change -> scheduleEndCheck());
        viewModel.hasOlderProperty().addListener((obs, was, has) -> {
            entryList.refresh();
            scheduleEndCheck();
        });
        viewModel.versionProperty().addListener((obs, was, now) -> {
            if (was == null || now == null || !java.util.Objects.equals(was.id(), now.id())) {
                entryList.scrollTo(0);
            }
        });
    }

    @FXML
    private void loadOlder() {
        viewModel.loadOlder();
    }

    /** Redraws rows whose texts depend on the time (relative times, ongoing durations). */
    void refreshRows() {
        entryList.refresh();
    }

    ListView<TimelineItem> entryList() {
        return entryList;
    }

    private void showShares() {
        strip.setShares(viewModel.shares());
        legend.getChildren().clear();
        for (StatusShare share : viewModel.shares()) {
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
}
