package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.HistoryExportQuery;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.stage.Window;
import javafx.util.converter.LocalDateStringConverter;

import java.time.format.DateTimeFormatter;

/**
 * File ▸ Export ▸ Fleet history…: the time range, statuses and workspace of the export
 * ({@link FleetExportViewModel}); its result is the query, and the file is chosen after it.
 */
public final class FleetExportDialog extends Dialog<HistoryExportQuery> {

    public static final ButtonType EXPORT = new ButtonType("Export\u2026", ButtonBar.ButtonData.OK_DONE);

    private final FleetExportViewModel viewModel;

    @FXML
    private DatePicker sinceDate;
    @FXML
    private TextField sinceTime;
    @FXML
    private DatePicker untilDate;
    @FXML
    private TextField untilTime;
    @FXML
    private Label zoneLabel;
    @FXML
    private FlowPane statusBoxes;
    @FXML
    private RadioButton allWorkspaces;
    @FXML
    private RadioButton onlyWorkspace;
    @FXML
    private Label problemLabel;
    @FXML
    private Label serverNote;

    public FleetExportDialog(Window owner, ThemeManager themes, FleetExportViewModel viewModel) {
        this.viewModel = viewModel;
        DialogSupport.loadPane(this, this);
        setTitle("Export the fleet's history");
        getDialogPane().setHeaderText("Export the fleet's status history for a time range");
        getDialogPane().getButtonTypes().setAll(EXPORT, ButtonType.CANCEL);
        DialogSupport.prepare(this, owner, themes);
        Button export = (Button) getDialogPane().lookupButton(EXPORT);
        export.setId("fleetExportButton");
        export.setDefaultButton(true);
        export.getStyleClass().add("accent");
        export.disableProperty().bind(viewModel.validProperty().not());
        setResultConverter(button -> button == EXPORT ? viewModel.query().orElse(null) : null);
        setOnShown(event -> Platform.runLater(sinceDate::requestFocus));
    }

    @FXML
    private void initialize() {
        sinceDate.setId("fleetSinceDate");
        sinceTime.setId("fleetSinceTime");
        untilDate.setId("fleetUntilDate");
        untilTime.setId("fleetUntilTime");
        // Dates as the console writes them everywhere: 2026-12-04.
        sinceDate.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, null));
        untilDate.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, null));
        sinceDate.valueProperty().bindBidirectional(viewModel.sinceDateProperty());
        sinceTime.textProperty().bindBidirectional(viewModel.sinceTimeProperty());
        untilDate.valueProperty().bindBidirectional(viewModel.untilDateProperty());
        untilTime.textProperty().bindBidirectional(viewModel.untilTimeProperty());
        zoneLabel.setText(viewModel.zoneText());
        for (DeploymentStatus status : DeploymentStatus.values()) {
            CheckBox box = new CheckBox(StatusStyle.displayName(status));
            box.setId("fleetStatus" + status.name());
            box.setGraphic(StatusStyle.iconNode(status));
            box.selectedProperty().addListener((obs, was, selected) -> {
                if (selected) {
                    viewModel.statuses().add(status);
                } else {
                    viewModel.statuses().remove(status);
                }
            });
            statusBoxes.getChildren().add(box);
        }
        allWorkspaces.setId("fleetAllWorkspaces");
        onlyWorkspace.setId("fleetOnlyWorkspace");
        String workspace = viewModel.listWorkspace();
        onlyWorkspace.setVisible(workspace != null);
        onlyWorkspace.setManaged(workspace != null);
        onlyWorkspace.setText(workspace == null ? "" : "Only " + workspace + " (the list's workspace)");
        onlyWorkspace.setMnemonicParsing(false);
        onlyWorkspace.setSelected(viewModel.onlyListWorkspaceProperty().get());
        allWorkspaces.setSelected(!viewModel.onlyListWorkspaceProperty().get());
        viewModel.onlyListWorkspaceProperty().bind(onlyWorkspace.selectedProperty());
        problemLabel.setId("fleetExportProblem");
        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        serverNote.setId("fleetExportServerNote");
        serverNote.setText(viewModel.serverNote());
        serverNote.setVisible(!viewModel.serverNote().isEmpty());
        serverNote.setManaged(serverNote.isVisible());
    }

    public FleetExportViewModel viewModel() {
        return viewModel;
    }
}
