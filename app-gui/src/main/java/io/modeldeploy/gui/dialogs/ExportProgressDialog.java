package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.export.ExportViewModel;
import io.modeldeploy.gui.export.ExportViewModel.State;
import io.modeldeploy.gui.style.ThemeManager;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The running export: what is written where, a progress bar, how many rows so far, and Cancel
 * (Esc too). A failure stays shown, in words, until closed; a finished or cancelled export closes it.
 */
public final class ExportProgressDialog extends Dialog<Void> {

    private final ExportViewModel viewModel;

    @FXML
    private Label titleLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressLabel;
    @FXML
    private Label errorLabel;

    public ExportProgressDialog(Window owner, ThemeManager themes, ExportViewModel viewModel) {
        this.viewModel = viewModel;
        DialogSupport.loadPane(this, this);
        setTitle("Export");
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL);
        DialogSupport.prepare(this, owner, themes);
        initModality(Modality.NONE);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("exportCancelButton");
        cancel.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.runningProperty())
                .then("Cancel").otherwise("Close"));
        cancel.addEventFilter(ActionEvent.ACTION, event -> viewModel.cancel());
        setOnCloseRequest(event -> viewModel.cancel());
        setResultConverter(button -> null);
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        progressBar.setId("exportProgress");
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.setId("exportProgressText");
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        errorLabel.setId("exportError");
        var failed = viewModel.stateProperty().isEqualTo(State.FAILED);
        errorLabel.textProperty().bind(viewModel.outcomeProperty());
        errorLabel.visibleProperty().bind(failed);
        errorLabel.managedProperty().bind(failed);
        viewModel.stateProperty().addListener((obs, was, now) -> DialogSupport.growToFit(this));
    }
}
