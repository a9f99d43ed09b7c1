package io.modeldeploy.gui;

import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.server.DataDirectory;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.ServerStartException;
import io.modeldeploy.server.security.LocalTokenFile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The server the console talks to: started in this JVM (closed with the console) or an external one
 * given with {@code --server}. Either way the console only uses it over HTTP.
 */
final class ServerConnection implements AutoCloseable {

    /** The console cannot get a working server; the message says why in one line. */
    static final class StartupException extends Exception {
        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final Duration EMBEDDED_HEALTH_TIMEOUT = Duration.ofSeconds(30);
    static final Duration REMOTE_HEALTH_TIMEOUT = Duration.ofSeconds(8);

    private final DeploymentApiClient client;
    private final ConnectionInfo info;
    private final RunningServer server;

    private ServerConnection(DeploymentApiClient client, ConnectionInfo info, RunningServer server) {
        this.client = client;
        this.info = info;
        this.server = server;
    }

    /** Starts the built-in server or connects to {@code --server}, and waits until it answers /health. */
    static ServerConnection open(LaunchOptions options, Consumer<String> progress) throws StartupException {
        return open(options, progress, REMOTE_HEALTH_TIMEOUT, System.getenv());
    }

    static ServerConnection open(LaunchOptions options, Consumer<String> progress, Duration remoteTimeout)
            throws StartupException {
        return open(options, progress, remoteTimeout, System.getenv());
    }

    static ServerConnection open(LaunchOptions options, Consumer<String> progress, Duration remoteTimeout,
                                 Map<String, String> environment) throws StartupException {
        if (!options.embedded()) {
            progress.accept("Connecting to " + options.server() + "…");
            ConnectionInfo info = remoteConnection(options, environment);
            DeploymentApiClient client = new HttpDeploymentApiClient(options.server(), info.token());
            if (!awaitHealthy(client, remoteTimeout)) {
                throw new StartupException("No ModelDeploy server answers at " + options.server()
                        + " (GET /health). Start it, or leave out --server to use the built-in one.", null);
            }
            return new ServerConnection(client, info, null);
        }
        ServerOptions serverOptions = ServerOptions.defaults().withDemo(options.demo(environment));
        if (options.dataDir() != null) {
            serverOptions = serverOptions.withDataDir(options.dataDir());
        }
        progress.accept("Starting the local server…");
        RunningServer running = startEmbedded(serverOptions, options.port());
        try {
            URI baseUrl = running.baseUrl();
            progress.accept("Waiting for the local server at " + baseUrl + "…");
            String localToken = running.localToken();
            DeploymentApiClient client = new HttpDeploymentApiClient(baseUrl, localToken);
            if (!awaitHealthy(client, EMBEDDED_HEALTH_TIMEOUT)) {
                throw new StartupException("The local server started but does not answer at " + baseUrl + "/health.",
                        null);
            }
            ConnectionInfo info = ConnectionInfo.embedded(baseUrl, running.dataDir(), localToken,
                    running.dataDir().resolve(LocalTokenFile.FILE_NAME));
            return new ServerConnection(client, info, running);
        } catch (StartupException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /**
     * The token for {@code --server}: {@code --token}, else {@code MODELDEPLOY_TOKEN}, else the local
     * token of the default data directory if this user has one (a server of the same user on this
     * machine accepts it). Reading that file is all; the server is not asked.
     */
    static ConnectionInfo remoteConnection(LaunchOptions options, Map<String, String> environment) {
        Path defaultDataDir = DataDirectory.resolve(null, environment);
        Path localFile = defaultDataDir.resolve(LocalTokenFile.FILE_NAME);
        String localToken = LocalTokenFile.readIfPresent(defaultDataDir);
        Path knownLocalFile = localToken == null || localToken.isBlank() ? null : localFile;
        if (options.token() != null) {
            return ConnectionInfo.remote(options.server(), options.token(), TokenSource.OPTION, knownLocalFile);
        }
        String fromEnvironment = environment.get(LaunchOptions.TOKEN_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return ConnectionInfo.remote(options.server(), fromEnvironment, TokenSource.ENVIRONMENT, knownLocalFile);
        }
        if (knownLocalFile != null) {
            return ConnectionInfo.remote(options.server(), localToken, TokenSource.LOCAL_TOKEN_FILE, knownLocalFile);
        }
        return ConnectionInfo.remote(options.server());
    }

    /**
     * Starts the built-in server. Without {@code --port} the default port is used when free, any
     * free port otherwise; a taken {@code --port} is reported before anything starts, with the
     * console's own advice ({@code --port 0}).
     */
    private static RunningServer startEmbedded(ServerOptions defaults, Integer port) throws StartupException {
        ServerOptions options;
        if (port != null) {
            if (port != 0 && !isFree(defaults.bind(), port)) {
                throw new StartupException("Port " + port + " on " + defaults.bind() + " is already in use. "
                        + "Stop the other program, choose another port with --port, or use --port 0 for any free port.",
                        null);
            }
            options = defaults.withPort(port);
        } else {
            options = isFree(defaults.bind(), defaults.port()) ? defaults : defaults.withPort(0);
        }
        try {
            return ModelDeployServer.start(options);
        } catch (ServerStartException e) {
            throw new StartupException(oneLine(e.getMessage(), e), e);
        } catch (RuntimeException e) {
            throw new StartupException("The local server could not start: " + oneLine(rootMessage(e), e), e);
        }
    }

    /** The first line of a message (a start-up failure is told in one line), or the failure's kind. */
    static String oneLine(String message, Throwable failure) {
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String first = message.strip().lines().findFirst().orElse("").strip();
        return first.isEmpty() ? failure.getClass().getSimpleName() : first;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? failure.getMessage() : root.getMessage();
    }

    /** True when nothing listens on {@code host:port} right now. */
    static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean awaitHealthy(DeploymentApiClient client, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (client.isHealthy()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    DeploymentApiClient client() {
        return client;
    }

    ConnectionInfo info() {
        return info;
    }

    /** Stops the built-in server (finishing requests in flight); nothing to do for an external one. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
