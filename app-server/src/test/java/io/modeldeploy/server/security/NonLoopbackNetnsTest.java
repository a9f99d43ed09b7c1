package io.modeldeploy.server.security;

import io.modeldeploy.server.durability.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.modeldeploy.server.security.Endpoints.assertForbidden;
import static io.modeldeploy.server.security.Endpoints.assertSecurityHeaders;
import static io.modeldeploy.server.security.Endpoints.assertUnauthorized;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests from a real non-loopback address. The test makes its own little network: a private
 * network namespace joined to this one by a veth pair (10.213.X.1/30 here, 10.213.X.2/30 inside),
 * starts the server (a child JVM, tokens from MODELDEPLOY_TOKENS) bound to 10.213.X.1, and sends
 * every request from inside the namespace with {@code ip netns exec <ns> curl}. No traffic goes
 * anywhere but across that veth pair. Needs root and {@code ip netns}; skipped otherwise. The
 * namespace and the link are always deleted afterwards.
 */
@Timeout(180)
class NonLoopbackNetnsTest {
    private static final String EDITOR_SECRET = "net-editor-secret-6d2f9a41";
    private static final String VIEWER_SECRET = "net-viewer-secret-3b8e0c57";
    private static final String TOKENS = "net-editor:editor:" + EDITOR_SECRET + ",net-viewer:viewer:" + VIEWER_SECRET;
    private static final String WS = "netns";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private static String namespace;
    private static String hostInterface;
    private static String serverAddress;
    private static boolean namespaceCreated;
    private static boolean linkCreated;
    private static Thread cleanupHook;
    private static Path temp;
    private static ServerProcess server;
    private static int port;

    /** A command's exit code, standard output and standard error. */
    record Result(int exit, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    @BeforeAll
    static void createNetworkAndStartServer() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "network namespaces are a Linux feature");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) || uid() == 0,
                "creating a network namespace needs root; running as " + System.getProperty("user.name"));
        Result list = run("ip", "netns", "list");
        Assumptions.assumeTrue(list.exit() == 0, "'ip netns' is not available here: " + list.output());
        Result curl = run("curl", "--version");
        Assumptions.assumeTrue(curl.exit() == 0, "curl is not available: " + curl.output());

        String suffix = HexFormat.of().formatHex(randomBytes(3));
        namespace = "mdtest-" + suffix;
        hostInterface = "mdh" + suffix;
        String namespaceInterface = "mdn" + suffix;
        int subnet = freeSubnet();
        serverAddress = "10.213." + subnet + ".1";
        String clientAddress = "10.213." + subnet + ".2";
        cleanupHook = new Thread(NonLoopbackNetnsTest::deleteNetwork, "netns-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);

        Result add = run("ip", "netns", "add", namespace);
        Assumptions.assumeTrue(add.exit() == 0, "cannot create a network namespace here: " + add.output());
        namespaceCreated = true;
        Result veth = run("ip", "link", "add", hostInterface, "type", "veth", "peer", "name", namespaceInterface);
        Assumptions.assumeTrue(veth.exit() == 0, "cannot create a veth pair here: " + veth.output());
        linkCreated = true;
        must("ip", "link", "set", namespaceInterface, "netns", namespace);
        must("ip", "addr", "add", serverAddress + "/30", "dev", hostInterface);
        must("ip", "link", "set", hostInterface, "up");
        must("ip", "netns", "exec", namespace, "ip", "addr", "add", clientAddress + "/30", "dev", namespaceInterface);
        must("ip", "netns", "exec", namespace, "ip", "link", "set", namespaceInterface, "up");
        must("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");

        temp = Files.createTempDirectory("modeldeploy-netns");
        port = ServerProcess.freePort();
        // Each route is tried with several bad tokens from one address: more failures than a lockout allows.
        server = ServerProcess.start(temp.resolve("server.log"), Map.of("MODELDEPLOY_TOKENS", TOKENS,
                        "MODELDEPLOY_FAILED_AUTHENTICATIONS_BEFORE_LOCKOUT", "1000"),
                "--bind", serverAddress, "--port", Integer.toString(port), "--data-dir", temp.resolve("data").toString());
        assertEquals(port, server.awaitListening(Duration.ofSeconds(60)));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        TestHttp.Reply health = null;
        while (System.nanoTime() < deadline) {
            try {
                health = curl("GET", "/health", null);
                if (health.status == 200) {
                    break;
                }
            } catch (AssertionError notYet) {
                // the link may take a moment to come up
            }
            Thread.sleep(200);
        }
        assertTrue(health != null && health.status == 200, "/health from the namespace: " + health + "\n" + server.tail());
        System.out.println("[netns] server on " + serverAddress + ":" + port + ", requests from " + clientAddress
                + " in namespace " + namespace);
    }

    @AfterAll
    static void stopServerAndDeleteNetwork() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            deleteNetwork();
            if (cleanupHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanupHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
            if (temp != null) {
                try (Stream<Path> files = Files.walk(temp)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static synchronized void deleteNetwork() {
        if (linkCreated) {
            // Deleting one end of a veth pair deletes both.
            Result deleted = run("ip", "link", "del", hostInterface);
            linkCreated = false;
            if (deleted.exit() != 0 && namespaceCreated) {
                run("ip", "netns", "exec", namespace, "ip", "link", "del", "mdn" + hostInterface.substring(3));
            }
        }
        if (namespaceCreated) {
            run("ip", "netns", "del", namespace);
            namespaceCreated = false;
        }
    }

    // ---- the tests ----

    private static String createTarget(String name) {
        curl("POST", deployments(WS), "{\"name\":\"" + name + "\",\"config\":\"cfg\"}", "Authorization",
                bearer(EDITOR_SECRET)).expect(201);
        return name;
    }

    private static String snapshot(String name) {
        return curl("GET", deployments(WS, name, "versions"), null, "Authorization", bearer(VIEWER_SECRET))
                .expect(200).body();
    }

    @Test
    void withoutATokenNothingUnderApisIsAllowedFromTheNetworkNotEvenReading() {
        String name = createTarget("no-token");
        String before = snapshot(name);
        for (Endpoints.Call call : Endpoints.all(WS, name, "no-token-new")) {
            assertUnauthorized(curl(call), call + " from " + namespace + " without a token");
        }
        assertEquals(before, snapshot(name), "no refused write changed anything");
        assertEquals(404, curl("GET", deployments(WS, "no-token-new"), null, "Authorization",
                bearer(VIEWER_SECRET)).status, "the refused create created nothing");
    }

    @Test
    void anUnknownOrNonBearerTokenFromTheNetworkIs401() {
        String name = createTarget("bad-token");
        for (String authorization : List.of("Bearer not-a-token", "Bearer " + EDITOR_SECRET + "x",
                "Basic " + EDITOR_SECRET, EDITOR_SECRET)) {
            for (Endpoints.Call call : Endpoints.all(WS, name, "bad-token-new")) {
                assertUnauthorized(curl(call, "Authorization", authorization), call + " with '" + authorization + "'");
            }
        }
    }

    @Test
    void aViewerFromTheNetworkMayReadAndStreamButNotWrite() {
        String name = createTarget("viewer");
        String before = snapshot(name);
        for (Endpoints.Call call : Endpoints.reads(WS, name)) {
            TestHttp.Reply reply = curl(call, "Authorization", bearer(VIEWER_SECRET));
            assertEquals(200, reply.status, call + ": " + reply);
            assertSecurityHeaders(reply, call);
            if (call.target().endsWith("/deployment-events")) {
                assertTrue(reply.isEventStream(), call + ": " + reply.headers());
                assertTrue(reply.body().contains("heartbeat"), "the stream delivers its heartbeat: " + reply.body());
            }
        }
        for (Endpoints.Call call : Endpoints.writes(WS, name, "viewer-new")) {
            assertForbidden(curl(call, "Authorization", bearer(VIEWER_SECRET)), call + " as a viewer");
        }
        assertEquals(before, snapshot(name), "no refused write changed anything");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditorFromTheNetworkWritesUnderItsTokenName() {
        Map<String, Object> created = curl("POST", deployments(WS), "{\"name\":\"editor\",\"config\":\"cfg\"}",
                "Authorization", bearer(EDITOR_SECRET)).expect(201).map();
        assertEquals("net-editor", ((Map<String, Object>) created.get("auth_context")).get("principal_id"));
        for (Endpoints.Call call : Endpoints.writes(WS, "editor", "editor-new")) {
            TestHttp.Reply reply = curl(call, "Authorization", bearer(EDITOR_SECRET));
            assertTrue(reply.status / 100 == 2, call + " as the editor: " + reply);
            assertSecurityHeaders(reply, call);
        }
        List<Map<String, Object>> history = (List<Map<String, Object>>) curl("GET",
                deployments(WS, "editor", "status-history") + "?version=1", null, "Authorization",
                bearer(EDITOR_SECRET)).expect(200).map().get("data");
        assertTrue(history.size() >= 3 && history.stream().allMatch(entry -> "net-editor".equals(entry.get("actor"))),
                "every change is recorded under the editor token's name: " + history);
    }

    @Test
    void healthNeedsNoTokenFromTheNetwork() {
        TestHttp.Reply health = curl("GET", "/health", null);
        assertEquals(200, health.status, health.toString());
        assertSecurityHeaders(health, "/health");
    }

    // ---- curl inside the namespace ----

    private static TestHttp.Reply curl(Endpoints.Call call, String... headers) {
        String[] all = headers;
        if (call.target().endsWith("/deployment-events")) {
            all = Stream.concat(Stream.of("Accept", "text/event-stream"), Stream.of(headers)).toArray(String[]::new);
        }
        return curl(call.method(), call.target(), call.body(), all);
    }

    /** One request from inside the namespace to the server; an event stream is read for 2 s. */
    private static TestHttp.Reply curl(String method, String target, String body, String... headers) {
        boolean stream = target.endsWith("/deployment-events");
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "curl", "-sS",
                "--noproxy", "*", "--connect-timeout", "5", "--max-time", stream ? "2" : "20", "-i", "-H", "Expect:"));
        if (method.equals("HEAD")) {
            command.add("-I");
        } else {
            command.addAll(List.of("-X", method));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            command.addAll(List.of("-H", headers[i] + ": " + headers[i + 1]));
        }
        if (body != null) {
            command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", "@-"));
        }
        command.add("http://" + serverAddress + ":" + port + target);
        Result result = runWithInput(body == null ? "" : body, command.toArray(String[]::new));
        // 28: the stream was cut off by --max-time, as intended
        if (result.exit() != 0 && !(stream && result.exit() == 28)) {
            throw new AssertionError("curl " + method + " " + target + " exited " + result.exit() + ": " + result.output());
        }
        return parse(result.stdout(), method);
    }

    private static TestHttp.Reply parse(String output, String method) {
        String text = output.replace("\r\n", "\n");
        int end = text.indexOf("\n\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 2);
        String[] lines = head.split("\n");
        String[] status = lines[0].split(" ", 3);
        if (!status[0].startsWith("HTTP/")) {
            throw new AssertionError("not an HTTP response: " + output);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        return new TestHttp.Reply(Integer.parseInt(status[1]), headers, body.getBytes(StandardCharsets.UTF_8), method);
    }

    // ---- commands ----

    private static int uid() {
        Result id = run("id", "-u");
        try {
            return id.exit() == 0 ? Integer.parseInt(id.output().trim()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** 10.213.X.0/30 with an X no interface here uses yet. */
    private static int freeSubnet() {
        String addresses = run("ip", "-4", "addr").output() + run("ip", "-4", "route").output();
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = random.nextInt(254) + 1;
            if (!addresses.contains("10.213." + candidate + ".")) {
                return candidate;
            }
        }
        Assumptions.abort("no free 10.213.X.0/30 subnet");
        return -1;
    }

    private static void must(String... command) {
        Result result = run(command);
        if (result.exit() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + result.output());
        }
    }

    private static Result run(String... command) {
        return runWithInput("", command);
    }

    private static Result runWithInput(String input, String... command) {
        try {
            Process process = new ProcessBuilder(command).start();
            var stdout = new java.util.concurrent.FutureTask<>(process.getInputStream()::readAllBytes);
            var stderr = new java.util.concurrent.FutureTask<>(process.getErrorStream()::readAllBytes);
            for (Runnable reader : List.of(stdout, stderr)) {
                Thread thread = new Thread(reader, "command-output");
                thread.setDaemon(true);
                thread.start();
            }
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "", String.join(" ", command) + " timed out");
            }
            return new Result(process.exitValue(), new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
                    new String(stderr.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (Exception e) {
            throw new AssertionError(String.join(" ", command), e);
        }
    }
}
