package io.modeldeploy.server.bench;


import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak benchmark (prints figures, not a test): a compressed year generated into a new built-in
 * database ({@link CompressedYear}), then the server (the shaded jar as a child process) under a
 * mixed load of list, get, history paging and PATCH for {@code bench.duration}. Prints per
 * operation the p50/p99 of the first and the last minute and their ratio, the database file size,
 * the event table's row count and the server's RSS at start and end, and every non-2xx answer.
 *
 * <p>Arguments: the server jar and a work directory. Options ({@code -D}): bench.deployments
 * (10000), bench.entries (2000000), bench.duration (10m), bench.connections (4),
 * bench.eventRetention (2m: the server's modeldeploy.events.retention for the run, short so that
 * the bound shows within it), bench.serverJvmOpts, bench.seed, bench.port (0: a free one), bench.keepData (false: the data
 * directory, about 1 GB at the defaults, is deleted after the run), bench.database (h2, or postgresql: a new
 * database on the tests' embedded PostgreSQL, or on MODELDEPLOY_TEST_POSTGRES_URL).
 */
public final class SoakBenchmark {
    static final String DEPLOYMENTS = "bench.deployments";
    static final String ENTRIES = "bench.entries";
    static final String DURATION = "bench.duration";
    static final String CONNECTIONS = "bench.connections";
    static final String EVENT_RETENTION = "bench.eventRetention";
    static final String SEED = "bench.seed";
    static final String KEEP_DATA = "bench.keepData";
    static final String PORT = "bench.port";
    static final String DATABASE = "bench.database";
    /** The retention the generated year's event log was kept with: the server's default. */
    private static final Duration GENERATED_RETENTION = Duration.ofDays(7);
    private static final double TARGET_RATIO = 1.5;
    private static final int LIST_PAGE_SIZE = 20;
    private static final int HISTORY_PAGE_SIZE = 50;

    enum Operation {
        LIST(20), GET(35), HISTORY(25), PATCH(20);

        final int weight;

        Operation(int weight) {
            this.weight = weight;
        }
    }

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SoakBenchmark <server jar> <work directory>");
        }
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(BenchOptions.PREFIX))
                .forEach(key -> properties.put(key, System.getProperty(key)));
        int deployments = intOption(properties, DEPLOYMENTS, 10_000);
        long entries = intOption(properties, ENTRIES, 2_000_000);
        int connections = intOption(properties, CONNECTIONS, 4);
        Duration duration = durationOption(properties, DURATION, Duration.ofMinutes(10));
        Duration retention = durationOption(properties, EVENT_RETENTION, Duration.ofMinutes(2));
        long seed = intOption(properties, SEED, 1);
        boolean keepData = Boolean.parseBoolean(properties.getOrDefault(KEEP_DATA, "false"));
        int port = properties.containsKey(PORT) ? intOption(properties, PORT, 0) : 0;
        String jvmOpts = properties.getOrDefault(BenchOptions.SERVER_JVM_OPTS, BenchOptions.DEFAULT_SERVER_JVM_OPTS);
        String databaseKind = properties.getOrDefault(DATABASE, "h2");
        if (!databaseKind.equals("h2") && !databaseKind.equals("postgresql")) {
            throw new IllegalArgumentException(DATABASE + " is h2 or postgresql, not " + databaseKind);
        }
        try {
            run(Path.of(args[0]), Path.of(args[1]), databaseKind.equals("postgresql"), deployments, entries,
                    connections, duration, retention, seed, List.of(jvmOpts.trim().split("\\s+")), keepData, port);
        } catch (BenchFailure failure) {
            System.out.println("soak-bench: FAILED: " + failure.getMessage());
            System.exit(1);
        }
    }

    private static void run(Path jar, Path workDir, boolean postgres, int deployments, long entries, int connections, Duration duration,
                            Duration retention, long seed, List<String> jvmOpts, boolean keepData, int port) throws Exception {
        Files.createDirectories(workDir);
        Path dataDir = workDir.resolve("soak-data");
        Path log = workDir.resolve("soak-server.log");
        say("%s, %d cores; server %s %s", ProcStats.cpuModel(), Runtime.getRuntime().availableProcessors(), jar,
                String.join(" ", jvmOpts));

        // the server makes its schema on a new data directory; the year is written into it
        BenchServer.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        SoakDatabase database = postgres ? SoakDatabase.newPostgres() : SoakDatabase.h2(dataDir);
        say("database: %s", database.label());
        try (BenchServer schemaOnly = BenchServer.startOn(jar, jvmOpts, dataDir, log, port,
                database.serverArguments(), database.serverEnvironment())) {
            schemaOnly.awaitHealthy();
            schemaOnly.stop();
        }
        CompressedYear.Summary year = CompressedYear.generate(database, deployments, entries, GENERATED_RETENTION,
                Instant.now(), seed);
        int[] longest = year.longest(10);
        say("generated a year in %.1f s: %,d deployments, %,d versions, %,d history entries (longest %,d, median %,d),"
                        + " %,d events (the last %s of the year)", year.elapsed().toMillis() / 1000.0, year.deployments(),
                year.versions(), year.entries(), year.latestHistory()[longest[0]], median(year.latestHistory()),
                year.events(), "7d");
        long sizeAtStart = database.sizeBytes();
        long eventsAtStart = database.countEvents();

        Duration pruneInterval = retention.dividedBy(4).compareTo(Duration.ofSeconds(10)) < 0
                ? Duration.ofSeconds(10) : retention.dividedBy(4);
        List<String> serverOpts = new ArrayList<>(jvmOpts);
        serverOpts.add("-Dmodeldeploy.events.retention=" + retention.toSeconds() + "s");
        serverOpts.add("-Dmodeldeploy.events.prune-interval=" + pruneInterval.toSeconds() + "s");
        say("event retention for this run: %s, pruned every %s (the server's default is 7d, hourly)",
                BenchOptions.format(retention), BenchOptions.format(pruneInterval));

        Duration window = duration.compareTo(Duration.ofMinutes(3)) >= 0 ? Duration.ofMinutes(1) : duration.dividedBy(3);
        MixedLoad.Result result;
        double rssStart;
        double rssEnd;
        double rssPeak;
        long sizeAtEnd;
        try (BenchServer server = BenchServer.startOn(jar, serverOpts, dataDir, log, port,
                database.serverArguments(), database.serverEnvironment())) {
            long waitStart = System.nanoTime();
            server.awaitHealthy();
            say("server healthy on the year after %.1f s", (System.nanoTime() - waitStart) / 1e9);
            rssStart = ProcStats.statusMiB(server.pid(), "VmRSS");
            MixedLoad load = new MixedLoad(server.address(), server.hostHeader(), year, longest, connections, seed);
            result = load.run(duration, window);
            rssEnd = ProcStats.statusMiB(server.pid(), "VmRSS");
            rssPeak = ProcStats.statusMiB(server.pid(), "VmHWM");
            sizeAtEnd = database.sizeBytes();
            say("server stopped: %s", server.stop());
        }
        long sizeAfterStop = database.sizeBytes();
        long eventsAtEnd = database.countEvents();

        say("mixed load: %d connections, %s (weights list %d, get %d, history %d, patch %d), %,d requests, %,.0f req/s",
                connections, BenchOptions.format(duration), Operation.LIST.weight, Operation.GET.weight,
                Operation.HISTORY.weight, Operation.PATCH.weight, result.requests(),
                result.requests() / (duration.toMillis() / 1000.0));
        say("%-8s %9s %9s %9s   %9s %9s %9s   %7s %5s", "", "n first", "p50 ms", "p99 ms", "n last", "p50 ms",
                "p99 ms", "p99 x", "<1.5x");
        boolean allWithin = true;
        for (Operation operation : Operation.values()) {
            LatencyDistribution first = result.first(operation);
            LatencyDistribution last = result.last(operation);
            double ratio = (double) last.percentile(99) / Math.max(1, first.percentile(99));
            allWithin &= ratio <= TARGET_RATIO;
            say("%-8s %,9d %9.2f %9.2f   %,9d %9.2f %9.2f   %7.2f %5s", operation.name().toLowerCase(Locale.ROOT),
                    first.count(), ms(first.percentile(50)), ms(first.percentile(99)), last.count(),
                    ms(last.percentile(50)), ms(last.percentile(99)), ratio, ratio <= TARGET_RATIO ? "yes" : "NO");
        }
        say("per minute p99 ms (list / get / history / patch):");
        for (int minute = 0; minute < result.minutes(); minute++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  minute %2d:", minute + 1));
            for (Operation operation : Operation.values()) {
                line.append(String.format(Locale.ROOT, " %8.2f", ms(result.minute(operation, minute).percentile(99))));
            }
            say("%s", line);
        }
        say("database size: %,.1f MiB at start, %,.1f MiB at the end of the load (%,.1f MiB once the server closed it)",
                sizeAtStart / 1048576.0, sizeAtEnd / 1048576.0, sizeAfterStop / 1048576.0);
        say("event table: %,d rows at start (generated, 7d), %,d at end (retention %s; PATCHes of the last %s: %,d)",
                eventsAtStart, eventsAtEnd, BenchOptions.format(retention),
                BenchOptions.format(retention.plus(pruneInterval)),
                result.patchesWithin(retention.plus(pruneInterval)));
        say("server RSS: %,.0f MiB at start, %,.0f MiB at end, %,.0f MiB peak", rssStart, rssEnd, rssPeak);
        if (result.unexpected().isEmpty()) {
            say("non-2xx answers: none");
        } else {
            result.unexpected().forEach((key, count) -> say("non-2xx answers: %s x %,d (first: %s)", key, count.get(),
                    result.firstBodies().get(key)));
        }
        say("target (each p99 of the last minute within %.1fx of the first, of 2xx answers, and no non-2xx): %s",
                TARGET_RATIO, allWithin && result.unexpected().isEmpty() ? "met" : "MISSED");
        if (keepData) {
            say("data directory kept: %s (open it with java -jar %s --data-dir ...)", dataDir, jar.getFileName());
        } else {
            BenchServer.deleteRecursively(dataDir);
        }
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static int intOption(Map<String, String> properties, String key, int defaultValue) {
        String text = properties.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.replace("_", "").replace(",", "").trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a positive whole number, got '" + text + "'");
    }

    private static Duration durationOption(Map<String, String> properties, String key, Duration defaultValue) {
        String text = properties.get(key);
        if (text == null) {
            return defaultValue;
        }
        Duration value = BenchOptions.parseDuration(text);
        if (value == null || value.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException(key + " must be a duration of at least 10s such as 90s or 10m, got '"
                    + text + "'");
        }
        return value;
    }

    private static void say(String format, Object... args) {
        System.out.println("soak-bench: " + String.format(Locale.ROOT, format, args));
    }

    /** The load: each connection picks an operation by weight, again and again, for the duration. */
    static final class MixedLoad {
        private static final String[] PATCH_STATUSES = {"READY", "PENDING", "READY", "ERROR", "READY", "UNKNOWN"};
        private final InetSocketAddress address;
        private final String host;
        private final CompressedYear.Summary year;
        private final int[] longest;
        private final int connections;
        private final long seed;
        private final int[] patchable;
        private final Map<String, AtomicLong> unexpected = new ConcurrentHashMap<>();
        private final Map<String, String> firstBodies = new ConcurrentHashMap<>();

        MixedLoad(InetSocketAddress address, String host, CompressedYear.Summary year, int[] longest, int connections,
                  long seed) {
            this.address = address;
            this.host = host;
            this.year = year;
            this.longest = longest;
            this.connections = connections;
            this.seed = seed;
            this.patchable = java.util.stream.IntStream.range(0, year.deployments())
                    .filter(d -> !year.latestDeleting()[d]).toArray();
        }

        Result run(Duration duration, Duration window) throws InterruptedException {
            int minutes = (int) Math.max(1, duration.toMinutes());
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            Worker[] workers = new Worker[connections];
            Thread[] threads = new Thread[connections];
            for (int c = 0; c < connections; c++) {
                workers[c] = new Worker(c, start, end, window.toNanos(), duration.toNanos(), minutes);
                threads[c] = new Thread(workers[c], "soak-load-" + c);
                threads[c].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            for (Worker worker : workers) {
                if (worker.failure != null) {
                    throw new BenchFailure("connection " + worker.connection + " failed: " + worker.failure);
                }
            }
            return new Result(workers, minutes, end, unexpected, firstBodies);
        }

        private final class Worker implements Runnable {
            final int connection;
            final long start;
            final long end;
            final long window;
            final long duration;
            final LatencyRecorder[] first = recorders(Operation.values().length);
            final LatencyRecorder[] last = recorders(Operation.values().length);
            final LatencyRecorder[][] perMinute;
            final List<Long> patchTimes = new ArrayList<>();
            final SplittableRandom random;
            long requests;
            Exception failure;

            Worker(int connection, long start, long end, long window, long duration, int minutes) {
                this.connection = connection;
                this.start = start;
                this.end = end;
                this.window = window;
                this.duration = duration;
                this.random = new SplittableRandom(seed * 31 + connection);
                this.perMinute = new LatencyRecorder[minutes][];
                for (int m = 0; m < minutes; m++) {
                    perMinute[m] = recorders(Operation.values().length);
                }
            }

            @Override
            public void run() {
                try (BlockingHttpConnection http = new BlockingHttpConnection(address, 30_000)) {
                    long sequence = 0;
                    while (true) {
                        Operation operation = pick();
                        byte[] request = request(operation, sequence++);
                        long sent = System.nanoTime();
                        if (sent - end >= 0) {
                            return;
                        }
                        HttpResponseReader.Response response = http.exchange(request);
                        long answered = System.nanoTime();
                        long latency = answered - sent;
                        long elapsed = sent - start;
                        requests++;
                        if (response.status() / 100 != 2) {
                            String key = operation + " " + response.status();
                            unexpected.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
                            firstBodies.putIfAbsent(key, response.bodyText());
                            continue; // the latency of a refusal says nothing of the operation's
                        }
                        if (elapsed < window) {
                            first[operation.ordinal()].record(latency);
                        }
                        if (elapsed >= duration - window) {
                            last[operation.ordinal()].record(latency);
                        }
                        perMinute[(int) Math.min(perMinute.length - 1, elapsed / 60_000_000_000L)][operation.ordinal()]
                                .record(latency);
                        if (operation == Operation.PATCH) {
                            patchTimes.add(answered);
                        }
                    }
                } catch (IOException e) {
                    failure = e;
                }
            }

            private Operation pick() {
                int r = random.nextInt(100);
                for (Operation operation : Operation.values()) {
                    if (r < operation.weight) {
                        return operation;
                    }
                    r -= operation.weight;
                }
                throw new IllegalStateException("weights must add up to 100");
            }

            private byte[] request(Operation operation, long sequence) {
                return switch (operation) {
                    case LIST -> list();
                    case GET -> {
                        int d = random.nextInt(year.deployments());
                        yield get(path(d));
                    }
                    case HISTORY -> history();
                    case PATCH -> patch(sequence);
                };
            }

            /** A page of one workspace: half filtered by status, a third sorted by last change. */
            private byte[] list() {
                String workspace = CompressedYear.WORKSPACES[random.nextInt(CompressedYear.WORKSPACES.length)];
                int perWorkspace = year.deployments() / CompressedYear.WORKSPACES.length;
                StringBuilder query = new StringBuilder("?page_size=" + LIST_PAGE_SIZE);
                if (random.nextBoolean()) {
                    String status = random.nextBoolean() ? "READY" : "ERROR";
                    query.append("&filter%5Bstatus%5D%5B%24eq%5D=").append(status)
                            .append("&page=").append(1 + random.nextInt(Math.max(1, perWorkspace / 10 / LIST_PAGE_SIZE)));
                } else {
                    query.append("&page=").append(1 + random.nextInt(Math.max(1, perWorkspace / LIST_PAGE_SIZE)));
                }
                if (random.nextInt(3) == 0) {
                    query.append("&sort=-updated_at");
                }
                return get("/apis/models/v2/workspaces/" + workspace + "/deployments" + query);
            }

            /** A page of a latest version's history; one in five a deep page of one of the longest. */
            private byte[] history() {
                int d = random.nextInt(5) == 0 ? longest[random.nextInt(longest.length)]
                        : random.nextInt(year.deployments());
                int pages = Math.max(1, (year.latestHistory()[d] + HISTORY_PAGE_SIZE - 1) / HISTORY_PAGE_SIZE);
                return get(path(d) + "/status-history?page_size=" + HISTORY_PAGE_SIZE + "&page="
                        + (1 + random.nextInt(pages)));
            }

            private byte[] patch(long sequence) {
                int d = patchable[random.nextInt(patchable.length)];
                String body = "{\"status\":\"" + PATCH_STATUSES[(int) (sequence % PATCH_STATUSES.length)]
                        + "\",\"status_message\":\"soak c" + connection + " r" + sequence + "\"}";
                byte[] json = body.getBytes(StandardCharsets.UTF_8);
                byte[] head = ("PATCH " + path(d) + "/status HTTP/1.1\r\nHost: " + host
                        + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: "
                        + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                byte[] request = Arrays.copyOf(head, head.length + json.length);
                System.arraycopy(json, 0, request, head.length, json.length);
                return request;
            }

            private String path(int deployment) {
                return "/apis/models/v2/workspaces/" + CompressedYear.workspace(deployment) + "/deployments/"
                        + CompressedYear.name(deployment);
            }

            private byte[] get(String path) {
                return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
            }
        }

        private static LatencyRecorder[] recorders(int count) {
            LatencyRecorder[] recorders = new LatencyRecorder[count];
            for (int i = 0; i < count; i++) {
                recorders[i] = new LatencyRecorder();
            }
            return recorders;
        }

        record Result(Worker[] workers, int minutes, long end, Map<String, AtomicLong> unexpected,
                      Map<String, String> firstBodies) {
            long requests() {
                return Arrays.stream(workers).mapToLong(worker -> worker.requests).sum();
            }

            LatencyDistribution first(Operation operation) {
                return LatencyDistribution.merge(Arrays.stream(workers).map(w -> w.first[operation.ordinal()]).toList());
            }

            LatencyDistribution last(Operation operation) {
                return LatencyDistribution.merge(Arrays.stream(workers).map(w -> w.last[operation.ordinal()]).toList());
            }

            LatencyDistribution minute(Operation operation, int minute) {
                return LatencyDistribution.merge(Arrays.stream(workers)
                        .map(w -> w.perMinute[minute][operation.ordinal()]).toList());
            }

            /** PATCHes answered in the given time before the end of the run: the events retention should keep. */
            long patchesWithin(Duration span) {
                long from = end - span.toNanos();
                return Arrays.stream(workers).flatMap(w -> w.patchTimes.stream()).filter(t -> t - from >= 0).count();
            }
        }
    }
}
