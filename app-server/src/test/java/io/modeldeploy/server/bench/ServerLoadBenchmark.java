package io.modeldeploy.server.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Server load benchmark (prints figures; asserts nothing but the lost-write check). Run it with
 * {@code ./mvnw -B -pl app-server -am -DskipTests -Pserver-bench verify}, options as
 * {@code -Dbench.NAME=VALUE} (see {@link BenchOptions}). It starts the shaded server jar on a
 * free loopback port with a fresh data directory (or loads {@code bench.url}), seeds N
 * deployments, runs GET then PATCH (each a warm-up and a measured run), checks that every PATCH
 * answered 2xx appended one history row, and prints a Markdown table that it also writes to
 * {@code OUTPUT_DIR/results.md}.
 */
public final class ServerLoadBenchmark {
    private static final String USAGE = "usage: ServerLoadBenchmark SERVER_JAR OUTPUT_DIR [-Dbench.NAME=VALUE ...]; "
            + "run it with ./mvnw -B -pl app-server -am -DskipTests -Pserver-bench verify";
    private static final int SEED_CONNECTIONS = 16;
    private static final Pattern TOTAL_RESULTS = Pattern.compile("\"total_results\"\\s*:\\s*(\\d+)");

    private ServerLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new BenchFailure(USAGE);
        }
        Map<String, String> properties = System.getProperties().stringPropertyNames().stream()
                .collect(Collectors.toMap(Function.identity(), System::getProperty));
        BenchOptions options;
        try {
            options = BenchOptions.parse(properties);
        } catch (IllegalArgumentException e) {
            throw new BenchFailure(e.getMessage());
        }
        Path outputDir = Path.of(args[1]);
        Files.createDirectories(outputDir);
        BenchResults results = run(options, Path.of(args[0]), outputDir);
        String markdown = results.toMarkdown();
        Path resultsFile = outputDir.resolve("results.md");
        Files.writeString(resultsFile, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(markdown);
        System.out.println();
        System.out.println("server-bench: results written to " + resultsFile);
        if (!results.lostWrites().passed()) {
            throw new BenchFailure("lost-write check failed: " + results.lostWrites().summary());
        }
    }

    private static BenchResults run(BenchOptions options, Path jar, Path outputDir) throws Exception {
        ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);
        BenchServer server;
        String serverDescription;
        if (options.startsServer()) {
            Path log = outputDir.resolve("server.log");
            server = BenchServer.start(jar, options.serverJvmOpts(), outputDir.resolve("data"), log);
            serverDescription = "started by the benchmark: java " + String.join(" ", options.serverJvmOpts())
                    + " -jar " + jar.getFileName() + " (log in " + log + ")";
        } else {
            server = BenchServer.external(options.targetUrl(), options.targetPid());
            serverDescription = "already running at " + options.targetUrl()
                    + (options.targetPid() == null ? " (no bench.pid: no memory or CPU figures)" : ", pid " + options.targetPid());
        }
        try (server) {
            say("server %s at %s%s", server.startedHere() ? "starting" : "expected", server.hostHeader(),
                    server.pid() == null ? "" : " (pid " + server.pid() + ")");
            String runId = Long.toString(System.currentTimeMillis(), 36);
            DeploymentRequests requests = new DeploymentRequests(server.hostHeader(), options.deployments(),
                    options.connections(), runId);
            long waitStart = System.nanoTime();
            server.awaitHealthy();
            say("server healthy after %.1f s", (System.nanoTime() - waitStart) / 1e9);

            BenchResults.Phase get;
            BenchResults.Phase patch;
            LostWriteCheck lostWrites;
            Duration seedTime;
            AtomicLong created = new AtomicLong();
            AtomicLong existing = new AtomicLong();
            try (LoadGenerator load = new LoadGenerator(server.address(), options.connections(),
                    LoadGenerator.DEFAULT_LAST_ANSWER_TIMEOUT)) {
                long seedStart = System.nanoTime();
                seed(load, requests, created, existing);
                seedTime = Duration.ofNanos(System.nanoTime() - seedStart);
                say("seeded %,d deployments in %.2f s (%,d created, %,d already there)", options.deployments(),
                        seedTime.toMillis() / 1000.0, created.get(), existing.get());

                get = phase("GET", load, requests::getDeployment, options, server.pid());
                long rowsBefore = historyRows(load, requests, options);
                patch = phase("PATCH", load, requests::patchStatus, options, server.pid());
                long rowsAfter = historyRows(load, requests, options);
                lostWrites = new LostWriteCheck(rowsAfter - rowsBefore, patch.successes(), patch.errors());
            }
            Double peakRss = server.pid() == null ? null : ProcStats.statusMiB(server.pid(), "VmHWM");
            if (server.startedHere()) {
                say("server stopped: %s", server.stop());
            }
            return new BenchResults(date, options, serverDescription, seedTime, created.get(), existing.get(),
                    List.of(get, patch), peakRss, lostWrites);
        }
    }

    /** Creates dep-0000..dep-(N-1); one that already exists (409) is fine. */
    private static void seed(LoadGenerator load, DeploymentRequests requests, AtomicLong created,
                             AtomicLong existing) throws InterruptedException {
        try {
            load.forEach(requests.deployments(), SEED_CONNECTIONS, (connection, index) -> {
                HttpResponseReader.Response response = connection.exchange(requests.create(index));
                switch (response.status()) {
                    case 201 -> created.incrementAndGet();
                    case 409 -> existing.incrementAndGet();
                    default -> throw new IOException("creating " + DeploymentRequests.name(index) + " answered "
                            + response.status() + ": " + response.bodyText());
                }
            });
        } catch (IOException e) {
            throw new BenchFailure("seeding failed: " + e);
        }
    }

    /** The number of status-history rows of all N deployments together. */
    private static long historyRows(LoadGenerator load, DeploymentRequests requests, BenchOptions options)
            throws InterruptedException {
        AtomicLong rows = new AtomicLong();
        try {
            load.forEach(requests.deployments(), options.connections(), (connection, index) -> {
                HttpResponseReader.Response response = connection.exchange(requests.historySize(index));
                Matcher total = TOTAL_RESULTS.matcher(response.bodyText());
                if (response.status() != 200 || !total.find()) {
                    throw new IOException("the status history of " + DeploymentRequests.name(index) + " answered "
                            + response.status() + ": " + response.bodyText());
                }
                rows.addAndGet(Long.parseLong(total.group(1)));
            });
        } catch (IOException e) {
            throw new BenchFailure("counting the status history failed: " + e);
        }
        return rows.get();
    }

    private static BenchResults.Phase phase(String name, LoadGenerator load, LoadGenerator.RequestSource source,
                                            BenchOptions options, Long serverPid) throws Exception {
        LoadGenerator.RunResult warmup = null;
        if (!options.warmup().isZero()) {
            say("%s: warm-up %s", name, BenchOptions.format(options.warmup()));
            warmup = load.run(source, options.warmup());
        }
        say("%s: measured run %s", name, BenchOptions.format(options.duration()));
        long self = ProcessHandle.current().pid();
        double serverCpuBefore = serverPid == null ? 0 : ProcStats.cpuSeconds(serverPid);
        double selfCpuBefore = ProcStats.cpuSeconds(self);
        double machineBusyBefore = ProcStats.machineBusySeconds();
        long start = System.nanoTime();
        LoadGenerator.RunResult measured;
        Double peakVmRss;
        try (ProcStats.RssSampler sampler = serverPid == null ? null : new ProcStats.RssSampler(serverPid)) {
            measured = load.run(source, options.duration());
            peakVmRss = sampler == null ? null : sampler.peakMiB();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Double serverCores = serverPid == null ? null : (ProcStats.cpuSeconds(serverPid) - serverCpuBefore) / seconds;
        double generatorCores = (ProcStats.cpuSeconds(self) - selfCpuBefore) / seconds;
        double machineCores = (ProcStats.machineBusySeconds() - machineBusyBefore) / seconds;
        Double otherCores = serverCores == null ? null : Math.max(0, machineCores - serverCores - generatorCores);
        say("%s: %,.0f req/s, %,d answers, %,d errors", name, measured.requestsPerSecond(), measured.answers(),
                measured.errors());
        return new BenchResults.Phase(name, warmup, measured, serverCores, generatorCores, otherCores, peakVmRss);
    }

    private static void say(String format, Object... args) {
        System.out.println("server-bench: " + String.format(Locale.ROOT, format, args));
    }
}
