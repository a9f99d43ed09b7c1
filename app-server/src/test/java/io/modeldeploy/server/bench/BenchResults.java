package io.modeldeploy.server.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Everything one benchmark run found, as a Markdown report. */
record BenchResults(ZonedDateTime date, BenchOptions options, String serverDescription, Duration seedTime,
                    long created, long existing, List<Phase> phases, Double serverPeakRssMiB,
                    LostWriteCheck lostWrites) {

    /**
     * One phase: its warm-up run (null when skipped), its measured run, and over the measured
     * run the CPU time, in cores, of the server and of all other processes together (both null
     * when the server's PID is unknown) and of the generator, and the server's highest sampled
     * VmRSS.
     */
    record Phase(String name, LoadGenerator.RunResult warmup, LoadGenerator.RunResult measured, Double serverCores,
                 double generatorCores, Double otherCores, Double serverPeakVmRssMiB) {
        /** 2xx answers of the warm-up and the measured run. */
        long successes() {
            return measured.successes() + (warmup == null ? 0 : warmup.successes());
        }

        /** Failed exchanges of the warm-up and the measured run. */
        long errors() {
            return measured.errors() + (warmup == null ? 0 : warmup.errors());
        }
    }

    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("## Server load benchmark, ")
                .append(date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)))
                .append("\n\n| | |\n|---|---|\n");
        row(out, "machine", Runtime.getRuntime().availableProcessors() + " cores, " + ProcStats.cpuModel() + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; JDK "
                + System.getProperty("java.version"));
        row(out, "server", serverDescription);
        row(out, "load", options.connections() + " connections, one thread and one keep-alive socket each, "
                + "closed loop; generator in the same machine");
        row(out, "runs", (options.warmup().isZero() ? "no warm-up" : BenchOptions.format(options.warmup()) + " warm-up")
                + " + " + BenchOptions.format(options.duration()) + " measured, GET then PATCH");
        row(out, "deployments", String.format(Locale.ROOT, "%,d (seeded in %.2f s: %,d created, %,d already there)",
                options.deployments(), seedTime.toMillis() / 1000.0, created, existing));
        out.append("\n| phase | req/s | p50 ms | p90 ms | p99 ms | max ms | answers | status codes | errors "
                + "| server CPU cores | generator CPU cores | other processes CPU cores | server peak VmRSS MiB |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Phase phase : phases) {
            LoadGenerator.RunResult run = phase.measured();
            LatencyDistribution latencies = run.latencies();
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %s | %s | %,d | %s | %,d | %s | %.2f | %s | %s |%n",
                    phase.name(), run.requestsPerSecond(), millis(latencies.percentile(50)),
                    millis(latencies.percentile(90)), millis(latencies.percentile(99)), millis(latencies.max()),
                    run.answers(), statusCodes(run.statusCounts()), run.errors(),
                    orNa(phase.serverCores(), "%.2f"), phase.generatorCores(), orNa(phase.otherCores(), "%.2f"),
                    orNa(phase.serverPeakVmRssMiB(), "%.0f")));
        }
        out.append('\n');
        for (Phase phase : phases) {
            if (phase.warmup() != null) {
                out.append(String.format(Locale.ROOT, "- %s warm-up: %,.0f req/s, %,d answers (%s), %,d errors%n",
                        phase.name(), phase.warmup().requestsPerSecond(), phase.warmup().answers(),
                        statusCodes(phase.warmup().statusCounts()), phase.warmup().errors()));
            }
            List<String> samples = phase.measured().errorSamples();
            if (!samples.isEmpty()) {
                out.append("- ").append(phase.name()).append(" errors, first ones: ")
                        .append(String.join("; ", samples)).append('\n');
            }
        }
        out.append("- other processes: CPU used during the measured run by everything but the server and the "
                + "generator; a busy neighbour depresses the figures\n");
        out.append("- server peak RSS (VmHWM, since its start): ").append(orNa(serverPeakRssMiB, "%.0f MiB"))
                .append('\n');
        out.append("- lost-write check: ").append(lostWrites.summary()).append('\n');
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String statusCodes(Map<Integer, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%d: %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String orNa(Double value, String format) {
        return value == null ? "n/a" : String.format(Locale.ROOT, format, value);
    }
}
