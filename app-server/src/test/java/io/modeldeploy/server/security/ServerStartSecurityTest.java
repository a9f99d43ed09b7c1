package io.modeldeploy.server.security;

import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.ServerStartException;
import io.modeldeploy.server.durability.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.modeldeploy.server.security.Endpoints.assertForbidden;
import static io.modeldeploy.server.security.Endpoints.assertUnauthorized;
import static io.modeldeploy.server.security.Endpoints.bearer;
import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the server refuses at start: listening beyond loopback with no token but the local one
 * (refused before it listens), and token lists it cannot parse, from the {@code modeldeploy.tokens}
 * property or the {@code MODELDEPLOY_TOKENS} environment variable; and that a token in the
 * environment does let it listen on every address.
 */
@Timeout(120)
class ServerStartSecurityTest {
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    // ---- binding beyond loopback ----

    @ParameterizedTest(name = "bind {0}")
    @ValueSource(strings = {"0.0.0.0", "::", "0:0:0:0:0:0:0:0"})
    void aWildcardBindWithoutAConfiguredTokenIsRefusedBeforeListening(String bind, @TempDir Path dataDir)
            throws Exception {
        int port = ServerProcess.freePort();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger attempts = new AtomicInteger();
        Thread probe = new Thread(() -> {
            while (!stop.get()) {
                attempts.incrementAndGet();
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    connected.incrementAndGet();
                } catch (IOException refused) {
                    // nothing listens: as it should be
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "listen-probe");
        probe.start();
        ServerStartException refused;
        try {
            refused = assertThrows(ServerStartException.class, () -> ModelDeployServer.start(
                    new ServerOptions(bind, port, dataDir)).close());
        } finally {
            stop.set(true);
            probe.join(5000);
        }
        String message = refused.getMessage();
        assertTrue(message.contains("Refusing to listen on " + bind), message);
        assertTrue(message.contains("MODELDEPLOY_TOKENS"), "the message says how to configure a token: " + message);
        assertTrue(attempts.get() > 0, "the probe ran");
        assertEquals(0, connected.get(), "the server accepted a connection on port " + port
                + " before refusing: it listened on " + bind + " without a token");

        // Nothing is left locked or half-open: the same data directory starts on loopback.
        try (RunningServer server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(dataDir))) {
            assertEquals(200, new TestHttp(server.baseUrl()).get("/health").status);
        }
    }

    @Test
    void aLoopbackHostNameNeedsNoToken(@TempDir Path dataDir) {
        try (RunningServer server = ModelDeployServer.start(
                new ServerOptions("localhost", 0, dataDir))) {
            assertEquals(200, new TestHttp("127.0.0.1", server.baseUrl().getPort()).get("/health").status);
        }
    }

    // ---- token lists that cannot be parsed ----

    static Stream<Arguments> invalidTokenLists() {
        return Stream.of(
                Arguments.of("alice:editor", "name:role:secret", "editor"),
                Arguments.of("alice:editor:   ", "name:role:secret", "alice:editor"),
                Arguments.of("alice", "name:role:secret", "alice:"),
                Arguments.of("bob:admin:pw-admin-4b1f", "unknown role 'admin'", "pw-admin-4b1f"),
                Arguments.of("carol::pw-empty-role-77", "unknown role ''", "pw-empty-role-77"),
                Arguments.of("da ve:viewer:pw-space-12", "token name 'da ve'", "pw-space-12"),
                Arguments.of(":viewer:pw-no-name-31", "token name ''", "pw-no-name-31"),
                Arguments.of("ok:editor:pw-good-1,eve/x:viewer:pw-slash-2", "token name 'eve/x'", "pw-good-1"),
                Arguments.of("ok:editor:pw-good-3,frank:owner:pw-owner-4", "unknown role 'owner'", "pw-owner-4"));
    }

    @ParameterizedTest(name = "modeldeploy.tokens={0}")
    @MethodSource("invalidTokenLists")
    void anInvalidTokenPropertyFailsTheStartNamingTheProblem(String tokens, String problem, String secret,
                                                             @TempDir Path dataDir) {
        String previous = System.getProperty("modeldeploy.tokens");
        System.setProperty("modeldeploy.tokens", tokens);
        ServerStartException refused;
        try {
            refused = assertThrows(ServerStartException.class, () -> ModelDeployServer.start(
                    ServerOptions.defaults().withPort(0).withDataDir(dataDir)).close());
        } finally {
            if (previous == null) {
                System.clearProperty("modeldeploy.tokens");
            } else {
                System.setProperty("modeldeploy.tokens", previous);
            }
        }
        String message = refused.getMessage();
        assertTrue(message.contains("modeldeploy.tokens"), "the message names the property: " + message);
        assertTrue(message.contains(problem), "the message names the problem (" + problem + "): " + message);
        if (secret.startsWith("pw-")) {
            assertFalse(message.contains(secret), "the message does not show a secret: " + message);
        }
        // The failed start left nothing locked.
        try (RunningServer server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(dataDir))) {
            assertEquals(200, new TestHttp(server.baseUrl()).get("/health").status);
        }
    }

    static Stream<Arguments> invalidEnvironmentTokenLists() {
        return Stream.of(
                Arguments.of("bob:superuser:pw-super-9f8e", "unknown role 'superuser'", "pw-super-9f8e"),
                Arguments.of("good:viewer:pw-fine-0a1b,just-a-name", "name:role:secret", "pw-fine-0a1b"));
    }

    @ParameterizedTest(name = "MODELDEPLOY_TOKENS={0}")
    @MethodSource("invalidEnvironmentTokenLists")
    void anInvalidTokenEnvironmentVariableFailsTheStartNamingTheProblem(String tokens, String problem, String secret,
                                                                        @TempDir Path temp) {
        try (ServerProcess child = ServerProcess.start(temp.resolve("server.log"), Map.of("MODELDEPLOY_TOKENS", tokens),
                "--port", "0", "--data-dir", temp.resolve("data").toString())) {
            int exit = child.awaitExit(CHILD_TIMEOUT);
            String output = child.log();
            assertEquals(1, exit, "exit code of a failed start:\n" + output);
            assertTrue(output.contains("modeldeploy server: "), "a one-line reason on stderr:\n" + output);
            assertTrue(output.contains(problem), "the reason names the problem (" + problem + "):\n" + output);
            assertFalse(output.contains(secret), "no secret is printed:\n" + output);
        }
    }

    /**
     * Whoever set MODELDEPLOY_TOKENS must be told that it is MODELDEPLOY_TOKENS that is wrong (the
     * registry labels the environment's entries so), not a property they never set.
     */
    @Test
    void anInvalidTokenEnvironmentVariableIsNamedInTheReason(@TempDir Path temp) {
        try (ServerProcess child = ServerProcess.start(temp.resolve("server.log"),
                Map.of("MODELDEPLOY_TOKENS", "bob:superuser:pw-super-5e6f"),
                "--port", "0", "--data-dir", temp.resolve("data").toString())) {
            assertEquals(1, child.awaitExit(CHILD_TIMEOUT), child.log());
            String reason = child.log().lines().filter(line -> line.startsWith("modeldeploy server: "))
                    .findFirst().orElseThrow(() -> new AssertionError("no reason printed:\n" + child.log()));
            assertTrue(reason.contains("MODELDEPLOY_TOKENS"), "the reason names the variable that was set: " + reason);
            assertFalse(reason.contains("modeldeploy.tokens"), "and not a property that was never set: " + reason);
        }
    }

    @Test
    void aTokenInTheEnvironmentLetsTheServerListenOnEveryAddress(@TempDir Path temp) throws IOException {
        Path dataDir = temp.resolve("data");
        int port = ServerProcess.freePort();
        try (ServerProcess child = ServerProcess.start(temp.resolve("server.log"),
                Map.of("MODELDEPLOY_TOKENS", "envy:editor:env-secret-11aa22bb, peek:viewer:peek-secret-33cc44dd"),
                "--bind", "0.0.0.0", "--port", Integer.toString(port), "--data-dir", dataDir.toString())) {
            assertEquals(port, child.awaitListening(CHILD_TIMEOUT), child.tail());
            TestHttp http = new TestHttp("127.0.0.1", port);
            assertEquals(200, http.get("/health").status);
            Map<String, Object> created = http.postJson(deployments("env"), "{\"name\":\"from-env\",\"config\":\"cfg\"}",
                    "Authorization", bearer("env-secret-11aa22bb")).expect(201).map();
            assertEquals("envy", ((Map<?, ?>) created.get("auth_context")).get("principal_id"));
            http.get(deployments("env", "from-env"), "Authorization", bearer("peek-secret-33cc44dd")).expect(200);
            assertForbidden(http.patchJson(deployments("env", "from-env", "status"), "{\"status\":\"READY\"}",
                    "Authorization", bearer("peek-secret-33cc44dd")), "viewer PATCH");
            assertUnauthorized(http.get(deployments("env", "from-env"), "Authorization", bearer("env-secret")),
                    "unknown token");
            assertTrue(Files.isRegularFile(dataDir.resolve("local-token")), "the local token exists beside them");
            assertFalse(child.log().contains("env-secret-11aa22bb"), "the secret is not logged");
        }
    }
}
