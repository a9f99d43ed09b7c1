package io.modeldeploy.server.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    private static String error(Map<String, String> properties) {
        return assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(properties)).getMessage();
    }

    @Test
    void defaultsIgnoreOtherProperties() {
        BenchOptions options = BenchOptions.parse(Map.of("java.version", "17", "benchmark", "x"));
        assertEquals(16, options.connections());
        assertEquals(Duration.ofSeconds(5), options.warmup());
        assertEquals(Duration.ofSeconds(10), options.duration());
        assertEquals(1000, options.deployments());
        assertEquals(List.of("-Xms32m", "-Xmx128m", "-XX:+UseParallelGC"), options.serverJvmOpts());
        assertTrue(options.startsServer());
        assertNull(options.targetPid());
    }

    @Test
    void readsEveryOption() {
        BenchOptions options = BenchOptions.parse(Map.of(
                "bench.connections", "64", "bench.warmup", "0s", "bench.duration", "2m",
                "bench.deployments", "5000", "bench.serverJvmOpts", "  -Xmx1g   -XX:+UseParallelGC "));
        assertEquals(64, options.connections());
        assertEquals(Duration.ZERO, options.warmup());
        assertEquals(Duration.ofMinutes(2), options.duration());
        assertEquals(5000, options.deployments());
        assertEquals(List.of("-Xmx1g", "-XX:+UseParallelGC"), options.serverJvmOpts());
        assertEquals(List.of(), BenchOptions.parse(Map.of("bench.serverJvmOpts", " ")).serverJvmOpts());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(1500), BenchOptions.parseDuration("1500ms"));
        assertEquals(Duration.ofSeconds(7), BenchOptions.parseDuration("7"));
        assertEquals(Duration.ofSeconds(7), BenchOptions.parseDuration(" 7s "));
        assertNull(BenchOptions.parseDuration("7h"));
        assertNull(BenchOptions.parseDuration("-1s"));
        assertNull(BenchOptions.parseDuration("1.5s"));
        assertEquals("1500ms", BenchOptions.format(Duration.ofMillis(1500)));
        assertEquals("10s", BenchOptions.format(Duration.ofSeconds(10)));
    }

    @Test
    void badValuesNameTheOptionAndTheValue() {
        assertEquals("bench.connections must be 1..1024, got 'x'", error(Map.of("bench.connections", "x")));
        assertEquals("bench.connections must be 1..1024, got '0'", error(Map.of("bench.connections", "0")));
        assertEquals("bench.connections must be 1..1024, got '1025'", error(Map.of("bench.connections", "1025")));
        assertEquals("bench.deployments must be 1..100000, got ''", error(Map.of("bench.deployments", "")));
        assertEquals("bench.duration must be a duration from 1s to 1h such as 10s, 30s or 2m, got '500ms'",
                error(Map.of("bench.duration", "500ms")));
        assertEquals("bench.duration must be a duration from 1s to 1h such as 10s, 30s or 2m, got '61m'",
                error(Map.of("bench.duration", "61m")));
        assertEquals("bench.warmup must be a duration from 0s to 1h such as 5s, 0s or 1m, got 'soon'",
                error(Map.of("bench.warmup", "soon")));
        assertEquals("bench.pid must be a process id (a positive number), got '-3'",
                error(Map.of("bench.url", "http://127.0.0.1:8080", "bench.pid", "-3")));
    }

    @Test
    void unknownOptionsAreRejected() {
        String message = error(Map.of("bench.conections", "16"));
        assertTrue(message.startsWith("unknown option -Dbench.conections; the options are [bench.connections, "),
                message);
    }

    @Test
    void targetUrlMustBeLoopbackHttpWithAPort() {
        assertEquals(URI.create("http://127.0.0.1:8080"), BenchOptions.parse(Map.of("bench.url", "http://127.0.0.1:8080/"))
                .targetUrl());
        assertEquals(URI.create("http://localhost:9000"), BenchOptions.parse(Map.of("bench.url", "http://localhost:9000"))
                .targetUrl());
        assertEquals(URI.create("http://[::1]:9000"), BenchOptions.parse(Map.of("bench.url", "http://[::1]:9000"))
                .targetUrl());
        assertEquals(4242L, BenchOptions.parse(Map.of("bench.url", "http://127.0.0.2:1", "bench.pid", "4242"))
                .targetPid());
        for (String bad : List.of("https://127.0.0.1:8443", "http://127.0.0.1", "http://127.0.0.1:8080/apis",
                "http://127.0.0.1:8080?x=1", "127.0.0.1:8080", "http://:8080")) {
            assertTrue(error(Map.of("bench.url", bad)).startsWith("bench.url must be http://<loopback address>:<port>"),
                    bad);
        }
        assertTrue(error(Map.of("bench.url", "http://10.0.0.5:8080")).endsWith("(10.0.0.5 is not a loopback address)"));
        assertTrue(error(Map.of("bench.url", "http://example.com:80")).endsWith("(example.com is not a loopback address)"));
    }

    @Test
    void optionsThatDoNotGoTogether() {
        assertTrue(error(Map.of("bench.pid", "42")).startsWith("bench.pid goes with bench.url"));
        assertTrue(error(Map.of("bench.url", "http://127.0.0.1:8080", "bench.serverJvmOpts", "-Xmx1g"))
                .startsWith("bench.serverJvmOpts applies only to a server the benchmark starts"));
    }
}
