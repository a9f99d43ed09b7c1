package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.ModelDeployment;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The New version dialog: rolls a deployment onto another config (or config version). The server
 * creates version N+1 with status PENDING; older versions keep their own status. The result is the
 * new version.
 */
public final class NewVersionDialog extends Dialog<ModelDeployment> {

    public static final ButtonType CREATE = new ButtonType("Create version", ButtonBar.ButtonData.OK_DONE);

    private final NewVersionViewModel viewModel;

    @FXML
    private Label generalError;
    @FXML
    private Label explanation;
    @FXML
    private TextField configField;
    @FXML
    private Label configMessage;
    @FXML
    private TextField configVersionField;
    @FXML
    private Label configVersionMessage;
    @FXML
    private HBox progressBox;

    public NewVersionDialog(Window owner, ThemeManager themes, NewVersionViewModel viewModel) {
        this.viewModel = viewModel;
        DialogSupport.loadPane(this, this);
        ModelDeployment current = viewModel.current();
        setTitle("New version");
        getDialogPane().setHeaderText("New version of " + current.qualifiedName());
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        DialogSupport.prepare(this, owner, themes);
        DialogSupport.submitButton(this, CREATE, viewModel.validProperty(), viewModel.submittingProperty(),
                () -> viewModel.submit(created -> {
                    setResult(created);
                    close();
                }));
        setResultConverter(button -> null);
        setOnShown(event -> Platform.runLater(() -> {
            configField.requestFocus();
            configField.selectAll();
        }));
    }

    @FXML
    private void initialize() {
        ModelDeployment current = viewModel.current();
        explanation.setText("Creates version " + viewModel.nextVersion() + " with status Pending. Version "
                + current.entityVersion() + " (config " + current.config() + ", config version "
                + current.configVersion() + ") stays as it is, with its own status.");
        FormField.bind(configField, configField.textProperty(), configMessage, viewModel.config(),
                "The deployment config the new version runs.");
        FormField.bind(configVersionField, configVersionField.textProperty(), configVersionMessage,
                viewModel.configVersion(), "Optional: a whole number; empty means version 1.");
        DialogSupport.bindBanner(this, generalError, viewModel.generalErrorProperty());
        DialogSupport.bindProgress(progressBox, viewModel.submittingProperty());
        configField.disableProperty().bind(viewModel.submittingProperty());
        configVersionField.disableProperty().bind(viewModel.submittingProperty());
    }

    public NewVersionViewModel viewModel() {
        return viewModel;
    }
}
