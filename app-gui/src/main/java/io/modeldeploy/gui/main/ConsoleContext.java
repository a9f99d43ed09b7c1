package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.gui.util.Async;

import java.util.Objects;

/**
 * What the main window needs from the application: the API client, where blocking calls run,
 * the theme, the preferences store and which server it is connected to. Tests build one around
 * a test server and a separate preferences node.
 */
public record ConsoleContext(DeploymentApiClient client, Async async, ThemeManager themes,
                             GuiPreferences preferences, ConnectionInfo connection) {

    public ConsoleContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(async, "async");
        Objects.requireNonNull(themes, "themes");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(connection, "connection");
    }
}
