package io.modeldeploy.server.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's options, given as {@code -Dbench.NAME=VALUE}. Without {@code bench.url} the
 * benchmark starts its own server ({@code targetUrl} is null); with it, it loads that server and
 * can report its memory and CPU only when {@code bench.pid} names its process.
 */
record BenchOptions(int connections, Duration warmup, Duration duration, int deployments,
                    List<String> serverJvmOpts, URI targetUrl, Long targetPid) {

    static final String PREFIX = "bench.";
    static final String CONNECTIONS = "bench.connections";
    static final String WARMUP = "bench.warmup";
    static final String DURATION = "bench.duration";
    static final String DEPLOYMENTS = "bench.deployments";
    static final String SERVER_JVM_OPTS = "bench.serverJvmOpts";
    static final String URL = "bench.url";
    static final String PID = "bench.pid";
    private static final Set<String> KNOWN = new TreeSet<>(
            List.of(CONNECTIONS, WARMUP, DURATION, DEPLOYMENTS, SERVER_JVM_OPTS, URL, PID));

    static final int MAX_CONNECTIONS = 1024;
    static final int MAX_DEPLOYMENTS = 100_000;
    static final Duration MAX_DURATION = Duration.ofHours(1);
    static final String DEFAULT_SERVER_JVM_OPTS = "-Xms32m -Xmx128m -XX:+UseParallelGC";

    private static final Pattern DURATION_TEXT = Pattern.compile("(\\d{1,9})(ms|s|m)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    boolean startsServer() {
        return targetUrl == null;
    }

    /**
     * Reads the {@code bench.*} entries of {@code properties} (other keys are ignored).
     *
     * @throws IllegalArgumentException naming the bad option, its value and what it should be
     */
    static BenchOptions parse(Map<String, String> properties) {
        for (String key : properties.keySet()) {
            if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown option -D" + key + "; the options are " + KNOWN);
            }
        }
        int connections = intOption(properties, CONNECTIONS, 16, 1, MAX_CONNECTIONS);
        Duration warmup = durationOption(properties, WARMUP, Duration.ofSeconds(5), Duration.ZERO, "5s, 0s or 1m");
        Duration duration = durationOption(properties, DURATION, Duration.ofSeconds(10), Duration.ofSeconds(1),
                "10s, 30s or 2m");
        int deployments = intOption(properties, DEPLOYMENTS, 1000, 1, MAX_DEPLOYMENTS);
        URI url = properties.containsKey(URL) ? loopbackUrl(properties.get(URL)) : null;
        Long pid = properties.containsKey(PID) ? pid(properties.get(PID)) : null;
        if (pid != null && url == null) {
            throw new IllegalArgumentException(PID + " goes with " + URL + " (the PID of a server the benchmark "
                    + "starts is known); add -D" + URL + "=http://127.0.0.1:PORT or drop -D" + PID);
        }
        if (url != null && properties.containsKey(SERVER_JVM_OPTS)) {
            throw new IllegalArgumentException(SERVER_JVM_OPTS + " applies only to a server the benchmark starts, "
                    + "not to the one at " + URL + "=" + url);
        }
        String jvmOpts = properties.getOrDefault(SERVER_JVM_OPTS, DEFAULT_SERVER_JVM_OPTS).trim();
        List<String> serverJvmOpts = jvmOpts.isEmpty() ? List.of() : Arrays.asList(jvmOpts.split("\\s+"));
        return new BenchOptions(connections, warmup, duration, deployments, List.copyOf(serverJvmOpts), url, pid);
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}; a bare number is seconds. */
    static Duration parseDuration(String text) {
        Matcher matcher = DURATION_TEXT.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static int intOption(Map<String, String> properties, String key, int defaultValue, int min, int max) {
        String text = properties.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", got '" + text + "'");
    }

    private static Duration durationOption(Map<String, String> properties, String key, Duration defaultValue,
                                           Duration min, String examples) {
        String text = properties.get(key);
        if (text == null) {
            return defaultValue;
        }
        Duration value = parseDuration(text);
        if (value == null || value.compareTo(min) < 0 || value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(key + " must be a duration from " + format(min) + " to 1h such as "
                    + examples + ", got '" + text + "'");
        }
        return value;
    }

    /** Only loopback targets: this tool must never load another machine. */
    private static URI loopbackUrl(String text) {
        String problem = "bench.url must be http://<loopback address>:<port> such as http://127.0.0.1:8080, got '"
                + text + "'";
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        boolean plainPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1 || !plainPath
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(problem + " (" + uri.getHost() + " is not a loopback address)");
        }
        return URI.create("http://" + uri.getHost() + ":" + uri.getPort());
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
            return false; // a name other than localhost would need DNS
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Long pid(String text) {
        try {
            long pid = Long.parseLong(text.trim());
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(PID + " must be a process id (a positive number), got '" + text + "'");
    }

    static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        return duration.toSeconds() + "s";
    }
}
