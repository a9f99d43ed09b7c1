package io.modeldeploy.gui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * Opt-in start-up measurement for the console benchmark: with {@code -Dmodeldeploy.reportFirstData=true}
 * the console prints {@code modeldeploy-first-window uptime_ms=N} after the main window's first
 * pulse, {@code modeldeploy-server-ready uptime_ms=N} once the server answers, and
 * {@code modeldeploy-first-data uptime_ms=N rows=M} after the pulse that laid out the list's first
 * rows (N is the JVM's uptime then). Off by default. With
 * {@code -Dmodeldeploy.exitAfterFirstData=true} as well, the console then exits as if its window were
 * closed (the distribution's smoke test and its class-data cache training run use this).
 */
final class FirstDataReport {

    static final String PROPERTY = "modeldeploy.reportFirstData";
    static final String EXIT_PROPERTY = "modeldeploy.exitAfterFirstData";
    static final String PREFIX = "modeldeploy-first-data";
    static final String WINDOW_PREFIX = "modeldeploy-first-window";
    static final String SERVER_PREFIX = "modeldeploy-server-ready";

    private FirstDataReport() {
    }

    static void installIfAsked(Scene scene, ObservableList<?> rows) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        afterNextPulse(scene, () -> System.out.println(WINDOW_PREFIX + " uptime_ms=" + uptimeMillis()));
        install(scene, rows, Boolean.getBoolean(EXIT_PROPERTY) ? Platform::exit : () -> { });
    }

    /** Prints when the server answered, if asked. */
    static void serverReadyIfAsked() {
        if (Boolean.getBoolean(PROPERTY)) {
            System.out.println(SERVER_PREFIX + " uptime_ms=" + uptimeMillis());
        }
    }

    /** Prints the line after the first laid-out rows, then runs {@code afterReport}. */
    static void install(Scene scene, ObservableList<?> rows, Runnable afterReport) {
        ListChangeListener<Object> firstRows = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<?> change) {
                if (rows.isEmpty()) {
                    return;
                }
                rows.removeListener(this);
                afterNextPulse(scene, () -> {
                    System.out.println(PREFIX + " uptime_ms=" + uptimeMillis() + " rows=" + rows.size());
                    afterReport.run();
                });
            }
        };
        rows.addListener(firstRows);
    }

    private static void afterNextPulse(Scene scene, Runnable action) {
        Runnable[] afterPulse = new Runnable[1];
        afterPulse[0] = () -> {
            scene.removePostLayoutPulseListener(afterPulse[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(afterPulse[0]);
    }

    private static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }
}
