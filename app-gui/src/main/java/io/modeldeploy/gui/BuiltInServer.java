package io.modeldeploy.gui;

import io.modeldeploy.gui.api.ConnectionInfo;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The console's own server: the one it started at launch, or, after a launch with {@code --server},
 * the one File ▸ Connect to server… starts on first use with the launch defaults. Once running it
 * keeps running while the console is connected elsewhere, so scripts that were given its address
 * keep working and switching back is instant; it stops when the console closes.
 */
final class BuiltInServer implements AutoCloseable {

    private final LaunchOptions options;
    // Written under the lock, read without it: the FX thread asks whether it runs while a start may be going on.
    private volatile CompletableFuture<ServerConnection> start;
    private volatile boolean closed;

    private BuiltInServer(LaunchOptions options, CompletableFuture<ServerConnection> start) {
        this.options = options;
        this.start = start;
    }

    /** The server the console started at launch. */
    static BuiltInServer running(ServerConnection connection) {
        if (!connection.info().embedded()) {
            throw new IllegalArgumentException("not a built-in server: " + connection.info());
        }
        return new BuiltInServer(null, CompletableFuture.completedFuture(connection));
    }

    /** The server the console is starting at launch (the window is built meanwhile). */
    static BuiltInServer starting(ServerConnection.Starting starting) {
        if (!starting.info().embedded()) {
            throw new IllegalArgumentException("not a built-in server: " + starting.info());
        }
        return new BuiltInServer(null, starting.ready());
    }

    /** A server started with {@code options} when it is first asked for. */
    static BuiltInServer onDemand(LaunchOptions options) {
        if (!options.embedded()) {
            throw new IllegalArgumentException("options for an external server: " + options);
        }
        return new BuiltInServer(Objects.requireNonNull(options, "options"), null);
    }

    /** Where it answers, once it has started. */
    Optional<URI> runningAt() {
        CompletableFuture<ServerConnection> current = start;
        if (current == null || closed || !current.isDone() || current.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(current.join().info().baseUrl());
    }

    /** The running server's connection; starts the server first if needed (blocks for that long). */
    synchronized ConnectionInfo connection() throws ServerConnection.StartupException {
        if (closed) {
            throw new ServerConnection.StartupException("The console is closing.", null);
        }
        if (start == null) {
            start = CompletableFuture.completedFuture(ServerConnection.open(options, progress -> { }));
        }
        return awaitStart().info();
    }

    private ServerConnection awaitStart() throws ServerConnection.StartupException {
        try {
            return start.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerConnection.StartupException("Interrupted while the local server started.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServerConnection.StartupException failure) {
                throw failure;
            }
            throw new ServerConnection.StartupException(ServerConnection.oneLine(e.getCause().getMessage(),
                    e.getCause()), e.getCause());
        }
    }

    /** Stops the server if it runs; a start in progress finishes first and is then stopped. */
    @Override
    public synchronized void close() {
        closed = true;
        if (start != null) {
            try {
                awaitStart().close();
            } catch (ServerConnection.StartupException e) {
                // nothing started, nothing to stop
            }
        }
    }
}
