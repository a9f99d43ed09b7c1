package io.modeldeploy.gui;

import io.modeldeploy.gui.dialogs.ErrorAlert;
import io.modeldeploy.gui.main.GuiPreferences;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.util.AppInfo;
import io.modeldeploy.gui.session.TaskRunner;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.concurrent.ExecutorService;

/**
 * The JavaFX application: the main window, built while the server starts (or is reached); its list
 * says "Starting…" until the server's first page is there. Closing the window stops the built-in
 * server, whether it was started at launch or later from File ▸ Connect to server…. Start it
 * through {@link ConsoleLauncher}.
 */
public final class ConsoleApp extends Application {

    private static volatile int exitCode;
    /** The server start {@link #launch} began before the toolkit, or why it could not begin. */
    private static volatile ServerConnection.Starting launchedStart;
    private static volatile String launchedStartFailure;

    private LaunchOptions options;
    private String startupError;
    private volatile BuiltInServer builtInServer;
    private ExecutorService workers;
    private ConsoleWindow window;

    /** The process exit code the launcher uses after the application ends: 0, or 1 if start-up failed. */
    static int exitCode() {
        return exitCode;
    }

    /**
     * Starts the server (or reaching it) on a thread of its own, then JavaFX on this one: the two
     * start-ups overlap, and the main window is built while the server starts.
     */
    static void launch(LaunchOptions options, String[] args) {
        try {
            launchedStart = ServerConnection.start(options);
        } catch (ServerConnection.StartupException e) {
            launchedStartFailure = e.getMessage();
        }
        Application.launch(ConsoleApp.class, args);
    }

    @Override
    public void init() {
        try {
            options = LaunchOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            options = null;
            startupError = e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) {
        GuiPreferences preferences = GuiPreferences.forUser();
        ThemeManager themes = new ThemeManager(preferences.theme());
        if (options == null) {
            fail(themes, "Invalid command line: " + startupError);
            return;
        }
        ServerConnection.Starting starting;
        try {
            starting = serverStart();
        } catch (ServerConnection.StartupException e) {
            fail(themes, e.getMessage());
            return;
        }
        builtInServer = starting.info().embedded() ? BuiltInServer.starting(starting)
                : BuiltInServer.onDemand(LaunchOptions.defaults());
        workers = TaskRunner.newWorkerPool();
        window = new ConsoleWindow(stage, themes, preferences, getHostServices()::showDocument,
                TaskRunner.onFx(workers), builtInServer);
        // The list says "Starting…" until the server answers; its first page is asked for meanwhile.
        window.show(starting.client(), starting.info());
        starting.ready().whenComplete((started, failure) -> {
            if (failure != null) {
                Platform.runLater(() -> fail(themes, ServerConnection.oneLine(failure.getMessage(), failure)));
            }
        });
    }

    /** The start {@link #launch} began before JavaFX, or a new one (when started by other means, as in tests). */
    private ServerConnection.Starting serverStart() throws ServerConnection.StartupException {
        if (launchedStartFailure != null) {
            throw new ServerConnection.StartupException(launchedStartFailure, null);
        }
        return launchedStart != null ? launchedStart : ServerConnection.start(options);
    }

    private void fail(ThemeManager themes, String message) {
        exitCode = 1;
        System.err.println(AppInfo.NAME + " could not start: " + message);
        ErrorAlert alert = new ErrorAlert(null, themes, AppInfo.NAME + " could not start", message);
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.stop();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        BuiltInServer server = builtInServer;
        if (server != null) {
            server.close();
        }
    }
}
