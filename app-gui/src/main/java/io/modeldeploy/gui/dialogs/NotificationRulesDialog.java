package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.alerts.AlertRules;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * View ▸ Notification rules…: the statuses, workspaces and stuck deployments that raise an alert
 * (the bell, a toast, a desktop notification). The result is the rules chosen.
 */
public final class NotificationRulesDialog extends Dialog<AlertRules> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final NotificationRulesViewModel viewModel;
    private final String stuckLimits;

    @FXML
    private Label errorLabel;
    @FXML
    private FlowPane statusBoxes;
    @FXML
    private CheckBox stuckBox;
    @FXML
    private Label stuckExplanation;
    @FXML
    private RadioButton allWorkspacesButton;
    @FXML
    private RadioButton chosenWorkspacesButton;
    @FXML
    private ScrollPane workspaceScroll;
    @FXML
    private VBox workspaceBoxes;
    @FXML
    private CheckBox desktopBox;
    @FXML
    private Label desktopExplanation;
    @FXML
    private Label noteLabel;

    /**
     * @param stuckLimits the server's stuck limits in words ("Pending 30 min, …"), or "none"
     */
    public NotificationRulesDialog(Window owner, ThemeManager themes, NotificationRulesViewModel viewModel,
                                   String stuckLimits) {
        this.viewModel = viewModel;
        this.stuckLimits = stuckLimits;
        DialogSupport.loadPane(this, this);
        setTitle("Notification rules");
        getDialogPane().setHeaderText("Which changes raise an alert");
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        DialogSupport.prepare(this, owner, themes);
        getDialogPane().lookupButton(SAVE).disableProperty().bind(viewModel.validProperty().not());
        getDialogPane().lookupButton(SAVE).getStyleClass().add("accent");
        setResultConverter(button -> button == SAVE ? viewModel.rules() : null);
    }

    @FXML
    private void initialize() {
        for (DeploymentStatus status : DeploymentStatus.values()) {
            CheckBox box = new CheckBox(StatusStyle.displayName(status));
            box.setId("ruleStatus-" + status.name());
            box.setGraphic(StatusStyle.iconNode(status));
            box.selectedProperty().bindBidirectional(viewModel.status(status));
            statusBoxes.getChildren().add(box);
        }
        stuckBox.setId("ruleStuck");
        stuckBox.selectedProperty().bindBidirectional(viewModel.stuckProperty());
        stuckExplanation.setText("Stuck: longer in one status than the server's limit (" + stuckLimits + ").");
        allWorkspacesButton.setId("ruleAllWorkspaces");
        chosenWorkspacesButton.setId("ruleChosenWorkspaces");
        allWorkspacesButton.setSelected(viewModel.allWorkspacesProperty().get());
        chosenWorkspacesButton.setSelected(!viewModel.allWorkspacesProperty().get());
        allWorkspacesButton.selectedProperty().addListener((obs, was, all) -> viewModel.allWorkspacesProperty().set(all));
        viewModel.workspaces().forEach((workspace, chosen) -> {
            CheckBox box = new CheckBox(workspace);
            box.setId("ruleWorkspace-" + workspace);
            box.selectedProperty().bindBidirectional(chosen);
            workspaceBoxes.getChildren().add(box);
        });
        if (viewModel.workspaces().isEmpty()) {
            workspaceBoxes.getChildren().add(new Label("No workspaces known yet."));
        }
        workspaceScroll.disableProperty().bind(viewModel.allWorkspacesProperty());
        desktopBox.setId("ruleDesktop");
        desktopBox.selectedProperty().bindBidirectional(viewModel.desktopProperty());
        desktopExplanation.setText(viewModel.desktopOffered()
                ? "A toast appears in the window either way; at most one per second, many alerts grouped."
                : "This desktop offers no notifications (notify-send was not found): alerts show in the window only.");
        errorLabel.setId("rulesError");
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        noteLabel.setId("rulesNote");
        noteLabel.textProperty().bind(viewModel.noteProperty());
        noteLabel.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
        noteLabel.managedProperty().bind(noteLabel.visibleProperty());
    }

    public NotificationRulesViewModel viewModel() {
        return viewModel;
    }
}
