package io.modeldeploy.server.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Many watchers (prints figures, not a test): the server (the shaded jar as a child process) with
 * one event-stream subscriber, then with {@code bench.watchers} (500) at once, while one writer
 * changes a status {@code bench.changes} times (300) at {@code bench.rate} changes a second (20).
 * Every subscriber must receive every change in order (else it fails). Prints the delay from
 * sending a change to its arrival: at the one subscriber, at subscriber number
 * {@code bench.watchedAt} (50) of many, and for each change at the moment the {@code bench.watchedAt}-th
 * subscriber had it; and the server's RSS idle, with every subscriber connected, and its peak.
 *
 * <p>Arguments: the server jar and a work directory. Run it with {@code ./mvnw -B -pl app-server -am
 * -DskipTests -Pwatchers-bench verify [-Dbench.watchers=500 -Dbench.changes=300 -Dbench.rate=20
 * -Dbench.serverJvmOpts="..."]}.
 */
public final class WatchersBenchmark {
    private static final double TARGET_RATIO = 2.0;
    private static final String WORKSPACE = "watchers";

    private WatchersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: WatchersBenchmark <server jar> <work directory>");
        }
        int watchers = Integer.getInteger("bench.watchers", 500);
        int changes = Integer.getInteger("bench.changes", 300);
        int rate = Integer.getInteger("bench.rate", 20);
        int watchedAt = Integer.getInteger("bench.watchedAt", 50);
        String jvmOpts = System.getProperty(BenchOptions.SERVER_JVM_OPTS, BenchOptions.DEFAULT_SERVER_JVM_OPTS);
        if (watchedAt < 1 || watchedAt > watchers) {
            throw new IllegalArgumentException("bench.watchedAt must be between 1 and bench.watchers");
        }
        try {
            run(Path.of(args[0]), Path.of(args[1]), watchers, changes, rate, watchedAt,
                    List.of(jvmOpts.trim().split("\\s+")));
        } catch (BenchFailure failure) {
            System.out.println("watchers-bench: FAILED: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static void run(Path jar, Path workDir, int watchers, int changes, int rate, int watchedAt,
                            List<String> jvmOpts) throws Exception {
        Files.createDirectories(workDir);
        say("%s, %d cores; server %s %s", ProcStats.cpuModel(), Runtime.getRuntime().availableProcessors(), jar,
                String.join(" ", jvmOpts));
        try (BenchServer server = BenchServer.start(jar, jvmOpts, workDir.resolve("watchers-data"),
                workDir.resolve("watchers-server.log"))) {
            server.awaitHealthy();
            URI base = URI.create("http://" + server.hostHeader());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String deployment = "/apis/models/v2/workspaces/" + WORKSPACE + "/deployments";
            send(http, base, "POST", deployment, "{\"name\":\"probe\",\"config\":\"cfg\"}", 201);
            // warm-up: the JIT and the connection pools see the same path first
            runPhase(server, http, base, 1, Math.min(changes, 200), rate * 5, "warm-up");
            double idleRss = ProcStats.statusMiB(server.pid(), "VmRSS");

            Phase one = runPhase(server, http, base, 1, changes, rate, "one subscriber");
            Phase many = runPhase(server, http, base, watchers, changes, rate, watchers + " subscribers");
            double peakRss = ProcStats.statusMiB(server.pid(), "VmHWM");

            long[] single = sorted(one.delays().get(0));
            long[] atWatched = sorted(many.delays().get(watchedAt - 1));
            long[] nthArrival = new long[changes];
            for (int change = 0; change < changes; change++) {
                long[] arrivals = new long[watchers];
                for (int w = 0; w < watchers; w++) {
                    arrivals[w] = many.delays().get(w)[change];
                }
                Arrays.sort(arrivals);
                nthArrival[change] = arrivals[watchedAt - 1];
            }
            Arrays.sort(nthArrival);
            long[] everyone = many.delays().stream().flatMapToLong(Arrays::stream).sorted().toArray();
            say("");
            say("%d changes at %d/s, PATCH sent -> event received (ms):", changes, rate);
            say("  %-40s median %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f", "1 subscriber", ms(single, 0.5),
                    ms(single, 0.9), ms(single, 0.99), ms(single, 1.0));
            say("  %-40s median %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f", "subscriber #" + watchedAt + " of " + watchers,
                    ms(atWatched, 0.5), ms(atWatched, 0.9), ms(atWatched, 0.99), ms(atWatched, 1.0));
            say("  %-40s median %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f", "the " + ordinal(watchedAt) + " of "
                            + watchers + " to have it", ms(nthArrival, 0.5), ms(nthArrival, 0.9), ms(nthArrival, 0.99),
                    ms(nthArrival, 1.0));
            say("  %-40s median %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f", "all " + watchers + " subscribers",
                    ms(everyone, 0.5), ms(everyone, 0.9), ms(everyone, 0.99), ms(everyone, 1.0));
            double medianRatio = ms(atWatched, 0.5) / ms(single, 0.5);
            double p99Ratio = ms(atWatched, 0.99) / ms(single, 0.99);
            say("subscriber #%d against one: median %.2fx, p99 %.2fx (target <= %.1fx): %s", watchedAt, medianRatio,
                    p99Ratio, TARGET_RATIO, medianRatio <= TARGET_RATIO && p99Ratio <= TARGET_RATIO ? "met" : "MISSED");
            say("every subscriber received all %d changes in order: yes (%,d events delivered)", changes,
                    (long) watchers * changes);
            say("server RSS: %.0f MiB idle, %.0f MiB with %d subscribers connected, peak %.0f MiB",
                    idleRss, many.connectedRss(), watchers, peakRss);
        }
    }

    private record Phase(List<long[]> delays, double connectedRss) {
    }

    private static Phase runPhase(BenchServer server, HttpClient http, URI base, int watchers, int changes, int rate,
                                  String label) throws Exception {
        List<SseSocketWatcher> open = new ArrayList<>(watchers);
        long connectStart = System.nanoTime();
        try {
            for (int i = 0; i < watchers; i++) {
                open.add(SseSocketWatcher.open(server.address(), server.hostHeader(),
                        "/apis/models/v2/workspaces/" + WORKSPACE + "/deployment-events", changes, "watcher-" + i));
            }
            for (SseSocketWatcher watcher : open) {
                if (!watcher.awaitGreeting(60, TimeUnit.SECONDS) || watcher.problem() != null) {
                    throw new BenchFailure(label + ": a subscriber was not served: " + watcher.problem());
                }
            }
            double connectedRss = ProcStats.statusMiB(server.pid(), "VmRSS");
            say("%s: connected in %.2f s", label, (System.nanoTime() - connectStart) / 1e9);
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            for (int sequence = 0; sequence < changes; sequence++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += interval;
                String body = "{\"status\":\"" + (sequence % 2 == 0 ? "READY" : "PENDING") + "\",\"status_message\":\""
                        + SseSocketWatcher.message(sequence, System.nanoTime()) + "\"}";
                send(http, base, "PATCH", "/apis/models/v2/workspaces/" + WORKSPACE + "/deployments/probe/status",
                        body, 200);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (SseSocketWatcher watcher : open) {
                watcher.awaitChanges(deadline);
                if (watcher.problem() != null || watcher.received() < changes) {
                    throw new BenchFailure(label + ": a subscriber got " + watcher.received() + " of " + changes
                            + " changes" + (watcher.problem() == null ? "" : ": " + watcher.problem()));
                }
            }
            List<long[]> delays = new ArrayList<>(watchers);
            open.forEach(watcher -> delays.add(watcher.delays()));
            return new Phase(delays, connectedRss);
        } finally {
            open.forEach(SseSocketWatcher::close);
        }
    }

    private static void send(HttpClient http, URI base, String method, String path, String body, int expected)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new BenchFailure(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static double ms(long[] sorted, double quantile) {
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1));
        return sorted[index] / 1e6;
    }

    private static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
