package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.style.ThemeManager;
import javafx.application.Platform;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.event.ActionEvent;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/** Plumbing shared by the console's dialogs: FXML loading, theme, owner and the submit button. */
final class DialogSupport {

    private DialogSupport() {
    }

    /** Loads {@code <ViewClass>.fxml} into the dialog's pane, with {@code controller} as controller. */
    static void loadPane(Dialog<?> dialog, Object controller) {
        String fxml = controller.getClass().getSimpleName() + ".fxml";
        URL url = Objects.requireNonNull(controller.getClass().getResource(fxml), "missing " + fxml);
        FXMLLoader loader = new FXMLLoader(url);
        DialogPane pane = new DialogPane();
        loader.setRoot(pane);
        loader.setController(controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml, e);
        }
        dialog.setDialogPane(pane);
    }

    static void prepare(Dialog<?> dialog, Window owner, ThemeManager themes) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        if (themes != null) {
            themes.style(dialog.getDialogPane());
        }
    }

    /**
     * Makes {@code okType} run {@code onSubmit} instead of closing the dialog, and disables it while
     * the form is invalid or a request is running.
     */
    static Button submitButton(Dialog<?> dialog, ButtonType okType, BooleanExpression valid,
                               ReadOnlyBooleanProperty submitting, Runnable onSubmit) {
        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.setDefaultButton(true);
        ok.getStyleClass().add("accent");
        ok.disableProperty().bind(valid.not().or(submitting));
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            onSubmit.run();
        });
        // While the request runs the dialog stays open, so its answer is never lost.
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        if (cancel != null) {
            cancel.disableProperty().bind(submitting);
        }
        dialog.setOnCloseRequest(event -> {
            if (submitting.get()) {
                event.consume();
            }
        });
        return ok;
    }

    /** How high a general error banner grows before it scrolls, so it never pushes the buttons away. */
    static final double BANNER_MAX_HEIGHT = 120;

    /**
     * Shows the general error banner only when there is an error, in an area at most
     * {@value #BANNER_MAX_HEIGHT} px high that scrolls a longer text, and makes the dialog taller
     * to fit it, so the buttons always stay in the dialog.
     */
    static void bindBanner(Dialog<?> dialog, Label banner, ReadOnlyStringProperty error) {
        banner.textProperty().bind(error);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.setVisible(true);
        banner.setManaged(true);
        ScrollPane area = new ScrollPane();
        area.getStyleClass().add("form-error-area");
        area.setFitToWidth(true);
        area.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        area.setMaxHeight(BANNER_MAX_HEIGHT);
        area.setMinHeight(Region.USE_PREF_SIZE);
        Pane parent = (Pane) banner.getParent();
        parent.getChildren().set(parent.getChildren().indexOf(banner), area);
        area.setContent(banner);
        area.visibleProperty().bind(error.isNotNull().and(error.isNotEmpty()));
        area.managedProperty().bind(area.visibleProperty());
        error.addListener(observable -> Platform.runLater(() -> growToFit(dialog)));
    }

    /** A dialog keeps its size once shown: make it taller when its content needs more room. */
    static void growToFit(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        if (dialog.isShowing() && pane.prefHeight(pane.getWidth()) > pane.getScene().getHeight()) {
            pane.getScene().getWindow().sizeToScene();
        }
    }

    static void bindProgress(Node progress, ReadOnlyBooleanProperty submitting) {
        progress.visibleProperty().bind(submitting);
        progress.managedProperty().bind(submitting);
    }
}
