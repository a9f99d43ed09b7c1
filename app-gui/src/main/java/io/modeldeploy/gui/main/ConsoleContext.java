package io.modeldeploy.gui.main;

import io.modeldeploy.gui.alerts.DesktopNotifier;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.session.TaskRunner;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the main window needs from the application: the API client, where blocking calls run,
 * the theme, the preferences store, which server it is connected to, how to open a web page
 * in the system browser ({@code HostServices.showDocument} in the application), how to move
 * to another server and where desktop notifications go. Tests build one around a test server, a
 * separate preferences node and a recording browser (and no desktop notifications).
 */
public record ConsoleContext(DeploymentApiClient client, TaskRunner tasks, ThemeManager themes,
                             GuiPreferences preferences, ConnectionInfo connection, Consumer<String> browser,
                             ServerSwitch servers, DesktopNotifier desktop) {

    public ConsoleContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(themes, "themes");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(servers, "servers");
        Objects.requireNonNull(desktop, "desktop");
    }

    /** Without desktop notifications. */
    public ConsoleContext(DeploymentApiClient client, TaskRunner tasks, ThemeManager themes, GuiPreferences preferences,
                          ConnectionInfo connection, Consumer<String> browser, ServerSwitch servers) {
        this(client, tasks, themes, preferences, connection, browser, servers, DesktopNotifier.NONE);
    }

    /** A window that stays on its one server. */
    public ConsoleContext(DeploymentApiClient client, TaskRunner tasks, ThemeManager themes, GuiPreferences preferences,
                          ConnectionInfo connection, Consumer<String> browser) {
        this(client, tasks, themes, preferences, connection, browser, ServerSwitch.NONE, DesktopNotifier.NONE);
    }

    /** Without a browser: pages the console would open are ignored (for tests that open none). */
    public ConsoleContext(DeploymentApiClient client, TaskRunner tasks, ThemeManager themes, GuiPreferences preferences,
                          ConnectionInfo connection) {
        this(client, tasks, themes, preferences, connection, url -> { }, ServerSwitch.NONE, DesktopNotifier.NONE);
    }
}
