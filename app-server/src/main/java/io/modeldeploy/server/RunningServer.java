package io.modeldeploy.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.modeldeploy.server.security.LocalTokenFile;

import java.net.URI;
import java.nio.file.Path;

/** A started server; closing it finishes in-flight requests, then closes the database. */
public final class RunningServer implements AutoCloseable {
    private final ApplicationContext context;
    private final EmbeddedServer embeddedServer;
    private final Path dataDir;
    private final DataDirectoryLock lock;

    RunningServer(ApplicationContext context, EmbeddedServer embeddedServer, Path dataDir, DataDirectoryLock lock) {
        this.context = context;
        this.embeddedServer = embeddedServer;
        this.dataDir = dataDir;
        this.lock = lock;
    }

    /** For example {@code http://127.0.0.1:8080}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://" + hostForUrl() + ":" + embeddedServer.getPort());
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The local editor token of this server's data directory, for a console of the same user. */
    public String localToken() {
        return LocalTokenFile.readIfPresent(dataDir);
    }

    private String hostForUrl() {
        String host = embeddedServer.getHost();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public synchronized void close() {
        if (context.isRunning()) {
            context.close();
            if (lock != null) {
                lock.close();
            }
        }
    }
}
