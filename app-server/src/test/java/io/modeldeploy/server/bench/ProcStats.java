package io.modeldeploy.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Memory and CPU time of a process, and what the machine is, from Linux's /proc. */
final class ProcStats {
    /** USER_HZ, the unit of utime and stime in /proc/PID/stat; 100 on every Linux architecture Java runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    static boolean exists(long pid) {
        return Files.isDirectory(Path.of("/proc", Long.toString(pid)));
    }

    /** User plus system CPU time the process has used so far, in seconds. */
    static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        // the command name in parentheses may contain spaces: fields are counted after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / (double) TICKS_PER_SECOND;
    }

    /** CPU time the whole machine has spent busy so far (all CPUs, not idle or waiting for I/O), in seconds. */
    static double machineBusySeconds() {
        String[] fields = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long total = 0;
        // cpu user nice system idle iowait irq softirq steal (guest time is already in user)
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return (total - idle) / (double) TICKS_PER_SECOND;
    }

    /** A {@code kB} line of /proc/PID/status, such as VmRSS or VmHWM (peak resident set), in MiB. */
    static double statusMiB(long pid, String field) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(field + ":")) {
                String kb = line.substring(field.length() + 1).trim().split("\\s+")[0];
                return Long.parseLong(kb) / 1024.0;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    /** The first "model name" of /proc/cpuinfo. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // reported as unknown
        }
        return "unknown CPU";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the process ended?)", e);
        }
    }

    /** Samples a process's VmRSS every 200 ms until closed, keeping the highest value. */
    static final class RssSampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-rss-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicLong peakKiB = new AtomicLong();

        RssSampler(long pid) {
            timer.scheduleAtFixedRate(() -> {
                if (exists(pid)) {
                    peakKiB.accumulateAndGet(Math.round(statusMiB(pid, "VmRSS") * 1024), Math::max);
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        double peakMiB() {
            return peakKiB.get() / 1024.0;
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
