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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The server the console talks to: started in this JVM (closed with the console) or an external one
 * given with {@code --server}. Either way the console only uses it over HTTP.
 */
final class ServerConnection implements AutoCloseable {

    /**
     * History entries the built-in server keeps cached: its one client, this console, reads the fleet
     * once and then follows its events. The server's default (100,000) held ~100 MB more RSS after
     * listing the console benchmark's 10,000 deployments.
     */
    static final int BUILT_IN_HISTORY_CACHE_ENTRIES = 5_000;

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

    /**
     * A server being started (or reached) on a thread of its own: who it is ({@link #info()}) is
     * known at once, so the window can be built meanwhile; the {@link #client()}'s calls wait until
     * it answers. {@link #ready()} completes with the connection, or with the
     * {@link StartupException} that says why there is none.
     */
    static final class Starting {
        private final ConnectionInfo info;
        private final CompletableFuture<ServerConnection> ready = new CompletableFuture<>();
        private final DeploymentApiClient client;

        private Starting(ConnectionInfo info) {
            this.info = info;
            this.client = new StartingServerClient(info, ready);
        }

        ConnectionInfo info() {
            return info;
        }

        DeploymentApiClient client() {
            return client;
        }

        CompletableFuture<ServerConnection> ready() {
            return ready;
        }
    }

    /** Where the console's server will be: its connection, and for the built-in one how to start it. */
    private record Target(ConnectionInfo info, ServerOptions builtIn) {
    }

    /**
     * Starts the built-in server or reaches {@code --server} on a new thread and returns at once.
     *
     * @throws StartupException only for what is known before anything starts (a taken {@code --port})
     */
    static Starting start(LaunchOptions options) throws StartupException {
        Target target = target(options, System.getenv());
        Starting starting = new Starting(target.info());
        Thread starter = new Thread(() -> {
            try {
                ServerConnection connection = connect(target, progress -> { }, REMOTE_HEALTH_TIMEOUT);
                FirstDataReport.serverReadyIfAsked();
                starting.ready.complete(connection);
            } catch (StartupException | RuntimeException e) {
                starting.ready.completeExceptionally(e);
            }
        }, "modeldeploy-server-start");
        starter.setDaemon(true);
        starter.start();
        return starting;
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
        return connect(target(options, environment), progress, remoteTimeout);
    }

    /**
     * The server's address and token before it starts. The built-in server's port is chosen here:
     * {@code --port}, else the default when free; {@code --port 0} or a taken default get a port
     * that is free now (as with the default's check, another program could take it before the server
     * binds; the start then fails and says so). Its local token is read, or made as the server would.
     */
    private static Target target(LaunchOptions options, Map<String, String> environment) throws StartupException {
        if (!options.embedded()) {
            return new Target(remoteConnection(options, environment), null);
        }
        ServerOptions serverOptions = ServerOptions.defaults().withDemo(options.demo(environment))
                .withHistoryCacheEntries(BUILT_IN_HISTORY_CACHE_ENTRIES);
        if (options.dataDir() != null) {
            serverOptions = serverOptions.withDataDir(options.dataDir());
        }
        serverOptions = serverOptions.withPort(port(serverOptions, options.port()));
        Path dataDir = serverOptions.dataDir();
        URI baseUrl = URI.create("http://" + serverOptions.bind() + ":" + serverOptions.port());
        ConnectionInfo info = ConnectionInfo.embedded(baseUrl, dataDir, localToken(dataDir),
                dataDir.resolve(LocalTokenFile.FILE_NAME));
        return new Target(info, serverOptions);
    }

    private static ServerConnection connect(Target target, Consumer<String> progress, Duration remoteTimeout)
            throws StartupException {
        ConnectionInfo info = target.info();
        if (target.builtIn() == null) {
            progress.accept("Connecting to " + info.baseUrl() + "…");
            DeploymentApiClient client = new HttpDeploymentApiClient(info.baseUrl(), info.token());
            if (!awaitHealthy(client, remoteTimeout)) {
                throw new StartupException("No ModelDeploy server answers at " + info.baseUrl()
                        + " (GET /health). Start it, or leave out --server to use the built-in one.", null);
            }
            return new ServerConnection(client, info, null);
        }
        progress.accept("Starting the local server…");
        RunningServer running = startEmbedded(target.builtIn());
        try {
            URI baseUrl = running.baseUrl();
            progress.accept("Waiting for the local server at " + baseUrl + "…");
            String localToken = running.localToken();
            DeploymentApiClient client = new HttpDeploymentApiClient(baseUrl, localToken);
            if (!awaitHealthy(client, EMBEDDED_HEALTH_TIMEOUT)) {
                throw new StartupException("The local server started but does not answer at " + baseUrl + "/health.",
                        null);
            }
            return new ServerConnection(client, ConnectionInfo.embedded(baseUrl, running.dataDir(), localToken,
                    running.dataDir().resolve(LocalTokenFile.FILE_NAME)), running);
        } catch (StartupException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    /**
     * The local token of {@code dataDir}, made now if it has none (what the server does at its start);
     * null when the directory is unusable: the server's start then says why.
     */
    private static String localToken(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return LocalTokenFile.readOrCreate(dataDir);
        } catch (IOException | RuntimeException e) {
            return null;
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
     * The built-in server's port: {@code --port} (a taken one is reported before anything starts,
     * with the console's own advice), else the default when free; any free port for {@code --port 0}
     * or when the default is taken.
     */
    static int port(ServerOptions defaults, Integer requested) throws StartupException {
        if (requested != null && requested != 0) {
            if (!isFree(defaults.bind(), requested)) {
                throw new StartupException("Port " + requested + " on " + defaults.bind() + " is already in use. "
                        + "Stop the other program, choose another port with --port, or use --port 0 for any free port.",
                        null);
            }
            return requested;
        }
        if (requested == null && isFree(defaults.bind(), defaults.port())) {
            return defaults.port();
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(defaults.bind()))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartupException("No free port on " + defaults.bind() + ": " + e.getMessage(), e);
        }
    }

    private static RunningServer startEmbedded(ServerOptions options) throws StartupException {
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
