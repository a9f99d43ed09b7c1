package io.modeldeploy.gui.alerts;

import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.AttentionReason;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The panel under the status bar's bell: the alerts, newest first (deployment, what happened, when
 * (relative; exact on hover), by whom); the ones unread when it opened are marked. Clicking an entry
 * (or Enter) hands it to {@code onChoose}; "Mark all read", "Clear" and "Rules…" at the top.
 */
public final class AlertPanelView extends VBox {

    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");

    private final AlertCenter alerts;
    private final Consumer<DeploymentAlert> onChoose;
    private final Runnable onRules;
    /** How many of the first alerts were unread when the panel opened (or arrived while it is open): marked as new. */
    private final IntegerProperty unreadWhenOpened = new SimpleIntegerProperty(this, "unreadWhenOpened");

    @FXML
    private Button rulesButton;
    @FXML
    private Button markReadButton;
    @FXML
    private Button clearButton;
    @FXML
    private ListView<DeploymentAlert> alertList;

    public AlertPanelView(AlertCenter alerts, Consumer<DeploymentAlert> onChoose, Runnable onRules) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.onChoose = Objects.requireNonNull(onChoose, "onChoose");
        this.onRules = Objects.requireNonNull(onRules, "onRules");
        FXMLLoader loader = new FXMLLoader(AlertPanelView.class.getResource("AlertPanelView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load AlertPanelView.fxml", e);
        }
    }

    @FXML
    private void initialize() {
        setId("alertPanel");
        alertList.setId("alertList");
        markReadButton.setId("alertsMarkRead");
        clearButton.setId("alertsClear");
        rulesButton.setId("alertsRules");
        alertList.setItems(alerts.alerts());
        alertList.setCellFactory(list -> new AlertCell());
        Label empty = new Label("No alerts. An alert appears here when a deployment moves into a status the "
                + "notification rules watch (Error and Lost unless changed) or becomes stuck.");
        empty.setWrapText(true);
        empty.getStyleClass().add("alert-panel-empty");
        alertList.setPlaceholder(empty);
        alertList.setOnKeyPressed(event -> {
            DeploymentAlert chosen = alertList.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && chosen != null) {
                onChoose.accept(chosen);
            }
        });
        clearButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(alerts.alerts()));
        markReadButton.disableProperty().bind(alerts.unreadProperty().isEqualTo(0).and(unreadWhenOpened.isEqualTo(0)));
        // Alerts arriving while the panel is open are seen at once: marked as new here, read for the bell.
        alerts.unreadProperty().addListener((obs, old, unread) -> {
            if (unread.intValue() > 0 && isOpen()) {
                unreadWhenOpened.set(Math.min(alerts.alerts().size(), unreadWhenOpened.get() + unread.intValue()));
                alerts.markAllRead();
                alertList.refresh();
            }
        });
    }

    private boolean isOpen() {
        return getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
    }

    /** The panel is opening: the alerts unread until now are marked, and count as read from now on. */
    public void opened() {
        unreadWhenOpened.set(alerts.unreadProperty().get());
        alerts.markAllRead();
        alertList.refresh();
        alertList.getSelectionModel().clearSelection();
        alertList.scrollTo(0);
        alertList.requestFocus();
    }

    @FXML
    private void markAllRead() {
        alerts.markAllRead();
        unreadWhenOpened.set(0);
        alertList.refresh();
    }

    @FXML
    private void clear() {
        alerts.clear();
        unreadWhenOpened.set(0);
    }

    @FXML
    private void openRules() {
        onRules.run();
    }

    public ListView<DeploymentAlert> list() {
        return alertList;
    }

    private final class AlertCell extends ListCell<DeploymentAlert> {

        private final Label deployment = new Label();
        private final Label what = new Label();
        private final Label when = new Label();
        private final Tooltip exact = new Tooltip();
        private final Tooltip whole = new Tooltip();
        private final HBox box;

        AlertCell() {
            deployment.getStyleClass().add("alert-deployment");
            what.getStyleClass().add("alert-what");
            what.setWrapText(true);
            whole.setWrapText(true);
            whole.setMaxWidth(480);
            what.setTooltip(whole);
            when.getStyleClass().add("alert-when");
            when.setTooltip(exact);
            VBox text = new VBox(2, deployment, what, when);
            HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            text.setMinWidth(0);
            box = new HBox(8, new Region(), text);
            box.getStyleClass().add("alert-entry");
            setPrefWidth(0);
            setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && getItem() != null) {
                    onChoose.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(DeploymentAlert alert, boolean empty) {
            super.updateItem(alert, empty);
            pseudoClassStateChanged(UNREAD, !empty && alert != null && getIndex() < unreadWhenOpened.get());
            if (empty || alert == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FontIcon icon;
            if (alert.stuck()) {
                icon = StatusStyle.attentionIcon();
                StatusStyle.applyAttentionClass(icon, AttentionReason.STUCK);
            } else {
                icon = StatusStyle.iconNode(alert.status());
            }
            icon.getStyleClass().add("alert-icon");
            box.getChildren().set(0, icon);
            deployment.setText(alert.deployment());
            what.setText(alert.what());
            whole.setText(alert.what());
            String by = alert.actor() == null ? "" : " \u00b7 by " + alert.actor();
            when.setText(TimeFormat.relative(alert.at(), alerts.now()) + by);
            exact.setText(TimeFormat.exact(alert.at()));
            setText(null);
            setGraphic(box);
            setAccessibleText(alert.deployment() + ", " + alert.what() + ", " + when.getText());
        }
    }
}
