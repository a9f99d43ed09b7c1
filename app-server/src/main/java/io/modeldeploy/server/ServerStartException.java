package io.modeldeploy.server;

import io.modeldeploy.server.persistence.NewerSchemaException;

import java.net.BindException;
import java.util.Locale;

/** The server could not start; the message says why and what to do, in one line. */
public final class ServerStartException extends RuntimeException {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    static ServerStartException explain(RuntimeException failure, ServerOptions options) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof BindException || message.contains("address already in use")) {
                return new ServerStartException("Port " + options.port() + " on " + options.bind()
                        + " is already in use. Stop the other program or choose another port with --port.", failure);
            }
            if (t instanceof NewerSchemaException) {
                String database = options.builtInDatabase() ? "The database in " + options.dataDir()
                        : "The database " + options.databaseUrl();
                return new ServerStartException(database + " cannot be opened: " + t.getMessage() + ".", failure);
            }
            if (message.contains("database may be already in use") || message.contains("locked by another process")) {
                return new ServerStartException("The database in " + options.dataDir()
                        + " is in use by another running ModelDeploy instance. Close it, or use another --data-dir.", failure);
            }
            if (!options.builtInDatabase() && t instanceof java.sql.SQLException) {
                return new ServerStartException("The database " + options.databaseUrl() + " cannot be used: "
                        + rootMessage(failure) + ". Check DATASOURCES_DEFAULT_URL, DATASOURCES_DEFAULT_USERNAME"
                        + " and DATASOURCES_DEFAULT_PASSWORD (or --database-url).", failure);
            }
        }
        return new ServerStartException("The server could not start: " + rootMessage(failure), failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
