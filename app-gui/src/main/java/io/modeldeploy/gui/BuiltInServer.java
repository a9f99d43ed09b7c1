package io.modeldeploy.gui;

import io.modeldeploy.gui.api.ConnectionInfo;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's own server: the one it started at launch, or, after a launch with {@code --server},
 * the one File ▸ Connect to server… starts on first use with the launch defaults. Once running it
 * keeps running while the console is connected elsewhere, so scripts that were given its address
 * keep working and switching back is instant; it stops when the console closes.
 */
final class BuiltInServer implements AutoCloseable {

    private final LaunchOptions options;
    // Written under the lock, read without it: the FX thread asks whether it runs while a start may be going on.
    private volatile ServerConnection connection;
    private volatile boolean closed;

    private BuiltInServer(LaunchOptions options, ServerConnection connection) {
        this.options = options;
        this.connection = connection;
    }

    /** The server the console started at launch. */
    static BuiltInServer running(ServerConnection connection) {
        if (!connection.info().embedded()) {
            throw new IllegalArgumentException("not a built-in server: " + connection.info());
        }
        return new BuiltInServer(null, connection);
    }

    /** A server started with {@code options} when it is first asked for. */
    static BuiltInServer onDemand(LaunchOptions options) {
        if (!options.embedded()) {
            throw new IllegalArgumentException("options for an external server: " + options);
        }
        return new BuiltInServer(Objects.requireNonNull(options, "options"), null);
    }

    Optional<URI> runningAt() {
        ServerConnection running = connection;
        return running == null || closed ? Optional.empty() : Optional.of(running.info().baseUrl());
    }

    /** The running server's connection; starts the server first if needed (blocks for that long). */
    synchronized ConnectionInfo connection() throws ServerConnection.StartupException {
        if (closed) {
            throw new ServerConnection.StartupException("The console is closing.", null);
        }
        if (connection == null) {
            connection = ServerConnection.open(options, progress -> { });
        }
        return connection.info();
    }

    /** Stops the server if it runs; a start in progress finishes first and is then stopped. */
    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
    }
}
