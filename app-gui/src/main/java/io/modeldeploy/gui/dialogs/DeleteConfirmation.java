package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.ModelDeployment;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.util.List;

/**
 * Asks before deleting a deployment, saying what will happen to it ({@link DeleteOutcome}).
 * Cancel is the default button.
 */
public final class DeleteConfirmation extends Alert {

    public static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);

    public DeleteConfirmation(Window owner, ThemeManager themes, ModelDeployment deployment,
                              List<ModelDeployment> knownVersions) {
        super(AlertType.CONFIRMATION, DeleteOutcome.of(deployment, knownVersions).explanation(), DELETE,
                ButtonType.CANCEL);
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

    /** True when the user chose Delete. */
    public boolean confirmed() {
        return showAndWait().filter(DELETE::equals).isPresent();
    }
}
