package io.modeldeploy.gui.list;

import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.testing.FxLookup;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.model.DeploymentStatus;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Until the first page of the fleet has arrived the list says "Starting…", never that there
 * are no deployments; after it, the placeholder tells an empty fleet from a failed read.
 */
@ExtendWith(ApplicationExtension.class)
class ListPlaceholderUiTest {

    private final FakeClient client = new FakeClient();
    private final StepExecutor background = new StepExecutor();
    private DeploymentListViewModel viewModel;
    private DeploymentListView view;

    @Start
    void start(Stage stage) {
        viewModel = new DeploymentListViewModel(TestSessions.of(client, TaskRunner.onFx(background)));
        view = new DeploymentListView(viewModel, ListActionsForTests.NONE);
        Scene scene = new Scene(view, 900, 500);
        new ThemeManager(Theme.LIGHT).style(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void saysStartingUntilTheFirstPageThenShowsItsRows(FxRobot robot) {
        client.deployments = List.of(
                Deployments.of("team", "llama", 1, DeploymentStatus.READY, "up", Instant.parse("2026-12-01T00:00:00Z")),
                Deployments.of("team", "mistral", 1, DeploymentStatus.ERROR, "GPU lost", Instant.parse("2026-12-01T00:01:00Z")));
        robot.interact(viewModel::refresh);

        assertTrue(placeholderShows(robot, "Starting…"), "starting placeholder before the first page");
        assertTrue(FxLookup.find(robot, labelWith("No deployments yet")).isEmpty(), "never 'no deployments' while starting");

        background.round();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.table().getItems().size());
    }

    @Test
    void anEmptyFleetSaysSoOnlyAfterItsFirstPage(FxRobot robot) {
        robot.interact(viewModel::refresh);
        assertTrue(placeholderShows(robot, "Starting…"));

        background.round();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(placeholderShows(robot, "No deployments yet"));
        assertTrue(FxLookup.find(robot, labelWith("Starting…")).isEmpty());
    }

    @Test
    void aFailedFirstReadSaysItFailedInsteadOfLoadingForever(FxRobot robot) {
        client.failure = new ApiException(500, "Failed to list deployments", List.of());
        robot.interact(viewModel::refresh);
        assertTrue(placeholderShows(robot, "Starting…"));

        background.round();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(placeholderShows(robot, "Could not load deployments"));
        assertTrue(FxLookup.find(robot, labelWith("Starting…")).isEmpty());
    }

    private static boolean placeholderShows(FxRobot robot, String title) {
        return FxLookup.find(robot, labelWith(title)).isPresent();
    }

    private static java.util.function.Predicate<Node> labelWith(String text) {
        return node -> node instanceof Label label && text.equals(label.getText()) && label.isVisible()
                && label.getScene() != null;
    }
}
