package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.Async;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.text.NumberFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * State of the main window: the selected deployment, the connection to the server, the last
 * thing that happened (status bar), and the actions that change data (create, new version,
 * delete), which update the list from the server's answers.
 */
public final class MainViewModel {

    /** Whether the last health check reached the server. */
    public enum Connection {
        CHECKING, ONLINE, OFFLINE
    }

    private final DeploymentApiClient client;
    private final Async async;
    private final ConnectionInfo connectionInfo;
    private final DeploymentListViewModel list;

    private final ObjectProperty<DeploymentRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(this, "connection",
            Connection.CHECKING);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final StringBinding countText;
    private boolean healthCheckRunning;

    public MainViewModel(DeploymentApiClient client, Async async, ConnectionInfo connectionInfo,
                         DeploymentListViewModel list) {
        this.client = Objects.requireNonNull(client, "client");
        this.async = Objects.requireNonNull(async, "async");
        this.connectionInfo = Objects.requireNonNull(connectionInfo, "connectionInfo");
        this.list = Objects.requireNonNull(list, "list");
        NumberFormat numbers = NumberFormat.getIntegerInstance();
        countText = Bindings.createStringBinding(() -> {
            int total = list.totalCountProperty().get();
            int shown = list.shownCountProperty().get();
            String noun = total == 1 ? "deployment" : "deployments";
            return shown == total ? numbers.format(total) + " " + noun
                    : "Showing " + numbers.format(shown) + " of " + numbers.format(total) + " " + noun;
        }, list.totalCountProperty(), list.shownCountProperty());
        list.loadErrorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                activity.set("Refresh failed: " + now);
            }
        });
    }

    public DeploymentListViewModel list() {
        return list;
    }

    public ConnectionInfo connectionInfo() {
        return connectionInfo;
    }

    // ------------------------------------------------------------------ actions

    /** A deployment was created through the New deployment dialog. */
    public void created(ModelDeployment deployment) {
        list.upsert(deployment);
        activity.set("Created " + deployment.qualifiedName() + " (version " + deployment.entityVersion() + ")");
    }

    /** A new version was created through the New version dialog. */
    public void versionCreated(ModelDeployment deployment) {
        list.upsert(deployment);
        activity.set("Created version " + deployment.entityVersion() + " of " + deployment.qualifiedName());
    }

    /** The detail pane applied a status change. */
    public void statusChanged(ModelDeployment deployment) {
        list.upsert(deployment);
        activity.set(deployment.qualifiedName() + " v" + deployment.entityVersion() + " is now "
                + StatusStyle.displayName(deployment.status()));
    }

    /**
     * Deletes a deployment on the server. The list then shows the server's answer: the latest
     * version marked DELETING, or no row at all when the deployment was purged.
     */
    public void delete(ModelDeployment deployment, Consumer<Optional<ModelDeployment>> onDone,
                       Consumer<ApiException> onFailure) {
        activity.set("Deleting " + deployment.qualifiedName() + "…");
        async.run(() -> client.deleteDeployment(deployment.workspace(), deployment.name()),
                result -> {
                    if (result.isPresent()) {
                        list.upsert(result.get());
                        activity.set(deployment.qualifiedName() + " is marked "
                                + StatusStyle.displayName(result.get().status()) + "; the controller removes it");
                    } else {
                        list.remove(deployment.workspace(), deployment.name());
                        activity.set("Purged " + deployment.qualifiedName());
                    }
                    onDone.accept(result);
                },
                error -> {
                    if (error.isNotFound()) {
                        list.remove(deployment.workspace(), deployment.name());
                    }
                    activity.set("Could not delete " + deployment.qualifiedName() + ": " + error.detail());
                    onFailure.accept(error);
                });
    }

    public void refresh() {
        activity.set("");
        list.refresh();
        checkHealth();
    }

    /** Asks the server's health endpoint, unless a check is already running. */
    public void checkHealth() {
        if (healthCheckRunning) {
            return;
        }
        healthCheckRunning = true;
        async.run(client::isHealthy,
                healthy -> {
                    healthCheckRunning = false;
                    Connection before = connection.get();
                    connection.set(healthy ? Connection.ONLINE : Connection.OFFLINE);
                    if (before == Connection.OFFLINE && healthy) {
                        activity.set("Connection restored");
                        list.refresh();
                    }
                },
                error -> {
                    healthCheckRunning = false;
                    connection.set(Connection.OFFLINE);
                });
    }

    /** Shows a message in the status bar. */
    public void report(String message) {
        activity.set(message == null ? "" : message);
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<DeploymentRow> selectedProperty() {
        return selected;
    }

    public Optional<ModelDeployment> selectedDeployment() {
        DeploymentRow row = selected.get();
        return row == null ? Optional.empty() : Optional.of(row.deployment());
    }

    public BooleanBinding hasSelectionProperty() {
        return hasSelection;
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** "1,204 deployments" or "Showing 12 of 1,204 deployments". */
    public StringBinding countTextProperty() {
        return countText;
    }
}
