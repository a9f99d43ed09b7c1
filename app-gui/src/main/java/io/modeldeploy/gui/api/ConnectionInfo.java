package io.modeldeploy.gui.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which server the console talks to: one it started in-process ({@code embedded}, with its data
 * directory) or one given with {@code --server URL}.
 */
public record ConnectionInfo(URI baseUrl, boolean embedded, Path dataDir) {

    public ConnectionInfo {
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    public static ConnectionInfo embedded(URI baseUrl, Path dataDir) {
        return new ConnectionInfo(baseUrl, true, dataDir);
    }

    public static ConnectionInfo remote(URI baseUrl) {
        return new ConnectionInfo(baseUrl, false, null);
    }

    /** For the status bar: "Local server http://127.0.0.1:8080" or "Server https://...". */
    public String describe() {
        return (embedded ? "Local server " : "Server ") + baseUrl;
    }
}
