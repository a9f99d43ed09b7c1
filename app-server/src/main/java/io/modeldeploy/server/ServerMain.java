package io.modeldeploy.server;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * {@code java -jar app-server-*-all.jar [--port N] [--bind ADDRESS] [--data-dir DIR]}: the server alone;
 * {@code ... restore FILE --data-dir DIR} restores a backup instead ({@link ServerRestore}).
 */
@OpenAPIDefinition(info = @Info(
        title = "ModelDeploy Console API",
        version = "0.1.0",
        description = "The NVIDIA NeMo Platform ModelDeployment API, implemented compatibly and extended: PATCH or "
                + "POST on .../deployments/{name}/status, the full status history with actor and source, and a "
                + "precise 4xx answer for every bad input."))
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("restore")) {
            int exitCode = ServerRestore.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    System.out, System.err);
            System.exit(exitCode);
            return;
        }
        ServerCommandLine commandLine;
        try {
            commandLine = ServerCommandLine.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("modeldeploy server: " + e.getMessage());
            System.err.println(ServerCommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (commandLine.helpRequested()) {
            System.out.println(ServerCommandLine.USAGE);
            return;
        }
        try {
            RunningServer server = ModelDeployServer.start(commandLine.options());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "modeldeploy-shutdown"));
            ServerOptions options = commandLine.options();
            // The URL without its parameters, which may carry a password.
            String database = options.builtInDatabase() ? "built-in H2 in " + server.dataDir()
                    : options.database() + " at " + options.databaseUrl().replaceAll("\\?.*", "");
            LOG.info("ModelDeploy server listening on {} (database: {}); API docs at {}/swagger-ui/",
                    server.baseUrl(), database, server.baseUrl());
        } catch (ServerStartException e) {
            System.err.println("modeldeploy server: " + e.getMessage());
            System.exit(1);
        }
    }
}
