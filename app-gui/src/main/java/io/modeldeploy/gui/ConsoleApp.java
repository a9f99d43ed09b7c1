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
 * The JavaFX application: shows a splash while the server starts (or is reached), then the main
 * window. Closing the window stops the built-in server, whether it was started at launch or later
 * from File ▸ Connect to server…. Start it through {@link ConsoleLauncher}.
 */
public final class ConsoleApp extends Application {

    private static volatile int exitCode;

    private LaunchOptions options;
    private String startupError;
    private volatile BuiltInServer builtInServer;
    private ExecutorService workers;
    private ConsoleWindow window;

    /** The process exit code the launcher uses after the application ends: 0, or 1 if start-up failed. */
    static int exitCode() {
        return exitCode;
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
        SplashView splash = new SplashView(themes);
        splash.show();
        Thread starter = new Thread(() -> {
            try {
                ServerConnection opened = ServerConnection.open(options,
                        text -> Platform.runLater(() -> splash.setMessage(text)));
                builtInServer = opened.info().embedded() ? BuiltInServer.running(opened)
                        : BuiltInServer.onDemand(LaunchOptions.defaults());
                Platform.runLater(() -> {
                    showMainWindow(stage, themes, preferences, opened);
                    splash.close();
                });
            } catch (ServerConnection.StartupException e) {
                Platform.runLater(() -> {
                    fail(themes, e.getMessage());
                    splash.close();
                });
            }
        }, "modeldeploy-startup");
        starter.setDaemon(true);
        starter.start();
    }

    private void showMainWindow(Stage stage, ThemeManager themes, GuiPreferences preferences,
                                ServerConnection opened) {
        workers = TaskRunner.newWorkerPool();
        window = new ConsoleWindow(stage, themes, preferences, getHostServices()::showDocument,
                TaskRunner.onFx(workers), builtInServer);
        window.show(opened.client(), opened.info());
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
