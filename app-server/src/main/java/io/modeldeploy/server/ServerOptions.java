package io.modeldeploy.server;

import io.modeldeploy.server.service.StuckLimits;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the server: the address to bind, the port (0 picks a free one), the data directory
 * (the built-in H2 database, the local token) and, for a shared database, its JDBC URL.
 *
 * @param databaseUrl a PostgreSQL (or H2) JDBC URL; null for the built-in H2 database in the data
 *                    directory. Its user and password come from Micronaut's datasource settings
 *                    (DATASOURCES_DEFAULT_USERNAME and DATASOURCES_DEFAULT_PASSWORD).
 * @param stuckAfter  the stuck limits per status ({@link StuckLimits}); null leaves them to the setting
 *                    {@code modeldeploy.stuck-after} (MODELDEPLOY_STUCK_AFTER), else the default
 * @param historyCacheEntries how many history entries the history-window cache holds; null leaves it
 *                    to the setting {@code modeldeploy.history-cache.max-entries}, else 100,000
 */
public record ServerOptions(String bind, int port, Path dataDir, boolean requireAuth, boolean demo,
                            String databaseUrl, String stuckAfter, Integer historyCacheEntries) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (databaseUrl != null) {
            Database.ofJdbcUrl(databaseUrl);
        }
        if (stuckAfter != null) {
            StuckLimits.parse(stuckAfter);
        }
        if (historyCacheEntries != null && historyCacheEntries < 0) {
            throw new IllegalArgumentException("historyCacheEntries must not be negative, was " + historyCacheEntries);
        }
    }

    public ServerOptions(String bind, int port, Path dataDir, boolean requireAuth, boolean demo, String databaseUrl,
                         String stuckAfter) {
        this(bind, port, dataDir, requireAuth, demo, databaseUrl, stuckAfter, null);
    }

    public ServerOptions(String bind, int port, Path dataDir, boolean requireAuth, boolean demo, String databaseUrl) {
        this(bind, port, dataDir, requireAuth, demo, databaseUrl, null);
    }

    public ServerOptions(String bind, int port, Path dataDir) {
        this(bind, port, dataDir, false, false, null);
    }

    /** 127.0.0.1:8080 with the per-user data directory (see {@link DataDirectory}). */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_BIND, DEFAULT_PORT, DataDirectory.resolve(null, System.getenv()));
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(bind, newPort, dataDir, requireAuth, demo, databaseUrl, stuckAfter,
                historyCacheEntries);
    }

    public ServerOptions withDataDir(Path newDataDir) {
        return new ServerOptions(bind, port, newDataDir, requireAuth, demo, databaseUrl, stuckAfter,
                historyCacheEntries);
    }

    /**
     * Demo mode: a new data directory gets the demo fleet, and the demo controller runs. Without
     * it, the setting {@code modeldeploy.demo.enabled} (e.g. MODELDEPLOY_DEMO_ENABLED) decides.
     */
    public ServerOptions withDemo(boolean newDemo) {
        return new ServerOptions(bind, port, dataDir, requireAuth, newDemo, databaseUrl, stuckAfter,
                historyCacheEntries);
    }

    /**
     * A history-window cache of at most {@code entries} history entries: a console's built-in server,
     * whose one client reads the fleet once and then follows its events, needs few (the default
     * 100,000 held ~100 MB more of the console's memory once 10,000 deployments had been listed).
     */
    public ServerOptions withHistoryCacheEntries(int entries) {
        return new ServerOptions(bind, port, dataDir, requireAuth, demo, databaseUrl, stuckAfter, entries);
    }

    /** The database this server uses. */
    public Database database() {
        return databaseUrl == null ? Database.H2 : Database.ofJdbcUrl(databaseUrl);
    }

    /** Whether the database lives in the data directory (and so belongs to this one process). */
    public boolean builtInDatabase() {
        return databaseUrl == null;
    }

    /** Whether loopback callers need a token too. */
    public ServerOptions withRequireAuth(boolean newRequireAuth) {
        return new ServerOptions(bind, port, dataDir, newRequireAuth, demo, databaseUrl, stuckAfter,
                historyCacheEntries);
    }

    /**
     * The H2 file database in the data directory. Each acknowledged commit is made durable by
     * {@code DurableCommits}. RETENTION_TIME=1000 lets H2 reuse the space of replaced data after a
     * second instead of 45: under steady updates the default let the file grow by ~20 MB/s.
     * LOCK_TIMEOUT=10000: an update waits up to 10 s (H2's default is 2 s) for a row a status batch
     * of up to 1000 versions holds. The application closes the pool itself, so H2 must not close on
     * JVM exit.
     */
    public String jdbcUrl() {
        if (databaseUrl != null) {
            return databaseUrl;
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("modeldeploy")
                + ";RETENTION_TIME=1000;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The Micronaut properties these options stand for. */
    Map<String, Object> toProperties() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "micronaut.server.host", bind,
                "micronaut.server.port", port == 0 ? -1 : port,
                "datasources.default.url", jdbcUrl(),
                "datasources.default.driver-class-name", database().driverClassName(),
                "datasources.default.dialect", database().dialect().name(),
                "modeldeploy.data-dir", dataDir.toAbsolutePath().toString(),
                "modeldeploy.require-auth", requireAuth));
        if (builtInDatabase()) {
            properties.put("datasources.default.username", "sa");
            properties.put("datasources.default.password", "");
        }
        if (demo) {
            properties.put("modeldeploy.demo.enabled", true);
        }
        if (stuckAfter != null) {
            properties.put("modeldeploy.stuck-after", stuckAfter);
        }
        if (historyCacheEntries != null) {
            properties.put("modeldeploy.history-cache.max-entries", historyCacheEntries);
        }
        return properties;
    }
}
