package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.dialogs.BatchTarget.Outcome;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "Change status of the selection…": the status, message and optional model provider for every
 * selected deployment, the preview of every target (current → new status; refused and unchanged
 * ones marked) and Apply, which sends one batch. A refusal keeps the dialog open with the input;
 * after a 412 the preview can be refreshed. "Copy as curl" puts the same batch on the clipboard as a
 * shell command. The result is what changed, in words.
 */
public final class StatusBatchDialog extends Dialog<String> {

    public static final ButtonType APPLY = new ButtonType("Apply to all", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType COPY_CURL = new ButtonType("Copy as curl", ButtonBar.ButtonData.LEFT);

    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass UNCHANGED = PseudoClass.getPseudoClass("unchanged");

    private final StatusBatchViewModel viewModel;

    @FXML
    private Label generalError;
    @FXML
    private Button refreshPreviewButton;
    @FXML
    private ComboBox<DeploymentStatus> statusCombo;
    @FXML
    private TextArea messageArea;
    @FXML
    private TextField providerField;
    @FXML
    private Label inputProblem;
    @FXML
    private Label summaryLabel;
    @FXML
    private ListView<BatchTarget> previewList;
    @FXML
    private HBox progressBox;

    public StatusBatchDialog(Window owner, ThemeManager themes, StatusBatchViewModel viewModel) {
        this.viewModel = viewModel;
        DialogSupport.loadPane(this, this);
        setTitle("Change status of the selection");
        int count = viewModel.targetCount();
        getDialogPane().setHeaderText("Change the status of " + count + (count == 1 ? " deployment" : " deployments"));
        getDialogPane().getButtonTypes().setAll(COPY_CURL, APPLY, ButtonType.CANCEL);
        DialogSupport.prepare(this, owner, themes);
        Button apply = DialogSupport.submitButton(this, APPLY, viewModel.canApplyProperty(),
                viewModel.submittingProperty(), () -> viewModel.apply(result -> {
                    setResult(result);
                    close();
                }));
        apply.setId("applyBatchButton");
        Button copy = (Button) getDialogPane().lookupButton(COPY_CURL);
        copy.setId("copyCurlButton");
        copy.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.curlCommand());
            Clipboard.getSystemClipboard().setContent(content);
        });
        setResultConverter(button -> null);
        setOnShown(event -> Platform.runLater(statusCombo::requestFocus));
    }

    @FXML
    private void initialize() {
        statusCombo.setId("batchStatusCombo");
        statusCombo.getItems().setAll(DeploymentStatus.values());
        statusCombo.setCellFactory(list -> new StatusCell());
        statusCombo.setButtonCell(new StatusCell());
        statusCombo.valueProperty().bindBidirectional(viewModel.statusProperty());
        messageArea.setId("batchMessageArea");
        messageArea.textProperty().bindBidirectional(viewModel.messageProperty());
        providerField.setId("batchProviderField");
        providerField.textProperty().bindBidirectional(viewModel.providerIdProperty());
        inputProblem.textProperty().bind(viewModel.inputProblemProperty());
        inputProblem.visibleProperty().bind(viewModel.inputProblemProperty().isNotEmpty());
        inputProblem.managedProperty().bind(inputProblem.visibleProperty());
        summaryLabel.setId("batchSummary");
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        previewList.setId("batchPreview");
        previewList.setItems(viewModel.preview());
        previewList.setCellFactory(list -> new TargetCell());
        previewList.setFocusTraversable(false);
        refreshPreviewButton.setId("refreshPreviewButton");
        refreshPreviewButton.visibleProperty().bind(viewModel.previewOutdatedProperty());
        refreshPreviewButton.managedProperty().bind(refreshPreviewButton.visibleProperty());
        DialogSupport.bindBanner(this, generalError, viewModel.generalErrorProperty());
        DialogSupport.bindProgress(progressBox, viewModel.submittingProperty());
        for (var input : new javafx.scene.Node[]{statusCombo, messageArea, providerField}) {
            input.disableProperty().bind(viewModel.submittingProperty());
        }
    }

    @FXML
    private void refreshPreview() {
        viewModel.refreshPreview();
    }

    public StatusBatchViewModel viewModel() {
        return viewModel;
    }

    /** A status with its icon, in the drop-down and its button. */
    private static final class StatusCell extends ListCell<DeploymentStatus> {
        @Override
        protected void updateItem(DeploymentStatus status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(StatusStyle.displayName(status));
                setGraphic(StatusStyle.iconNode(status));
            }
        }
    }

    /** "team-a/llama v2   Ready → Error   unchanged" (or the reason the server would refuse it). */
    private static final class TargetCell extends ListCell<BatchTarget> {
        private final Label name = new Label();
        private final Label current = new Label();
        private final FontIcon arrow = new FontIcon(Material2AL.ARROW_FORWARD);
        private final Label next = new Label();
        private final Label outcome = new Label();
        private final HBox box;

        TargetCell() {
            getStyleClass().add("batch-target");
            name.getStyleClass().add("batch-target-name");
            outcome.getStyleClass().add("batch-target-outcome");
            outcome.setWrapText(true);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, name, gap, current, arrow, next, outcome);
            box.setAlignment(Pos.CENTER_LEFT);
            outcome.setMinWidth(Region.USE_PREF_SIZE);
            outcome.setMaxWidth(260);
        }

        @Override
        protected void updateItem(BatchTarget target, boolean empty) {
            super.updateItem(target, empty);
            setText(null);
            if (empty || target == null) {
                setGraphic(null);
                pseudoClassStateChanged(REFUSED, false);
                pseudoClassStateChanged(UNCHANGED, false);
                return;
            }
            name.setText(target.label());
            StatusStyle.applyBadge(current, target.current());
            StatusStyle.applyBadge(next, target.next());
            outcome.setText(switch (target.outcome()) {
                case CHANGES -> "";
                case UNCHANGED -> "unchanged";
                case REFUSED -> "refused: " + target.reason();
            });
            outcome.setVisible(target.outcome() != Outcome.CHANGES);
            outcome.setManaged(outcome.isVisible());
            pseudoClassStateChanged(REFUSED, target.outcome() == Outcome.REFUSED);
            pseudoClassStateChanged(UNCHANGED, target.outcome() == Outcome.UNCHANGED);
            setAccessibleText(target.label() + ": " + StatusStyle.displayName(target.current()) + " to "
                    + StatusStyle.displayName(target.next()) + (outcome.getText().isEmpty() ? "" : ", " + outcome.getText()));
            setGraphic(box);
        }
    }
}
