package io.modeldeploy.server;

import java.nio.file.Path;
import java.util.Map;

/** Where the database lives when nobody says otherwise: a per-user data directory. */
public final class DataDirectory {
    public static final String ENV_VARIABLE = "MODELDEPLOY_DATA_DIR";

    private DataDirectory() {
    }

    /**
     * {@code explicit} (from {@code --data-dir}) wins, then {@code MODELDEPLOY_DATA_DIR}, then
     * {@code $XDG_DATA_HOME/modeldeploy}, then {@code ~/.local/share/modeldeploy}.
     */
    public static Path resolve(String explicit, Map<String, String> environment) {
        if (isSet(explicit)) {
            return Path.of(explicit).toAbsolutePath();
        }
        String fromEnvironment = environment.get(ENV_VARIABLE);
        if (isSet(fromEnvironment)) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        if (isSet(xdgDataHome) && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "modeldeploy");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "modeldeploy");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
