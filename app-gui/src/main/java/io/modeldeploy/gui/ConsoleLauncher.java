package io.modeldeploy.gui;

import io.modeldeploy.gui.util.AppInfo;
import javafx.application.Application;

import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Entry point of the console (also of a fat jar, which is why it does not extend
 * {@link Application}). Checks the command line and the display, then runs {@link ConsoleApp}
 * (whose server starts at the same time as JavaFX) and exits with its exit code.
 */
public final class ConsoleLauncher {

    /**
     * JavaFX warns when it is loaded from the class path (as in the fat jar); that is a supported
     * way to run this console, so exactly that warning is filtered out. Held here because loggers
     * are weakly referenced.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private ConsoleLauncher() {
    }

    /**
     * Under {@code mvnw javafx:run} a non-zero exit makes Maven print a stack trace of its own
     * below the console's one-line reason; there that line is the whole report, so Maven is told 0.
     */
    private static void exit(int code) {
        System.exit(Boolean.getBoolean("modeldeploy.launchedByMaven") ? 0 : code);
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("modeldeploy-console: " + e.getMessage() + " (try --help)");
            exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            System.exit(0);
            return;
        }
        if (options.version()) {
            System.out.println(AppInfo.NAME + " " + AppInfo.version());
            System.exit(0);
            return;
        }
        if (!DisplayCheck.hasDisplay()) {
            System.err.println(DisplayCheck.noDisplayMessage(AppInfo.version()));
            exit(3);
            return;
        }
        if (!Application.class.getModule().isNamed()) {
            JAVAFX_LOGGER.setFilter(record -> record.getMessage() == null
                    || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        }
        // Before any other thread of ours runs: setenv is not safe beside a concurrent getenv.
        SoftwareRendering.applyIfChosen();
        try {
            ConsoleApp.launch(options, args);
        } catch (RuntimeException | Error e) {
            if (DisplayCheck.isDisplayFailure(e)) {
                System.err.println(DisplayCheck.noDisplayMessage(AppInfo.version()));
                exit(3);
                return;
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println(AppInfo.NAME + " failed: " + (root.getMessage() == null
                    ? root.getClass().getSimpleName() : root.getMessage()));
            exit(1);
            return;
        }
        exit(ConsoleApp.exitCode());
    }
}
