package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.style.ThemeManager;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

/** A failed action, told in plain words: what was tried and what the server (or network) said. */
public final class ErrorAlert extends Alert {

    public ErrorAlert(Window owner, ThemeManager themes, String action, ApiException error) {
        this(owner, themes, action, ErrorTexts.alert(error));
    }

    public ErrorAlert(Window owner, ThemeManager themes, String action, String detail) {
        super(AlertType.ERROR, detail, ButtonType.CLOSE);
        setTitle("ModelDeploy Console");
        setHeaderText(action);
        if (owner != null) {
            initOwner(owner);
            initModality(Modality.WINDOW_MODAL);
        }
        if (themes != null) {
            themes.style(getDialogPane());
        }
        getDialogPane().setMinWidth(440);
    }
}
