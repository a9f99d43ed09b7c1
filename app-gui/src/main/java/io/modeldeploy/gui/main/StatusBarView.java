package io.modeldeploy.gui.main;

import io.modeldeploy.gui.alerts.AlertCenter;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.util.TimeFormat;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;

/**
 * The main window's status bar ({@code StatusBarView.fxml}, included by {@code MainView.fxml}):
 * the live connection with a dot and an explaining tooltip, the server, "read-only: viewer token"
 * when this console may not write, the last thing that
 * happened, a load indicator, how many rows are selected ("3 selected"), the counts and when the
 * list was last read; the alert bell with the number of unread alerts.
 */
public final class StatusBarView {

    private static final PseudoClass CONNECTING = PseudoClass.getPseudoClass("connecting");
    private static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    private static final PseudoClass RECONNECTING = PseudoClass.getPseudoClass("reconnecting");
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");

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
    @FXML
    private Button bellButton;
    @FXML
    private FontIcon bellIcon;

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

    /**
     * The bell: the unread count (none shown at 0), {@code open} on click; and the tick that finds
     * deployments that have become stuck while nothing changed.
     */
    void bindAlerts(AlertCenter alerts, Runnable open) {
        bellButton.setId("alertBell");
        var unread = alerts.unreadProperty();
        bellButton.textProperty().bind(Bindings.createStringBinding(
                () -> unread.get() == 0 ? "" : unread.get() > 99 ? "99+" : Integer.toString(unread.get()), unread));
        bellButton.setAccessibleText("Alerts");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> switch (unread.get()) {
            case 0 -> "Alerts: none unread. Click to see the alerts; View \u25b8 Notification rules\u2026 says which "
                    + "changes raise one.";
            case 1 -> "1 unread alert. Click to see it.";
            default -> unread.get() + " unread alerts. Click to see them.";
        }, unread));
        bellButton.setTooltip(tip);
        unread.addListener((obs, old, now) -> showUnread(now.intValue()));
        showUnread(unread.get());
        bellButton.setOnAction(event -> open.run());
        Timeline stuckCheck = new Timeline(new KeyFrame(Duration.millis(AlertCenter.STUCK_CHECK_INTERVAL.toMillis()),
                event -> alerts.recheckStuck()));
        stuckCheck.setCycleCount(Timeline.INDEFINITE);
        bellButton.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                stuckCheck.stop();
            } else {
                stuckCheck.play();
            }
        });
        if (bellButton.getScene() != null) {
            stuckCheck.play();
        }
    }

    private void showUnread(int count) {
        bellButton.pseudoClassStateChanged(UNREAD, count > 0);
        bellIcon.setIconLiteral(count > 0 ? "mdmz-notifications_active" : "mdmz-notifications_none");
    }

    /** The bell, for anchoring the alert panel and the toast. */
    Button bell() {
        return bellButton;
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
