package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.util.TimeFormat;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import java.time.ZoneId;

/**
 * The main window's status bar ({@code StatusBarView.fxml}, included by {@code MainView.fxml}):
 * the live connection with a dot and an explaining tooltip, the server, "read-only: viewer token"
 * when this console may not write, the last thing that
 * happened, a load indicator, how many rows are selected ("3 selected"), the counts and when the
 * list was last read.
 */
public final class StatusBarView {

    private static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass RECONNECTING = PseudoClass.getPseudoClass("reconnecting");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    @FXML
    private Label connectionLabel;
    @FXML
    private Label liveLabel;
    @FXML
    private Region liveDot;
    @FXML
    private Label readOnlyLabel;
    @FXML
    private Label activityLabel;
    @FXML
    private ProgressBar loadingBar;
    @FXML
    private Label selectionLabel;
    @FXML
    private Label countLabel;
    @FXML
    private Label refreshedLabel;

    private final Tooltip liveTip = new Tooltip();

    /** Binds the labels to the main view-model. */
    void bind(MainViewModel viewModel) {
        DeploymentListViewModel list = viewModel.list();
        String server = viewModel.connectionInfo().baseUrl().toString();
        connectionLabel.setText(ErrorTexts.server(viewModel.connectionInfo()));
        liveLabel.textProperty().bind(viewModel.liveTextProperty());
        liveLabel.accessibleTextProperty().bind(viewModel.liveTextProperty());
        liveTip.setWrapText(true);
        liveTip.setMaxWidth(420);
        liveLabel.setTooltip(liveTip);
        var liveState = viewModel.session().liveStateProperty();
        liveState.addListener((obs, old, now) -> showLiveState(now, server, viewModel));
        showLiveState(liveState.get(), server, viewModel);
        readOnlyLabel.setId("readOnlyLabel");
        readOnlyLabel.textProperty().bind(viewModel.readOnlyTextProperty());
        readOnlyLabel.visibleProperty().bind(viewModel.readOnlyProperty());
        readOnlyLabel.managedProperty().bind(readOnlyLabel.visibleProperty());
        readOnlyLabel.setTooltip(new Tooltip("The server lets this token read but not change anything: creating, "
                + "changing a status and deleting are turned off. Connect with an editor token to change deployments."));
        activityLabel.textProperty().bind(viewModel.activityProperty());
        loadingBar.visibleProperty().bind(list.loadingProperty());
        loadingBar.managedProperty().bind(loadingBar.visibleProperty());
        loadingBar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        selectionLabel.setId("selectionLabel");
        selectionLabel.textProperty().bind(viewModel.selectionTextProperty());
        selectionLabel.visibleProperty().bind(viewModel.selectionTextProperty().isNotEmpty());
        selectionLabel.managedProperty().bind(selectionLabel.visibleProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());
        refreshedLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            if (list.loadingProperty().get()) {
                return "Refreshing…";
            }
            var last = list.lastLoadedProperty().get();
            return last == null ? "" : "Refreshed " + TimeFormat.clockTime(last, ZoneId.systemDefault());
        }, list.loadingProperty(), list.lastLoadedProperty()));
    }

    private void showLiveState(State state, String server, MainViewModel viewModel) {
        boolean polling = viewModel.session().pollingProperty().get();
        liveDot.pseudoClassStateChanged(CONNECTING, state == State.CONNECTING);
        liveDot.pseudoClassStateChanged(LIVE, state == State.LIVE);
        liveDot.pseudoClassStateChanged(RECONNECTING, state == State.RECONNECTING);
        boolean offline = state == State.OFFLINE || state == State.CLOSED;
        liveDot.pseudoClassStateChanged(OFFLINE, offline);
        liveLabel.pseudoClassStateChanged(OFFLINE, offline);
        liveTip.setText(switch (state) {
            case CONNECTING -> "Connecting to the change stream of " + server + "…";
            case LIVE -> polling
                    ? "This server has no change stream: the console reads every deployment again at that "
                            + "interval and marks what changed since the read before."
                    : "Changes made anywhere (other consoles, scripts, controllers) show here as they happen.";
            case RECONNECTING -> "The connection to " + server + " broke. Reconnecting; changes made meanwhile "
                    + "will be caught up.";
            case OFFLINE -> "The server at " + server + " can't be reached. The console keeps trying and catches "
                    + "up with every change once it is back.";
            case CLOSED -> "Not following changes.";
        });
    }
}
