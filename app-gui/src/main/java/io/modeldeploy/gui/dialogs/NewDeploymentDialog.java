package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.ModelDeployment;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The New deployment dialog: workspace (existing or new), name, config, config version and project,
 * each checked against the server's rules while typing. "Create" sends the request; the server's
 * objections appear on the field they concern. The result is the created deployment.
 */
public final class NewDeploymentDialog extends Dialog<ModelDeployment> {

    public static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    private final NewDeploymentViewModel viewModel;

    @FXML
    private Label generalError;
    @FXML
    private ComboBox<String> workspaceCombo;
    @FXML
    private Label workspaceMessage;
    @FXML
    private TextField nameField;
    @FXML
    private Label nameMessage;
    @FXML
    private TextField configField;
    @FXML
    private Label configMessage;
    @FXML
    private TextField configVersionField;
    @FXML
    private Label configVersionMessage;
    @FXML
    private TextField projectField;
    @FXML
    private Label projectMessage;
    @FXML
    private HBox progressBox;

    public NewDeploymentDialog(Window owner, ThemeManager themes, NewDeploymentViewModel viewModel) {
        this.viewModel = viewModel;
        DialogSupport.loadPane(this, this);
        setTitle("New deployment");
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        DialogSupport.prepare(this, owner, themes);
        DialogSupport.submitButton(this, CREATE, viewModel.validProperty(), viewModel.submittingProperty(),
                () -> viewModel.submit(created -> {
                    setResult(created);
                    close();
                }));
        setResultConverter(button -> null);
        setOnShown(event -> Platform.runLater(nameField::requestFocus));
    }

    @FXML
    private void initialize() {
        workspaceCombo.setItems(viewModel.workspaces());
        FormField.bind(workspaceCombo, workspaceCombo.getEditor().textProperty(), workspaceMessage,
                viewModel.workspace(), "An existing workspace, or a new name to create it.");
        workspaceCombo.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(workspaceCombo.getEditor().getText())) {
                workspaceCombo.getEditor().setText(now);
            }
        });
        FormField.bind(nameField, nameField.textProperty(), nameMessage, viewModel.name(),
                "Letters, digits, '_', '-' and '.'; unique within the workspace.");
        FormField.bind(configField, configField.textProperty(), configMessage, viewModel.config(),
                "The deployment config to run (at most 255 characters).");
        FormField.bind(configVersionField, configVersionField.textProperty(), configVersionMessage,
                viewModel.configVersion(), "Optional: a whole number; empty means version 1.");
        FormField.bind(projectField, projectField.textProperty(), projectMessage, viewModel.project(),
                "Optional: letters, digits, '_', '-', '.' and '/'.");
        DialogSupport.bindBanner(this, generalError, viewModel.generalErrorProperty());
        DialogSupport.bindProgress(progressBox, viewModel.submittingProperty());
        for (var input : new javafx.scene.Node[]{workspaceCombo, nameField, configField, configVersionField,
                projectField}) {
            input.disableProperty().bind(viewModel.submittingProperty());
        }
    }

    public NewDeploymentViewModel viewModel() {
        return viewModel;
    }
}
