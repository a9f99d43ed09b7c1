package io.modeldeploy.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;

/** Starts the server in this JVM: used by {@link ServerMain} and by the desktop console. */
public final class ModelDeployServer {

    private ModelDeployServer() {
    }

    /**
     * Creates the data directory if needed, migrates the database and starts HTTP.
     *
     * @throws ServerStartException with a one-line, user-facing reason when it cannot start
     */
    public static RunningServer start(ServerOptions options) {
        prepareDataDirectory(options);
        // The built-in database belongs to one process; a shared database is made for many.
        DataDirectoryLock lock = options.builtInDatabase() ? DataDirectoryLock.acquire(options.dataDir()) : null;
        ApplicationContext context = null;
        try {
            // Not Micronaut.run(): on a start-up failure it exits the JVM, which would take an
            // embedding console down with it. Here failures become a ServerStartException.
            context = ApplicationContext.builder()
                    .mainClass(ModelDeployServer.class)
                    .properties(options.toProperties())
                    .start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new RunningServer(context, server, options.dataDir(), lock);
        } catch (RuntimeException e) {
            if (context != null && context.isRunning()) {
                context.close();
            }
            if (lock != null) {
                lock.close();
            }
            throw ServerStartException.explain(e, options);
        }
    }

    private static void prepareDataDirectory(ServerOptions options) {
        try {
            Files.createDirectories(options.dataDir());
        } catch (IOException e) {
            throw new ServerStartException("Cannot create the data directory " + options.dataDir()
                    + " (" + e.getMessage() + "). Choose another with --data-dir.", e);
        }
        if (!Files.isWritable(options.dataDir())) {
            throw new ServerStartException("The data directory " + options.dataDir()
                    + " is not writable. Choose another with --data-dir.", null);
        }
    }
}
