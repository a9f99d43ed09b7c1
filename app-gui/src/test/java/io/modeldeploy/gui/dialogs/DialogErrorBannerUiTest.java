package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static io.modeldeploy.gui.testing.FxLookup.onFxThread;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long error in a dialog never pushes its buttons out of reach. */
@ExtendWith(ApplicationExtension.class)
class DialogErrorBannerUiTest {

    private static final String LONG_ERROR = "Access denied to deployment config 'llama-nim' in workspace 'team-nlp'. "
            .repeat(30);

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 1024, 700));
        stage.show();
    }

    private static Button button(Dialog<?> dialog, String text) {
        return dialog.getDialogPane().lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && text.equals(b.getText()))
                .map(Button.class::cast).findFirst().orElseThrow();
    }

    private static void assertInside(Dialog<?> dialog, Button button) {
        Bounds bounds = onFxThread(() -> button.localToScene(button.getLayoutBounds()));
        double height = onFxThread(() -> dialog.getDialogPane().getScene().getHeight());
        assertTrue(bounds.getMaxY() <= height && bounds.getMinY() >= 0,
                button.getText() + " at " + bounds + " in a dialog " + height + " high");
        assertTrue(onFxThread(button::isVisible), button.getText() + " is visible");
    }

    @Test
    void aLongErrorInNewDeploymentKeepsCreateAndCancelInTheDialog(FxRobot robot) {
        RecordingClient client = new RecordingClient();
        client.failure = new ApiException(403, LONG_ERROR, List.of());
        NewDeploymentViewModel model = new NewDeploymentViewModel(TestSessions.of(client, TaskRunner.direct()),
                List.of("team-nlp"), "team-nlp", null, null);
        NewDeploymentDialog dialog = onFxThread(() -> new NewDeploymentDialog(owner, new ThemeManager(Theme.LIGHT), model));
        robot.interact(dialog::show);
        robot.interact(() -> {
            model.name().textProperty().set("llama-3");
            model.config().textProperty().set("llama-nim");
            button(dialog, "Create").fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(onFxThread(() -> model.generalErrorProperty().get() != null), "the error is shown");
        assertInside(dialog, onFxThread(() -> button(dialog, "Create")));
        assertInside(dialog, onFxThread(() -> button(dialog, "Cancel")));
        robot.interact(dialog::close);
    }
}
