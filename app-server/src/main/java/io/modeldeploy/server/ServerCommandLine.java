package io.modeldeploy.server;

import java.util.Map;

/** The server's command-line options. */
public record ServerCommandLine(ServerOptions options, boolean helpRequested) {

    public static final String USAGE = """
            Usage: java -jar app-server-all.jar [options]
              --port N          HTTP port (default 8080; 0 picks a free port)
              --bind ADDRESS    address to listen on (default 127.0.0.1)
              --data-dir DIR    where the database lives (default $MODELDEPLOY_DATA_DIR,
                                else $XDG_DATA_HOME/modeldeploy, else ~/.local/share/modeldeploy)
              --require-auth    loopback callers need a token too (others always do)
              --demo            a new data directory gets demo deployments, and a demo
                                controller moves them along (as the console does by default)
              --help            this text
            Tokens: MODELDEPLOY_TOKENS=name:role:secret,... (role viewer or editor); the local
            editor token is created in the data directory as local-token.""";

    /** @throws IllegalArgumentException with a message naming the bad option */
    public static ServerCommandLine parse(String[] args, Map<String, String> environment) {
        String bind = ServerOptions.DEFAULT_BIND;
        int port = ServerOptions.DEFAULT_PORT;
        String dataDir = null;
        boolean requireAuth = false;
        boolean demo = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "--help", "-h" -> {
                    return new ServerCommandLine(null, true);
                }
                case "--require-auth" -> requireAuth = true;
                case "--demo" -> demo = true;
                case "--port", "--bind", "--data-dir" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    switch (option) {
                        case "--port" -> port = parsePort(value);
                        case "--bind" -> bind = requireValue(option, value);
                        default -> dataDir = requireValue(option, value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new ServerCommandLine(
                new ServerOptions(bind, port, DataDirectory.resolve(dataDir, environment), requireAuth, demo), false);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, was '" + value + "'");
    }

    private static String requireValue(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
