package io.modeldeploy.server.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as a child JVM ({@code java -cp <this test JVM's class path> ServerMain ...}), so a
 * test can kill it with SIGKILL or give it its own environment. Output goes to a log file in the
 * test's temporary directory; every wait is bounded; {@link #close()} always kills it.
 */
public final class ServerProcess implements AutoCloseable {
    public static final String MAIN_CLASS = "io.modeldeploy.server.ServerMain";
    private static final Pattern LISTENING = Pattern.compile("ModelDeploy server listening on http://(\\S+):(\\d+)");

    private final Process process;
    private final Path log;
    private final List<String> command;

    private ServerProcess(Process process, Path log, List<String> command) {
        this.process = process;
        this.log = log;
        this.command = command;
    }

    /** Starts {@code ServerMain} with {@code args}; {@code environment} entries are added (a null value removes one). */
    public static ServerProcess start(Path log, Map<String, String> environment, String... args) {
        return start(log, "256m", environment, args);
    }

    /** The same with the server's heap capped at {@code maxHeap} (the value of {@code -Xmx}). */
    public static ServerProcess start(Path log, String maxHeap, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("MODELDEPLOY_TOKENS");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Files.writeString(log, "$ " + String.join(" ", command.subList(command.size() - args.length - 1,
                    command.size())) + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new ServerProcess(builder.start(), log, command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the server logs that it listens, and returns that port; fails (with the log)
     * when the process ends first or {@code timeout} passes.
     */
    public int awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(log());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(2));
            }
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + " before listening:\n"
                        + tail());
            }
            sleep(50);
        }
        throw new AssertionError("the server did not listen within " + timeout + ":\n" + tail());
    }

    /** Waits for the process to end by itself; its exit code, failing after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the server did not exit within " + timeout + ":\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGKILL, and wait (bounded) until the OS has reaped it. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the server process " + process.pid() + " did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the process printed so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String tail() {
        String text = log();
        return text.length() > 6000 ? "..." + text.substring(text.length() - 6000) : text;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return "ServerProcess[pid " + process.pid() + ", " + String.join(" ", command.subList(command.size() - 1, command.size())) + "]";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
