package io.modeldeploy.server.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server under load: either a child process the benchmark starts from the shaded jar (and
 * stops), or one that is already running at a loopback URL (left alone).
 */
final class BenchServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** A server that is said to be running already has no start-up to wait for. */
    private static final Duration EXTERNAL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final InetSocketAddress address;
    private final String hostHeader;
    private final Long pid;
    private final Process process;
    private final Path log;
    private final Thread killOnExit;

    private BenchServer(InetSocketAddress address, String hostHeader, Long pid, Process process, Path log) {
        this.address = address;
        this.hostHeader = hostHeader;
        this.pid = pid;
        this.process = process;
        this.log = log;
        // if the benchmark is interrupted (Ctrl-C), its server must not outlive it
        this.killOnExit = process == null ? null : new Thread(process::destroyForcibly, "bench-server-kill");
        if (killOnExit != null) {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        }
    }

    /**
     * Starts {@code java <jvmOpts> -jar <jar> --port P --data-dir <dataDir>} on a free loopback
     * port, with a fresh data directory; output goes to {@code log}.
     */
    static BenchServer start(Path jar, List<String> jvmOpts, Path dataDir, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new BenchFailure("no server jar at " + jar + ": build it with the package phase first "
                    + "(./mvnw -B -pl app-server -am -DskipTests -Pserver-bench verify does)");
        }
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        return startOn(jar, jvmOpts, dataDir, log, 0);
    }

    /**
     * Like {@link #start} but on the data directory as it is (a database prepared before), on
     * {@code port} (0: a free one).
     */
    static BenchServer startOn(Path jar, List<String> jvmOpts, Path dataDir, Path log, int port) throws IOException {
        return startOn(jar, jvmOpts, dataDir, log, port, List.of(), Map.of());
    }

    /** Like {@link #startOn(Path, List, Path, Path, int)} with more server arguments and environment. */
    static BenchServer startOn(Path jar, List<String> jvmOpts, Path dataDir, Path log, int port,
                               List<String> serverArguments, Map<String, String> environment) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new BenchFailure("no server jar at " + jar + ": build it with the package phase first");
        }
        port = port == 0 ? freeLoopbackPort() : port;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOpts);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        command.addAll(serverArguments);
        Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("MODELDEPLOY_TOKENS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new BenchServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                "127.0.0.1:" + port, process.pid(), process, log);
    }

    /** A server that is already running; {@code pid} may be null (then no memory or CPU figures). */
    static BenchServer external(URI url, Long pid) {
        if (pid != null && !ProcStats.exists(pid)) {
            throw new BenchFailure("bench.pid " + pid + ": no such process");
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        return new BenchServer(new InetSocketAddress(host, url.getPort()), url.getHost() + ":" + url.getPort(),
                pid, null, null);
    }

    InetSocketAddress address() {
        return address;
    }

    String hostHeader() {
        return hostHeader;
    }

    /** The server's process id, if known. */
    Long pid() {
        return pid;
    }

    boolean startedHere() {
        return process != null;
    }

    /** Waits until {@code GET /health} answers 200; fails early when a started server exits. */
    void awaitHealthy() throws InterruptedException {
        byte[] healthRequest = ("GET /health HTTP/1.1\r\nHost: " + hostHeader + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Duration timeout = process == null ? EXTERNAL_TIMEOUT : START_TIMEOUT;
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        try (BlockingHttpConnection connection = new BlockingHttpConnection(address, 5_000)) {
            while (System.nanoTime() - deadline < 0) {
                if (process != null && !process.isAlive()) {
                    throw new BenchFailure("the server exited with " + process.exitValue()
                            + " before it was healthy; its log " + log + " ends:\n" + logTail());
                }
                try {
                    int status = connection.exchange(healthRequest).status();
                    if (status == 200) {
                        return;
                    }
                    last = "GET /health answered " + status;
                } catch (IOException e) {
                    last = e.toString();
                }
                Thread.sleep(100);
            }
        }
        throw new BenchFailure("the server at " + hostHeader + " did not answer GET /health with 200 within "
                + timeout.toSeconds() + " s (last: " + last + ")" + (log == null ? "" : "; its log ends:\n" + logTail()));
    }

    /** Stops a server started here: SIGTERM, a bounded wait, then SIGKILL; says how it ended. */
    String stop() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("the benchmark did not start the server at " + hostHeader);
        }
        process.destroy();
        String signal = "SIGTERM";
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            signal = "SIGKILL (SIGTERM not obeyed within " + STOP_TIMEOUT.toSeconds() + " s)";
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down and runs the hook anyway
        }
        return process.isAlive() ? "still running after SIGKILL" : "exit code " + process.exitValue() + " after " + signal;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
