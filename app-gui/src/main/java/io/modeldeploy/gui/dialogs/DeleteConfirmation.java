package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Asks before deleting a deployment, saying what will happen: versions that are not DELETED yet
 * are marked DELETING (the controller tears them down), a deployment whose versions are all DELETED
 * is purged. Cancel is the default button.
 */
public final class DeleteConfirmation extends Alert {

    public static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);

    public DeleteConfirmation(Window owner, ThemeManager themes, ModelDeployment deployment) {
        super(AlertType.CONFIRMATION, explanation(deployment), DELETE, ButtonType.CANCEL);
        setTitle("Delete deployment");
        setHeaderText("Delete " + deployment.qualifiedName() + "?");
        FontIcon icon = new FontIcon(Material2AL.DELETE_OUTLINE);
        icon.getStyleClass().addAll("dialog-header-icon", "danger-icon");
        setGraphic(icon);
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.WINDOW_MODAL);
        if (themes != null) {
            themes.style(getDialogPane());
        }
        getDialogPane().getStyleClass().add("delete-confirmation");
        Button delete = (Button) getDialogPane().lookupButton(DELETE);
        delete.getStyleClass().add("danger");
        delete.setDefaultButton(false);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
    }

    static String explanation(ModelDeployment deployment) {
        int versions = deployment.entityVersion();
        String which = versions == 1 ? "Its version" : "All " + versions + " versions";
        if (deployment.status() == DeploymentStatus.DELETED) {
            return "The latest version is already deleted. If every version is deleted, the deployment is purged"
                    + " now; otherwise the remaining versions are marked "
                    + StatusStyle.displayName(DeploymentStatus.DELETING) + ".";
        }
        return which + " will be marked " + StatusStyle.displayName(DeploymentStatus.DELETING)
                + ": the controller stops the model server, and the deployment disappears once it reaches "
                + StatusStyle.displayName(DeploymentStatus.DELETED) + ". This cannot be undone.";
    }

    /** True when the user chose Delete. */
    public boolean confirmed() {
        return showAndWait().filter(DELETE::equals).isPresent();
    }
}
