package io.modeldeploy.gui;


import io.modeldeploy.gui.util.ServerUrl;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Command line of the console. Without {@code --server} it starts its own server in-process
 * (on {@code --port}, default 8080 or any free port when 8080 is taken, with its data in
 * {@code --data-dir} or the per-user data directory).
 */
public record LaunchOptions(URI server, Integer port, Path dataDir, boolean help, boolean version, String token,
                            boolean noDemo) {

    /** Environment variable with the token for {@code --server} when {@code --token} is not given. */
    public static final String TOKEN_ENV = "MODELDEPLOY_TOKEN";
    /** Environment variable that turns the built-in server's demo mode off when set to false. */
    public static final String DEMO_ENV = "MODELDEPLOY_DEMO";

    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: modeldeploy-console [--server URL [--token TOKEN]] [--port N] [--data-dir DIR] [--no-demo]",
            "",
            "  --server URL    connect to a running ModelDeploy server instead of starting one",
            "                  (for example http://127.0.0.1:8080)",
            "  --token TOKEN   API token for --server (default: $MODELDEPLOY_TOKEN, else the local token",
            "                  of the default data directory, if there is one)",
            "  --no-demo       start the built-in server without demo mode (also: MODELDEPLOY_DEMO=false);",
            "                  by default a new data directory gets the demo fleet and the demo controller runs",
            "  --port N        port for the built-in server (default: 8080, or a free port if 8080 is taken;",
            "                  0 = any free port)",
            "  --data-dir DIR  data directory of the built-in server (default: $MODELDEPLOY_DATA_DIR,",
            "                  else $XDG_DATA_HOME/modeldeploy, else ~/.local/share/modeldeploy)",
            "  --version       print the version and exit",
            "  -h, --help      print this help and exit");

    public LaunchOptions {
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    public LaunchOptions(URI server, Integer port, Path dataDir, boolean help, boolean version) {
        this(server, port, dataDir, help, version, null, false);
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(null, null, null, false, false);
    }

    /** Whether the built-in server starts in demo mode: yes unless --no-demo or MODELDEPLOY_DEMO=false (or 0, no, off). */
    public boolean demo(java.util.Map<String, String> environment) {
        if (noDemo) {
            return false;
        }
        String setting = environment.get(DEMO_ENV);
        if (setting == null || setting.isBlank()) {
            return true;
        }
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "false", "0", "no", "off" -> false;
            default -> true;
        };
    }

    @Override
    public String toString() {
        return "LaunchOptions[server=" + server + ", port=" + port + ", dataDir=" + dataDir + ", help=" + help
                + ", version=" + version + ", token=" + (token == null ? "none" : "<hidden>") + ", noDemo=" + noDemo
                + "]";
    }

    public boolean embedded() {
        return server == null;
    }

    /**
     * Reads the arguments; JavaFX-style {@code --name=value} works too.
     *
     * @throws IllegalArgumentException with a one-line explanation for bad arguments
     */
    public static LaunchOptions parse(List<String> args) {
        URI server = null;
        Integer port = null;
        Path dataDir = null;
        boolean help = false;
        boolean version = false;
        String token = null;
        boolean noDemo = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--version" -> version = true;
                case "--no-demo" -> noDemo = true;
                case "--token" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--token needs a value");
                    }
                    token = value.strip();
                }
                case "--server" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    server = serverUrl(value);
                }
                case "--port" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    port = port(value);
                }
                case "--data-dir" -> {
                    if (value == null) {
                        value = next(args, ++i, name);
                    }
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir needs a directory");
                    }
                    dataDir = Path.of(value).toAbsolutePath();
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        if (server != null && (port != null || dataDir != null)) {
            throw new IllegalArgumentException("--port and --data-dir apply to the built-in server, not to --server");
        }
        if (server == null && token != null) {
            throw new IllegalArgumentException("--token applies to --server; the built-in server's own token is used "
                    + "without asking");
        }
        if (server != null && noDemo) {
            throw new IllegalArgumentException("--no-demo applies to the built-in server, not to --server");
        }
        return new LaunchOptions(server, port, dataDir, help, version, token, noDemo);
    }

    private static String next(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static URI serverUrl(String value) {
        try {
            return ServerUrl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server needs an http(s) URL such as " + ServerUrl.EXAMPLE + ", got '"
                    + value + "'");
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + value + "'");
        }
    }
}
