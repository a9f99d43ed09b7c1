package io.modeldeploy.gui;

import io.modeldeploy.gui.alerts.DesktopNotifier;
import io.modeldeploy.gui.alerts.NotifySend;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.main.ConsoleContext;
import io.modeldeploy.gui.main.ConsoleViewModels;
import io.modeldeploy.gui.main.GuiPreferences;
import io.modeldeploy.gui.main.MainView;
import io.modeldeploy.gui.main.ServerSwitch;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.util.AppInfo;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's main window and the server it shows. Moving to another server builds a new
 * {@link MainView} for it in the same window: the old view leaves the scene, which closes its event
 * stream, so nothing keeps talking to the old server. The title names the server in use.
 */
final class ConsoleWindow implements ServerSwitch {

    private final Stage stage;
    private final ThemeManager themes;
    private final GuiPreferences preferences;
    private final Consumer<String> browser;
    private final TaskRunner tasks;
    private final BuiltInServer builtInServer;
    /** notify-send where the desktop has it: looked up once, shared by the views of every server. */
    private final DesktopNotifier desktop = NotifySend.ifInstalled();
    private MainView view;

    ConsoleWindow(Stage stage, ThemeManager themes, GuiPreferences preferences, Consumer<String> browser,
                  TaskRunner tasks, BuiltInServer builtInServer) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.themes = Objects.requireNonNull(themes, "themes");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.builtInServer = Objects.requireNonNull(builtInServer, "builtInServer");
    }

    /** "ModelDeploy Console — http://127.0.0.1:8080". */
    static String title(ConnectionInfo connection) {
        return AppInfo.NAME + " \u2014 " + connection.baseUrl();
    }

    /** Shows the window for the server the console was started with. */
    void show(DeploymentApiClient client, ConnectionInfo connection) {
        ConsoleContext context = contextFor(client, connection);
        ConsoleViewModels models = modelsFor(context);
        // Following the server starts before the window is built: its first calls overlap with the
        // building, and their answers come back on this thread once the window is there.
        models.session().start();
        view = new MainView(context, models);
        Scene scene = new Scene(view);
        themes.style(scene);
        FirstDataReport.installIfAsked(scene, view.viewModel().list().visibleRows());
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        connectedTo(connection);
        view.attach(stage);
        stage.show();
        view.start();
        // Drawn after the window is up, while its first page is read: not on the way to the window.
        Platform.runLater(() -> stage.getIcons().setAll(AppIcon.images()));
    }

    @Override
    public void switchTo(ConnectionInfo connection) {
        MainView previous = view;
        ConsoleContext context = contextFor(new HttpDeploymentApiClient(connection.baseUrl(), connection.token()),
                connection);
        view = new MainView(context, modelsFor(context));
        // Out of the scene, the previous view stops following its server.
        stage.getScene().setRoot(view);
        view.takeOver(previous, stage);
        connectedTo(connection);
        view.start();
    }

    @Override
    public Optional<URI> runningBuiltInServer() {
        return builtInServer.runningAt();
    }

    @Override
    public ConnectionInfo builtInServer() throws ApiException {
        try {
            return builtInServer.connection();
        } catch (ServerConnection.StartupException e) {
            throw ApiException.connectionFailure(e.getMessage(), e);
        }
    }

    /** The view of the server in use; null before {@link #show}. */
    MainView view() {
        return view;
    }

    /** Stops following the server (the console closes). */
    void stop() {
        if (view != null) {
            view.stop();
        }
    }

    /** The view-models of a server's view; the heap gives back the peak of its first fleet read. */
    private static ConsoleViewModels modelsFor(ConsoleContext context) {
        ConsoleViewModels models = ConsoleViewModels.create(context);
        HeapRelease.afterFirstFleetRead(models.session());
        return models;
    }

    private ConsoleContext contextFor(DeploymentApiClient client, ConnectionInfo connection) {
        return new ConsoleContext(client, tasks, themes, preferences, connection, browser, this, desktop);
    }

    private void connectedTo(ConnectionInfo connection) {
        stage.setTitle(title(connection));
        if (!connection.embedded()) {
            preferences.rememberServer(connection.baseUrl());
        }
    }
}
