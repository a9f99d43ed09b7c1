package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.ThemeManager;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Asks before Demo ▸ Reset demo data: every deployment on the server, in every workspace and
 * including ones made by hand, is purged and replaced by the demo fleet. Cancel is the default.
 */
public final class ResetDemoConfirmation extends Alert {

    public static final ButtonType RESET = new ButtonType("Reset demo data", ButtonBar.ButtonData.OK_DONE);

    static final String EXPLANATION = "Every deployment on this server is replaced: all of them, in every workspace, "
            + "including the ones you created or changed, are purged with their versions and status history, and "
            + "the demo fleet is written again with its histories. Other consoles and clients of this server see "
            + "the change as it happens. This cannot be undone.";

    public ResetDemoConfirmation(Window owner, ThemeManager themes) {
        super(AlertType.CONFIRMATION, EXPLANATION, RESET, ButtonType.CANCEL);
        setTitle("Reset demo data");
        setHeaderText("Replace every deployment with the demo fleet?");
        FontIcon icon = new FontIcon(Material2MZ.RESTORE);
        icon.getStyleClass().addAll("dialog-header-icon", "danger-icon");
        setGraphic(icon);
        if (owner != null) {
            initOwner(owner);
        }
        initModality(Modality.WINDOW_MODAL);
        if (themes != null) {
            themes.style(getDialogPane());
        }
        getDialogPane().setPrefWidth(520);
        getDialogPane().getStyleClass().add("reset-demo-confirmation");
        Button reset = (Button) getDialogPane().lookupButton(RESET);
        reset.getStyleClass().add("danger");
        reset.setDefaultButton(false);
        Button cancel = (Button) getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
    }

    /** True when the user chose Reset. */
    public boolean confirmed() {
        return showAndWait().filter(RESET::equals).isPresent();
    }
}
