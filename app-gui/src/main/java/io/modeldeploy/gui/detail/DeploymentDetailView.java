package io.modeldeploy.gui.detail;

import io.modeldeploy.model.ModelDeployment;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Objects;

/**
 * The right-hand side of the console: the selected deployment's details, its status editor and
 * its status timeline, or an empty state when nothing is selected.
 *
 * <p>Requests run on the executor given to the constructor; their results come back on the FX
 * thread. Keyboard: Ctrl+Enter applies the status change, Esc reverts it.
 */
public class DeploymentDetailView extends StackPane {

    /** Applies the status change from anywhere in the view. */
    public static final KeyCombination APPLY_KEYS = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final Duration TICK = Duration.seconds(30);

    private final DeploymentDetailViewModel viewModel;
    private final Timeline ticker;
    // Built at the first selection or by prepareContent(): about 350 nodes the window's first CSS pass
    // and layout would otherwise go through while they are hidden behind the empty state.
    private StatusEditorView editorView;
    private StatusTimelineView timelineView;

    @FXML
    private VBox emptyState;
    @FXML
    private VBox content;
    @FXML
    private ScrollPane contentScroll;

    public DeploymentDetailView(DeploymentDetailViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Fxml.loadInto(this);
        getStylesheets().add(Objects.requireNonNull(
                DeploymentDetailView.class.getResource("detail.css"), "detail.css").toExternalForm());

        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        emptyState.managedProperty().bind(viewModel.emptyProperty());
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        contentScroll.visibleProperty().bind(viewModel.emptyProperty().not());
        contentScroll.managedProperty().bind(viewModel.emptyProperty().not());
        viewModel.emptyProperty().addListener((obs, wasEmpty, empty) -> {
            if (!empty) {
                prepareContent();
            }
        });
        if (!viewModel.emptyProperty().get()) {
            prepareContent();
        }

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);

        // "as of 10:05" while the data is stale, "just now" again once it is fresh
        viewModel.staleAsOfProperty().addListener((obs, was, asOf) -> refreshTimelineRows());
        ticker = new Timeline(new KeyFrame(TICK, e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                ticker.play();
            } else {
                ticker.stop();
            }
        });
    }

    /**
     * Builds the details, the status editor and the timeline if they are not built yet. The first
     * selection does it anyway; the console calls it once the first rows are on screen so that this
     * selection is not slowed down by it.
     */
    public void prepareContent() {
        if (editorView != null) {
            return;
        }
        DeploymentInfoView infoView = new DeploymentInfoView(viewModel);
        editorView = new StatusEditorView(viewModel.editor());
        timelineView = new StatusTimelineView(viewModel.timeline());
        content.getChildren().setAll(infoView, editorView, timelineView);
        timelineView.offerUseStatus(viewModel.editor().canWriteProperty(), item -> {
            if (viewModel.editor().useStatus(item.entry())) {
                editorView.focusStatus();
            }
        });
        VBox.setVgrow(timelineView, Priority.ALWAYS);
    }

    /** Shows {@code deploymentOrNull} (the list's selection); null shows "Select a deployment". */
    public void show(ModelDeployment deploymentOrNull) {
        viewModel.show(deploymentOrNull);
    }

    /** Puts the keyboard focus on the status drop-down of the editor (Ctrl+E). */
    public void focusStatusEditor() {
        prepareContent();
        editorView.focusStatus();
    }

    public DeploymentDetailViewModel getViewModel() {
        return viewModel;
    }

    private void tick() {
        viewModel.tick();
        refreshTimelineRows();
    }

    private void refreshTimelineRows() {
        if (timelineView != null) {
            timelineView.refreshRows();
        }
    }

    private void onKeyPressed(KeyEvent event) {
        if (viewModel.emptyProperty().get()) {
            return;
        }
        if (APPLY_KEYS.match(event)) {
            // Consumed even when nothing can be applied, so the message area gets no stray line break.
            event.consume();
            editorView.submit();
        } else if (event.getCode() == KeyCode.ESCAPE && !event.isShortcutDown() && !event.isAltDown()) {
            boolean popupOpen = event.getTarget() instanceof ComboBoxBase<?> combo && combo.isShowing();
            if (!popupOpen && viewModel.editor().checks().canRevertProperty().get()) {
                event.consume();
                viewModel.editor().revert();
            }
        }
    }
}
