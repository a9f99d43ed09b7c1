package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentStatus;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The heading of the detail pane: workspace/name, status badge, version selector and the fields
 * of the shown version. A thin view over {@link DeploymentDetailViewModel}.
 */
public class DeploymentInfoView extends VBox {

    private final DeploymentDetailViewModel viewModel;
    private final Tooltip createdTooltip = new Tooltip();
    private final Tooltip updatedTooltip = new Tooltip();
    private final Tooltip statusTooltip = new Tooltip();
    private boolean syncingVersion;

    @FXML
    private Label workspaceLabel;
    @FXML
    private Label nameLabel;
    @FXML
    private Label statusBadge;
    @FXML
    private Label statusMessageLabel;
    @FXML
    private Label versionLabel;
    @FXML
    private ComboBox<VersionChoice> versionCombo;
    @FXML
    private ProgressIndicator loadingIndicator;
    @FXML
    private Label loadErrorLabel;
    @FXML
    private TextField idField;
    @FXML
    private Button copyIdButton;
    @FXML
    private Label configLabel;
    @FXML
    private Label projectLabel;
    @FXML
    private Label createdLabel;
    @FXML
    private Label updatedLabel;
    @FXML
    private Label providerLabel;
    @FXML
    private Label createdByLabel;

    public DeploymentInfoView(DeploymentDetailViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.loadInto(this);
    }

    @FXML
    private void initialize() {
        workspaceLabel.textProperty().bind(viewModel.fields().workspace().concat(" /"));
        nameLabel.textProperty().bind(viewModel.fields().name());
        idField.textProperty().bind(viewModel.fields().id());
        configLabel.textProperty().bind(viewModel.fields().config());
        projectLabel.textProperty().bind(viewModel.fields().project());
        providerLabel.textProperty().bind(viewModel.fields().modelProviderId());
        createdByLabel.textProperty().bind(viewModel.fields().createdBy());
        statusMessageLabel.textProperty().bind(viewModel.fields().statusMessage());
        statusMessageLabel.visibleProperty().bind(viewModel.fields().statusMessage().isNotEmpty());
        statusMessageLabel.managedProperty().bind(statusMessageLabel.visibleProperty());
        offerCopy(statusMessageLabel, "Copy message", viewModel.fields().statusMessage());
        Tooltip providerTooltip = new Tooltip();
        providerTooltip.textProperty().bind(viewModel.fields().modelProviderId());
        providerTooltip.setWrapText(true);
        providerLabel.setTooltip(providerTooltip);
        offerCopy(providerLabel, "Copy model provider", viewModel.fields().modelProviderId());

        createdLabel.textProperty().bind(Bindings.createStringBinding(viewModel::createdRelative,
                viewModel.nowProperty(), viewModel.deploymentProperty(), viewModel.staleAsOfProperty()));
        updatedLabel.textProperty().bind(Bindings.createStringBinding(viewModel::updatedRelative,
                viewModel.nowProperty(), viewModel.deploymentProperty(), viewModel.staleAsOfProperty()));
        createdTooltip.textProperty().bind(Bindings.createStringBinding(viewModel::createdExact,
                viewModel.deploymentProperty(), TimeFormat.utcProperty()));
        updatedTooltip.textProperty().bind(Bindings.createStringBinding(viewModel::updatedExact,
                viewModel.deploymentProperty(), TimeFormat.utcProperty()));
        createdLabel.setTooltip(createdTooltip);
        updatedLabel.setTooltip(updatedTooltip);

        statusBadge.setTooltip(statusTooltip);
        viewModel.fields().status().addListener((obs, was, status) -> showStatus(status));
        showStatus(viewModel.fields().status().get());

        copyIdButton.disableProperty().bind(viewModel.deploymentProperty().isNull());
        copyIdButton.setTooltip(new Tooltip("Copy the ID"));

        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        loadErrorLabel.textProperty().bind(viewModel.loadErrorProperty());
        loadErrorLabel.visibleProperty().bind(viewModel.loadErrorProperty().isNotEmpty());
        loadErrorLabel.managedProperty().bind(loadErrorLabel.visibleProperty());

        versionLabel.setLabelFor(versionCombo);
        // The combo keeps its own copy of the versions: replacing items resets a ComboBox's value,
        // so items and value are always set together, in that order.
        versionCombo.setItems(javafx.collections.FXCollections.observableArrayList());
        versionCombo.setCellFactory(list -> new VersionCell());
        versionCombo.setButtonCell(new VersionCell());
        versionCombo.setMinWidth(Region.USE_PREF_SIZE);
        viewModel.selectedVersionProperty().addListener((obs, was, choice) -> syncVersionCombo());
        viewModel.versions().addListener((javafx.collections.ListChangeListener<VersionChoice>) change -> syncVersionCombo());
        versionCombo.valueProperty().addListener((obs, was, choice) -> {
            if (!syncingVersion && choice != null) {
                viewModel.selectVersion(choice.version());
            }
        });
        syncVersionCombo();
    }

    @FXML
    private void copyId() {
        copy(viewModel.fields().id().get());
    }

    /** A context menu on {@code label} that copies the whole of {@code text}. */
    private static void offerCopy(Label label, String action, ObservableStringValue text) {
        MenuItem copy = new MenuItem(action);
        copy.setOnAction(event -> copy(text.get()));
        copy.disableProperty().bind(Bindings.createBooleanBinding(
                () -> text.get() == null || text.get().isEmpty(), text));
        label.setContextMenu(new ContextMenu(copy));
    }

    private static void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void syncVersionCombo() {
        syncingVersion = true;
        try {
            if (!versionCombo.getItems().equals(viewModel.versions())) {
                versionCombo.getItems().setAll(viewModel.versions());
            }
            versionCombo.setValue(viewModel.selectedVersionProperty().get());
        } finally {
            syncingVersion = false;
        }
    }

    private void showStatus(DeploymentStatus status) {
        if (status == null) {
            statusBadge.setVisible(false);
            return;
        }
        statusBadge.setVisible(true);
        StatusStyle.applyBadge(statusBadge, status);
        statusTooltip.setText(StatusStyle.description(status));
    }

    /** "Version 3 (latest)" with a dot in the version's status colour. */
    private static final class VersionCell extends ListCell<VersionChoice> {
        private final Region dot = StatusStyle.dot(null);
        private final Tooltip tooltip = new Tooltip();

        VersionCell() {
            getStyleClass().add("version-cell");
        }

        @Override
        protected void updateItem(VersionChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(item.label());
            if (item.status() != null) {
                StatusStyle.applyStatusClass(dot, item.status());
                setGraphic(dot);
                tooltip.setText("Version " + item.version() + ": " + StatusStyle.displayName(item.status()));
                setTooltip(tooltip);
            } else {
                setGraphic(null);
                setTooltip(null);
            }
        }
    }
}
