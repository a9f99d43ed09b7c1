package io.modeldeploy.gui.list;

import io.modeldeploy.gui.session.ConsoleSession;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * What the deployment table shows without rows: starting (the server starts or the first page is
 * on its way), why the first load failed (with Try again), no deployments yet (with New
 * deployment…), or nothing matching the filters (with Clear filters).
 */
final class ListPlaceholder {

    /** The title until the first page of deployments is there. */
    static final String STARTING = "Starting…";

    private ListPlaceholder() {
    }

    static void install(TableView<DeploymentRow> table, DeploymentListViewModel viewModel, ListActions actions) {
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("placeholder-icon");
        Label title = new Label();
        title.getStyleClass().add("placeholder-title");
        Label text = new Label();
        text.getStyleClass().add("placeholder-text");
        text.setWrapText(true);
        Button action = new Button();
        action.getStyleClass().add("placeholder-action");
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("placeholder-progress");
        progress.setPrefSize(36, 36);
        VBox box = new VBox(10, progress, icon, title, text, action);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        box.getStyleClass().add("table-placeholder");
        table.setPlaceholder(box);

        InvalidationListener update = obs -> {
            ConsoleSession.FleetState state = viewModel.loadStateProperty().get();
            boolean loadingFirst = state == ConsoleSession.FleetState.LOADING;
            progress.setVisible(loadingFirst);
            progress.setManaged(loadingFirst);
            icon.setVisible(!loadingFirst);
            icon.setManaged(!loadingFirst);
            action.setVisible(!loadingFirst);
            action.setManaged(!loadingFirst);
            if (loadingFirst) {
                title.setText(STARTING);
                text.setText(viewModel.connection().embedded() ? "Starting the local server and reading its deployments."
                        : "Reading the deployments from " + viewModel.connection().baseUrl() + ".");
            } else if (state == ConsoleSession.FleetState.FAILED) {
                icon.setIconCode(Material2MZ.SYNC_PROBLEM);
                title.setText("Could not load deployments");
                text.setText(viewModel.loadErrorProperty().get());
                action.setText("Try again");
                action.setOnAction(e -> actions.refresh());
            } else if (viewModel.totalCountProperty().get() == 0) {
                icon.setIconCode(Material2AL.LAYERS);
                title.setText("No deployments yet");
                text.setText("Create the first one; deployments that scripts and controllers create appear here as they happen.");
                action.setText("New deployment…");
                action.setOnAction(e -> actions.newDeployment());
            } else {
                icon.setIconCode(Material2MZ.SEARCH_OFF);
                title.setText("No deployments match");
                text.setText("Nothing in the current workspace, status and search filters.");
                action.setText("Clear filters");
                action.setOnAction(e -> viewModel.clearFilters());
            }
        };
        viewModel.loadStateProperty().addListener(update);
        viewModel.loadErrorProperty().addListener(update);
        viewModel.totalCountProperty().addListener(update);
        viewModel.filterProperty().addListener(update);
        update.invalidated(null);
    }
}
