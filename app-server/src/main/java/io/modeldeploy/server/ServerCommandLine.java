package io.modeldeploy.server;

import java.util.Map;

/** The server's command-line options. */
public record ServerCommandLine(ServerOptions options, boolean helpRequested) {

    public static final String USAGE = """
            Usage: java -jar app-server-all.jar [options]
                   java -jar app-server-all.jar restore FILE [--data-dir DIR] [--force]   (see restore --help)
              --port N          HTTP port (default $MODELDEPLOY_PORT, else 8080; 0 picks a free port)
              --bind ADDRESS    address to listen on (default $MODELDEPLOY_BIND, else 127.0.0.1)
              --data-dir DIR    the built-in database and the local token (default $MODELDEPLOY_DATA_DIR,
                                else $XDG_DATA_HOME/modeldeploy, else ~/.local/share/modeldeploy)
              --database-url URL  a shared PostgreSQL database instead of the built-in one, e.g.
                                jdbc:postgresql://db.example:5432/modeldeploy (default
                                $DATASOURCES_DEFAULT_URL); user and password from
                                $DATASOURCES_DEFAULT_USERNAME and $DATASOURCES_DEFAULT_PASSWORD
              --require-auth    loopback callers need a token too (others always do;
                                default $MODELDEPLOY_REQUIRE_AUTH=true|false)
              --demo            a new database gets demo deployments, and a demo
                                controller moves them along (as the console does by default)
              --stuck-after LIMITS  how long a version may stay in a status before it needs
                                attention, e.g. CREATED=15m,PENDING=30m,DELETING=30m (the default;
                                $MODELDEPLOY_STUCK_AFTER); durations like 90s, 15m, 2h, 1h30m
              --help            this text
            Tokens: MODELDEPLOY_TOKENS=name:role:secret,... (role viewer or editor); the local
            editor token is created in the data directory as local-token.
            Host names: bound to loopback, only requests for localhost, 127.0.0.1 or [::1] are answered
            (421 otherwise); MODELDEPLOY_ALLOWED_HOSTS=name,... allows more (e.g. a local proxy's).
            Behind a reverse proxy: MODELDEPLOY_TRUSTED_PROXIES=address-or-range,... (X-Forwarded-For is
            believed from these only; failed authentications are throttled per client address).
            Webhooks: MODELDEPLOY_WEBHOOKS='[{"name": "ops", "url": "https://…", "secret": "…"}]' (see README).
            Logs: one line of text per entry; MODELDEPLOY_LOG_FORMAT=json writes one JSON object per line.""";

    /** @throws IllegalArgumentException with a message naming the bad option */
    public static ServerCommandLine parse(String[] args, Map<String, String> environment) {
        String bind = environmentValue(environment, "MODELDEPLOY_BIND", ServerOptions.DEFAULT_BIND);
        String portFromEnvironment = environment.get("MODELDEPLOY_PORT");
        int port = portFromEnvironment == null || portFromEnvironment.isBlank() ? ServerOptions.DEFAULT_PORT
                : parsePort("MODELDEPLOY_PORT", portFromEnvironment);
        String dataDir = null;
        String databaseUrl = environmentValue(environment, "DATASOURCES_DEFAULT_URL", null);
        boolean requireAuth = parseFlag(environment, "MODELDEPLOY_REQUIRE_AUTH");
        boolean demo = false;
        String stuckAfter = environmentValue(environment, "MODELDEPLOY_STUCK_AFTER", null);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "--help", "-h" -> {
                    return new ServerCommandLine(null, true);
                }
                case "--require-auth" -> requireAuth = true;
                case "--demo" -> demo = true;
                case "--port", "--bind", "--data-dir", "--database-url", "--stuck-after" -> {
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    switch (option) {
                        case "--port" -> port = parsePort(option, value);
                        case "--bind" -> bind = requireValue(option, value);
                        case "--database-url" -> databaseUrl = requireValue(option, value);
                        case "--stuck-after" -> stuckAfter = requireValue(option, value);
                        default -> dataDir = requireValue(option, value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (databaseUrl != null) {
            Database.ofJdbcUrl(databaseUrl);
        }
        return new ServerCommandLine(new ServerOptions(bind, port, DataDirectory.resolve(dataDir, environment),
                requireAuth, demo, databaseUrl, stuckAfter), false);
    }

    private static String environmentValue(Map<String, String> environment, String name, String otherwise) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static boolean parseFlag(Map<String, String> environment, String name) {
        String value = environmentValue(environment, name, "false");
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
        };
    }

    private static int parsePort(String option, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a number from 0 to 65535, was '" + value + "'");
    }

    private static String requireValue(String option, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
