package io.modeldeploy.gui.bench;

import atlantafx.base.controls.CustomTextField;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.detail.StatusTimelineViewModel;
import io.modeldeploy.gui.list.DeploymentFilter;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.main.ConsoleContext;
import io.modeldeploy.gui.main.ConsoleViewModels;
import io.modeldeploy.gui.main.GuiPreferences;
import io.modeldeploy.gui.main.MainView;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.style.Theme;
import io.modeldeploy.gui.style.ThemeManager;
import io.modeldeploy.model.DeploymentStatus;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

/**
 * The console at scale, measured: start-up time to the first rows from the built console jar,
 * search latency per keystroke, external change to screen, and scrolling the list and the
 * timeline, against a server started from the built server jar with a data directory seeded once
 * (under {@code target/console-bench}) and reused by later runs. Prints figures; asserts nothing.
 *
 * <p>Run from the repository root: {@code ./mvnw -B -pl app-gui -am -DskipTests -Pconsole-bench verify}.
 * Sizes: {@code -Dbench.deployments=1000 -Dbench.historyRows=20000} for a quick run (defaults
 * 10,000 and 200,000); also {@code bench.changes} (PATCHes per latency figure, 100),
 * {@code bench.startups} (console starts per case, 3) and {@code bench.connections} (seeding, 32).
 */
public final class ConsoleBenchmark {

    private static final String WORKSPACE = "default";
    private static final String FIRST_DATA = "modeldeploy-first-data";
    private static final String[] NODES = {"gpu-node-1", "gpu-node-4", "gpu-node-7", "gpu-node-12", "gpu-node-17"};

    private final int deployments = Integer.getInteger("bench.deployments", 10_000);
    private final long historyRows = Long.getLong("bench.historyRows", 20L * deployments);
    private final int changes = Integer.getInteger("bench.changes", 100);
    private final int startups = Integer.getInteger("bench.startups", 3);
    private final int connections = Integer.getInteger("bench.connections", 32);
    private final Path work = Path.of(System.getProperty("bench.target", "target")).resolve("console-bench")
            .toAbsolutePath();
    private final Path serverJar = Path.of(System.getProperty("bench.serverJar",
            "../app-server/target/app-server-0.1.0-SNAPSHOT-all.jar")).toAbsolutePath();
    private final Path consoleJar = Path.of(System.getProperty("bench.consoleJar",
            "target/app-gui-0.1.0-SNAPSHOT-all.jar")).toAbsolutePath();
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> results = new ArrayList<>();
    private String seeding = "reused";

    public static void main(String[] args) throws Exception {
        // Headless, as the UI tests: must be set before the toolkit starts.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("java.util.prefs.userRoot", Path.of(System.getProperty("bench.target", "target"),
                "console-bench", "prefs").toAbsolutePath().toString());
        new ConsoleBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        if (!Files.isRegularFile(serverJar) || !Files.isRegularFile(consoleJar)) {
            throw new IllegalStateException("Build the jars first: " + serverJar + ", " + consoleJar);
        }
        Files.createDirectories(work);
        Path data = work.resolve("data-" + deployments + "-" + historyRows);
        ensureSeeded(data);

        Path copy = work.resolve("embedded-copy");
        for (int i = 0; i < startups; i++) {
            copyDirectory(data, copy);
            results.add(startupRow("start-up, embedded server (copy of the data)", i, startConsole(
                    List.of("--data-dir", copy.toString(), "--port", "0", "--no-demo"))));
        }
        deleteDirectory(copy); // as large as the seeded database
        try (ServerProcess server = ServerProcess.start(this, data)) {
            serverUrl = server.url();
            for (int i = 0; i < startups; i++) {
                results.add(startupRow("start-up, --server (remote)", i, startConsole(
                        List.of("--server", server.url()))));
            }
            inProcess(server.url());
        }
        printTable();
    }

    // ------------------------------------------------------------------ the server and its data

    /** A server from the built jar, on a free loopback port; closing it stops it. */
    private record ServerProcess(Process process, String url) implements AutoCloseable {

        static ServerProcess start(ConsoleBenchmark bench, Path data) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(bench.java, "-Xms32m", "-Xmx128m", "-XX:+UseParallelGC", "-jar",
                    bench.serverJar.toString(), "--port", String.valueOf(port), "--data-dir", data.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(bench.work.resolve("server.log").toFile())
                    .start();
            ServerProcess server = new ServerProcess(process, "http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server stopped; see " + bench.work.resolve("server.log"));
                }
                try {
                    if (bench.get(server.url + "/health").statusCode() == 200) {
                        return server;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            server.close();
            throw new IllegalStateException("The server did not become healthy in 90 s");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void ensureSeeded(Path data) throws Exception {
        Path marker = data.resolve("bench-seeded.properties");
        if (Files.isRegularFile(marker)) {
            System.out.printf("Reusing %s%n", data);
            return;
        }
        if (historyRows < deployments) {
            throw new IllegalArgumentException("bench.historyRows must be at least bench.deployments");
        }
        deleteDirectory(data);
        Files.createDirectories(data);
        try (ServerProcess server = ServerProcess.start(this, data)) {
            serverUrl = server.url();
            long patches = historyRows - deployments;
            long longHistory = deployments > 1 ? Math.min(1_000, patches / 10) : patches;
            long perOther = deployments > 1 ? (patches - longHistory) / (deployments - 1) : 0;
            long extra = deployments > 1 ? (patches - longHistory) % (deployments - 1) : 0;
            System.out.printf("Seeding %,d deployments and %,d status changes over %d connections...%n",
                    deployments, patches, connections);
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            long start = System.nanoTime();
            send("POST", deploymentsPath(), createBody(0), done, failed);
            List<CompletableFuture<Void>> lanes = new ArrayList<>();
            for (int lane = 0; lane < connections; lane++) {
                int first = lane;
                lanes.add(CompletableFuture.runAsync(() -> {
                    for (int i = first; i < deployments; i += connections) {
                        long count = i == 0 ? longHistory : perOther + (i - 1 < extra ? 1 : 0);
                        seedOne(i, count, done, failed);
                    }
                }, pool));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new));
            while (true) {
                try {
                    all.get(15, TimeUnit.SECONDS);
                    break;
                } catch (TimeoutException e) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %,d requests in %.0f s (%,.0f/s), %d failed%n", done.get(), seconds,
                            done.get() / seconds, failed.get());
                }
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            seeding = String.format(Locale.ROOT, "seeded in this run: %,d requests in %.0f s, %,.0f requests/s",
                    done.get(), seconds, done.get() / seconds);
            System.out.println(seeding + ", " + failed.get() + " failed");
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " seeding requests failed; see " + work);
            }
        }
        Properties props = new Properties();
        props.setProperty("deployments", String.valueOf(deployments));
        props.setProperty("historyRows", String.valueOf(historyRows));
        try (var out = Files.newOutputStream(marker)) {
            props.store(out, "seeded by ConsoleBenchmark");
        }
    }

    /** Creates bench-NNNNN (one history row) and changes its status {@code count} times (one row each). */
    private void seedOne(int index, long count, AtomicLong done, AtomicLong failed) {
        String name = name(index);
        Random random = new Random(index);
        try {
            if (index > 0) {
                send("POST", deploymentsPath(), createBody(index), done, failed);
            }
            for (long k = 1; k <= count; k++) {
                String[] change = change(random, k);
                send("PATCH", deploymentsPath() + "/" + name + "/status",
                        "{\"status\":\"" + change[0] + "\",\"status_message\":\"" + change[1] + "\"}", done, failed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String createBody(int index) {
        return "{\"name\":\"" + name(index) + "\",\"config\":\"cfg\"}";
    }

    private static String[] change(Random random, long step) {
        String node = NODES[random.nextInt(NODES.length)];
        return switch (random.nextInt(6)) {
            case 0 -> new String[]{"PENDING", "Pulling image nim/llama-3.1-8b on " + node + " (step " + step + ")"};
            case 1, 2 -> new String[]{"READY", "Serving on " + node + " with " + (1 + random.nextInt(4))
                    + " replicas (step " + step + ")"};
            case 3 -> new String[]{"ERROR", "CUDA out of memory on " + node + " (step " + step + ")"};
            case 4 -> new String[]{"LOST", node + " stopped reporting (step " + step + ")"};
            default -> new String[]{"UNKNOWN", "Controller restarting (step " + step + ")"};
        };
    }

    private void send(String method, String path, String body, AtomicLong done, AtomicLong failed)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(serverUrl + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        done.incrementAndGet();
        if (response.statusCode() / 100 != 2) {
            if (failed.incrementAndGet() <= 5) {
                System.out.println("  " + method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
        }
    }

    private String serverUrl;

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String deploymentsPath() {
        return "/apis/models/v2/workspaces/" + WORKSPACE + "/deployments";
    }

    private static String name(int index) {
        return String.format(Locale.ROOT, "bench-%05d", index + 1);
    }

    // ------------------------------------------------------------------ (a) start-up from the jar

    private record Startup(long uptimeMillis, long wallMillis, int rows) {
    }

    /** Starts the console jar headless, waits for its first-data line, stops it. */
    private Startup startConsole(List<String> options) throws Exception {
        Path monocle = Path.of(Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory")
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(List.of(java, "-Dmodeldeploy.reportFirstData=true",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Djava.util.prefs.userRoot=" + work.resolve("prefs"),
                "-Djava.util.prefs.syncInterval=3600",
                "-cp", consoleJar + File.pathSeparator + monocle, "io.modeldeploy.gui.ConsoleLauncher"));
        command.addAll(options);
        long start = System.nanoTime();
        Process console = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(console.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                    if (l.startsWith(FIRST_DATA)) {
                        return l;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String report = line.get(180, TimeUnit.SECONDS);
            long wall = (System.nanoTime() - start) / 1_000_000;
            if (report == null) {
                throw new IllegalStateException("The console ended without showing data: " + command);
            }
            long uptime = Long.parseLong(field(report, "uptime_ms"));
            int rows = Integer.parseInt(field(report, "rows"));
            System.out.printf("  console %s: first rows at uptime %,d ms (%,d ms after launch), %,d rows%n",
                    options.get(0), uptime, wall, rows);
            return new Startup(uptime, wall, rows);
        } finally {
            console.destroy();
            if (!console.waitFor(30, TimeUnit.SECONDS)) {
                console.destroyForcibly().waitFor();
            }
        }
    }

    private static String field(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        throw new IllegalStateException("no " + key + " in " + line);
    }

    private static String startupRow(String what, int run, Startup startup) {
        return String.format(Locale.ROOT, "| %-58s | %,8d | %,8d | %8s | %5s | %-13s |", what + " #" + (run + 1),
                startup.uptimeMillis(), startup.wallMillis(), String.format(Locale.ROOT, "%,d", startup.rows()), "1",
                "<= 2000 ms");
    }

    // ------------------------------------------------------------------ (b)-(d) in this JVM

    private void inProcess(String url) throws Exception {
        serverUrl = url;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        ExecutorService workers = TaskRunner.newWorkerPool();
        String prefsNode = "/io/modeldeploy/bench/" + UUID.randomUUID();
        MainView view = onFx(() -> {
            ConsoleContext context = new ConsoleContext(new HttpDeploymentApiClient(URI.create(url)),
                    TaskRunner.onFx(workers), new ThemeManager(Theme.LIGHT),
                    new GuiPreferences(Preferences.userRoot().node(prefsNode)),
                    ConnectionInfo.remote(URI.create(url)));
            MainView main = new MainView(context, ConsoleViewModels.create(context));
            Stage stage = new Stage();
            Scene scene = new Scene(main, 1280, 800); // Monocle's headless screen size
            context.themes().style(scene);
            stage.setScene(scene);
            stage.show();
            main.start();
            return main;
        });
        DeploymentListViewModel list = view.viewModel().list();
        long loadStart = System.nanoTime();
        waitFor("the whole list", 120, () -> list.totalCountProperty().get() >= deployments
                && !list.loadingProperty().get());
        System.out.printf("  in-process console: list of %,d loaded in %,d ms%n", list.totalCountProperty().get(),
                (System.nanoTime() - loadStart) / 1_000_000);

        measureSearch(view, name(deployments * 3 / 8));
        measureSearch(view, "gpu-node-12 memory");
        measureListChanges(view);
        measureTimelineChanges(view);
        measureListScrolling(view);
        measureTimelineScrolling(view);

        onFx(() -> {
            view.stop();
            return null;
        });
        workers.shutdownNow();
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    /** Types {@code text} char by char at ~8 chars/s; per keystroke: FX-thread time and time until rendered. */
    private void measureSearch(MainView view, String text) throws Exception {
        CustomTextField field = (CustomTextField) view.listView().lookup("#searchField");
        DeploymentListViewModel list = view.viewModel().list();
        onFx(() -> {
            field.setText("");
            return null;
        });
        List<Long> handler = new ArrayList<>();
        List<Long> applied = new ArrayList<>();
        List<Long> rendered = new ArrayList<>();
        int shown = 0;
        for (int i = 1; i <= text.length(); i++) {
            String typed = text.substring(0, i);
            String[] expected = DeploymentFilter.of(null, EnumSet.noneOf(DeploymentStatus.class),
                    typed, false, false).words();
            long started = System.nanoTime();
            CompletableFuture<Long> done = new CompletableFuture<>();
            long[] appliedAfter = new long[1];
            long handlerNanos = onFx(() -> {
                long t0 = System.nanoTime();
                Runnable[] check = new Runnable[1];
                InvalidationListener onFilter = obs -> check[0].run();
                check[0] = () -> {
                    if (appliedAfter[0] == 0 && Arrays.equals(list.filterProperty().get().words(), expected)) {
                        appliedAfter[0] = System.nanoTime() - t0;
                        list.filterProperty().removeListener(onFilter);
                        afterNextPulse(field.getScene(), () -> done.complete(System.nanoTime() - t0));
                    }
                };
                list.filterProperty().addListener(onFilter);
                field.setText(typed);
                long spent = System.nanoTime() - t0;
                check[0].run();
                return spent;
            });
            handler.add(handlerNanos);
            rendered.add(done.get(30, TimeUnit.SECONDS));
            applied.add(appliedAfter[0]);
            shown = onFx(() -> list.shownCountProperty().get());
            sleepUntil(started + TimeUnit.MILLISECONDS.toNanos(120));
        }
        results.add(row("search \"" + text + "\", per keystroke: to rendered rows", rendered, "<= 30 ms"));
        results.add(row("  of which until the filter was applied", applied, ""));
        results.add(row("  FX-thread time of the keystroke itself", handler, ""));
        System.out.printf("  search \"%s\": %,d rows shown at the end%n", text, shown);
        onFx(() -> {
            field.setText("");
            return null;
        });
        waitFor("the search cleared", 30, () -> list.filterProperty().get().words().length == 0);
    }

    /** PATCHes random deployments with a plain HTTP client; time until the changed row is on screen. */
    private void measureListChanges(MainView view) throws Exception {
        TableView<DeploymentRow> table = view.listView().table();
        Random random = new Random(7);
        List<Long> latencies = new ArrayList<>();
        List<Long> afterAnswer = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            String name = name(1 + random.nextInt(deployments - 1));
            String message = "Benchmark change " + i + " " + UUID.randomUUID();
            CompletableFuture<Long> seen = new CompletableFuture<>();
            long[] sent = new long[1];
            Runnable probe = () -> {
                for (Node node : table.lookupAll(".table-row-cell")) {
                    if (node instanceof TableRow<?> row && row.isVisible() && row.getItem() instanceof DeploymentRow item
                            && item.name().equals(name) && message.equals(item.message())) {
                        seen.complete(System.nanoTime() - sent[0]);
                        return;
                    }
                }
            };
            onFx(() -> {
                table.getScene().addPostLayoutPulseListener(probe);
                return null;
            });
            sent[0] = System.nanoTime();
            long answered = patch(name, i % 2 == 0 ? "READY" : "ERROR", message) - sent[0];
            long latency = seen.get(30, TimeUnit.SECONDS);
            latencies.add(latency);
            afterAnswer.add(Math.max(0, latency - answered));
            onFx(() -> {
                table.getScene().removePostLayoutPulseListener(probe);
                return null;
            });
            Thread.sleep(30);
        }
        results.add(row("external PATCH sent -> list row on screen", latencies, "p95 <= 100 ms"));
        results.add(row("  of which after the PATCH was answered", afterAnswer, ""));
    }

    /** Selects a deployment; PATCHes it; time until its timeline shows the new entry on top after a pulse. */
    private void measureTimelineChanges(MainView view) throws Exception {
        String name = name(deployments / 2);
        StatusTimelineViewModel timeline = selectAndAwaitHistory(view, name);
        List<Long> latencies = new ArrayList<>();
        List<Long> afterAnswer = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            String message = "Timeline change " + i + " " + UUID.randomUUID();
            CompletableFuture<Long> seen = new CompletableFuture<>();
            long[] sent = new long[1];
            Scene scene = view.getScene();
            Runnable probe = () -> {
                if (!timeline.items().isEmpty()
                        && message.equals(timeline.items().get(0).entry().statusMessage())) {
                    afterNextPulse(scene, () -> seen.complete(System.nanoTime() - sent[0]));
                }
            };
            ListChangeListener<Object> onItems = c -> probe.run();
            onFx(() -> {
                timeline.items().addListener(onItems);
                return null;
            });
            sent[0] = System.nanoTime();
            long answered = patch(name, i % 2 == 0 ? "READY" : "PENDING", message) - sent[0];
            long latency = seen.get(30, TimeUnit.SECONDS);
            latencies.add(latency);
            afterAnswer.add(Math.max(0, latency - answered));
            onFx(() -> {
                timeline.items().removeListener(onItems);
                return null;
            });
            Thread.sleep(30);
        }
        results.add(row("external PATCH sent -> selected timeline entry", latencies, "p95 <= 100 ms"));
        results.add(row("  of which after the PATCH was answered", afterAnswer, ""));
    }

    private StatusTimelineViewModel selectAndAwaitHistory(MainView view, String name) throws Exception {
        StatusTimelineViewModel timeline = view.detailView().getViewModel().timeline();
        long start = System.nanoTime();
        onFx(() -> {
            view.listView().select(WORKSPACE, name);
            return null;
        });
        waitFor("the history of " + name, 30, () -> timeline.versionProperty().get() != null
                && name.equals(timeline.versionProperty().get().name()) && !timeline.items().isEmpty());
        System.out.printf("  selected %s: timeline with %,d entries after %,d ms%n", name,
                onFx(() -> timeline.items().size()), (System.nanoTime() - start) / 1_000_000);
        return timeline;
    }

    /** Scrolls the table by 3 rows per step to the end and jumps around; FX-thread time per step incl. CSS and layout. */
    private void measureListScrolling(MainView view) throws Exception {
        TableView<DeploymentRow> table = view.listView().table();
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            steps.add(onFx(() -> timed(table, () -> flow.scrollPixels(3 * 24))));
        }
        results.add(row("scroll list by 3 rows (300 steps)", steps, "< 16 ms"));
        Random random = new Random(3);
        List<Long> jumps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int index = random.nextInt(deployments);
            jumps.add(onFx(() -> timed(table, () -> table.scrollTo(index))));
        }
        results.add(row("jump list to a random row (100 jumps)", jumps, "< 16 ms"));
    }

    /** Scrolls the timeline of the deployment with the longest history down to its oldest entry. */
    private void measureTimelineScrolling(MainView view) throws Exception {
        StatusTimelineViewModel timeline = selectAndAwaitHistory(view, name(0));
        ListView<?> entries = (ListView<?>) view.detailView().lookup(".timeline-list");
        List<Long> steps = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            VirtualFlow<?> flow = (VirtualFlow<?>) entries.lookup(".virtual-flow");
            steps.add(onFx(() -> timed(entries, () -> flow.scrollPixels(3 * 48))));
            Thread.sleep(5);
            boolean atEnd = onFx(() -> !timeline.hasOlderProperty().get() && !timeline.loadingOlderProperty().get()
                    && flow.getLastVisibleCell() != null
                    && flow.getLastVisibleCell().getIndex() == entries.getItems().size() - 1);
            if (atEnd) {
                break;
            }
        }
        System.out.printf("  timeline of %s: %,d entries loaded, older left: %s, error: '%s'%n", name(0),
                onFx(() -> timeline.items().size()), onFx(() -> timeline.hasOlderProperty().get()),
                onFx(() -> timeline.loadErrorProperty().get()));
        results.add(row("scroll timeline by 144 px to the oldest (" + onFx(() -> timeline.items().size())
                + " entries)", steps, "< 16 ms"));
    }

    private static long timed(Parent node, Runnable step) {
        long t0 = System.nanoTime();
        step.run();
        Parent root = node.getScene().getRoot();
        root.applyCss();
        root.layout();
        return System.nanoTime() - t0;
    }

    /** Answers when the server's answer arrived (System.nanoTime). */
    private long patch(String name, String status, String message) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(serverUrl + deploymentsPath() + "/" + name + "/status"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"status\":\"" + status + "\",\"status_message\":\"" + message + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PATCH " + name + " -> " + response.statusCode() + " " + response.body());
        }
        return System.nanoTime();
    }

    // ------------------------------------------------------------------ plumbing

    private static void afterNextPulse(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        deleteDirectory(to);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().equals("instance.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    private static void deleteDirectory(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ------------------------------------------------------------------ the table of results

    private static String row(String what, List<Long> nanos, String target) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format(Locale.ROOT, "| %-58s | %8.1f | %8.1f | %8.1f | %5d | %-13s |", what,
                percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1) / 1e6, sorted.size(),
                target);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private void printTable() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        System.out.println();
        System.out.printf("ModelDeploy console benchmark, %s%n",
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        System.out.printf("machine: %d cores, %s, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
        System.out.printf("data: %,d deployments, %,d history rows in workspace %s (%s)%n", deployments, historyRows,
                WORKSPACE, seeding);
        System.out.println("start-up rows: columns are uptime ms at first rendered rows | ms since launch | rows");
        System.out.printf("| %-58s | %8s | %8s | %8s | %5s | %-13s |%n", "measurement (ms)", "p50", "p95", "max", "n",
                "target");
        System.out.println("|" + "-".repeat(60) + "|" + "-".repeat(10) + "|" + "-".repeat(10) + "|" + "-".repeat(10)
                + "|" + "-".repeat(7) + "|" + "-".repeat(15) + "|");
        results.forEach(System.out::println);
    }
}
