package io.modeldeploy.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import io.modeldeploy.gui.api.ConnectionInfo.TokenSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the console gets its server: built-in (port checks first) or external. */
class ServerConnectionTest {

    @TempDir
    Path dataDir;

    @Test
    void builtInServerStartsOnAFreePortAnswersHealthAndStopsOnClose() throws Exception {
        List<String> progress = new ArrayList<>();
        ServerConnection connection = ServerConnection.open(new LaunchOptions(null, 0, dataDir, false, false),
                progress::add);
        try {
            assertTrue(connection.info().embedded());
            assertEquals(dataDir, connection.info().dataDir());
            assertTrue(connection.client().isHealthy());
            assertTrue(progress.get(0).startsWith("Starting the local server"), progress.toString());
        } finally {
            connection.close();
        }
        assertFalse(connection.client().isHealthy(), "closing stops the built-in server");
    }

    @Test
    void takenPortIsReportedInOneLineWithoutStartingAnything() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertFalse(ServerConnection.isFree("127.0.0.1", taken.getLocalPort()));
            ServerConnection.StartupException e = assertThrows(ServerConnection.StartupException.class,
                    () -> ServerConnection.open(new LaunchOptions(null, taken.getLocalPort(), dataDir, false, false),
                            s -> { }));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void externalServerIsUsedAsItIs() throws Exception {
        try (TestServer server = TestServer.start()) {
            ServerConnection connection = ServerConnection.open(
                    new LaunchOptions(server.baseUrl(), null, null, false, false), s -> { });
            assertFalse(connection.info().embedded());
            assertEquals(server.baseUrl(), connection.client().baseUrl());
            connection.close();
            assertTrue(connection.client().isHealthy(), "closing never stops an external server");
        }
    }

    @Test
    void aNemoPlatformWithoutAHealthEndpointIsConnectedToByItsModelsApi() throws Exception {
        try (NemoModelsDouble nemo = NemoModelsDouble.start()) {
            ServerConnection connection = ServerConnection.open(
                    LaunchOptions.parse(List.of("--server", nemo.baseUri().toString())), s -> { },
                    Duration.ofSeconds(5), Map.of());

            assertEquals(nemo.baseUri(), connection.client().baseUrl());
            assertTrue(nemo.requests().contains("GET /health"), "our server's health check was tried first");
            connection.close();
        }
    }

    @Test
    void unreachableExternalServerIsExplained() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        ServerConnection.StartupException e = assertThrows(ServerConnection.StartupException.class,
                () -> ServerConnection.open(new LaunchOptions(nowhere, null, null, false, false), s -> { },
                        Duration.ofMillis(300)));
        assertTrue(e.getMessage().startsWith("No ModelDeploy server answers at " + nowhere), e.getMessage());
    }

    @Test
    void builtInServerIsUsedWithItsLocalTokenAndStartsInDemoModeByDefault() throws Exception {
        ServerConnection connection = ServerConnection.open(new LaunchOptions(null, 0, dataDir, false, false),
                s -> { }, ServerConnection.REMOTE_HEALTH_TIMEOUT, Map.of());
        try {
            assertTrue(connection.info().hasToken());
            assertEquals(TokenSource.LOCAL_TOKEN_FILE, connection.info().tokenSource());
            assertEquals(dataDir.resolve("local-token"), connection.info().localTokenFile());
            assertEquals(Files.readString(dataDir.resolve("local-token")).strip(), connection.info().token());
            assertTrue(connection.client().hasToken());
            assertTrue(connection.client().getDemo().enabled());
            assertEquals(25, connection.client().listAllDeployments("-").size(), "the demo fleet");
        } finally {
            connection.close();
        }
    }

    @Test
    void noDemoStartsAnEmptyServerWithoutDemoMode() throws Exception {
        ServerConnection connection = ServerConnection.open(new LaunchOptions(null, 0, dataDir, false, false, null,
                true), s -> { }, ServerConnection.REMOTE_HEALTH_TIMEOUT, Map.of());
        try {
            assertFalse(connection.client().getDemo().enabled());
            assertTrue(connection.client().listAllDeployments("-").isEmpty());
        } finally {
            connection.close();
        }
    }

    @Test
    void remoteTokenComesFromTheOptionThenTheEnvironmentThenTheLocalTokenFile() throws Exception {
        URI server = URI.create("http://10.1.2.3:8080");
        Path xdg = dataDir.resolve("xdg");
        Map<String, String> withoutFile = Map.of("XDG_DATA_HOME", xdg.toString());
        LaunchOptions plain = LaunchOptions.parse(List.of("--server", server.toString()));

        ConnectionInfo none = ServerConnection.remoteConnection(plain, withoutFile);
        assertNull(none.token());
        assertEquals(TokenSource.NONE, none.tokenSource());

        Files.createDirectories(xdg.resolve("modeldeploy"));
        Files.writeString(xdg.resolve("modeldeploy").resolve("local-token"), "from-file\n");
        ConnectionInfo fromFile = ServerConnection.remoteConnection(plain, withoutFile);
        assertEquals("from-file", fromFile.token());
        assertEquals(TokenSource.LOCAL_TOKEN_FILE, fromFile.tokenSource());
        assertEquals(xdg.resolve("modeldeploy").resolve("local-token"), fromFile.localTokenFile());

        Map<String, String> withEnv = Map.of("XDG_DATA_HOME", xdg.toString(), "MODELDEPLOY_TOKEN", "from-env");
        ConnectionInfo fromEnv = ServerConnection.remoteConnection(plain, withEnv);
        assertEquals("from-env", fromEnv.token());
        assertEquals(TokenSource.ENVIRONMENT, fromEnv.tokenSource());

        ConnectionInfo fromOption = ServerConnection.remoteConnection(
                LaunchOptions.parse(List.of("--server", server.toString(), "--token", "from-option")), withEnv);
        assertEquals("from-option", fromOption.token());
        assertEquals(TokenSource.OPTION, fromOption.tokenSource());
        assertFalse(fromOption.toString().contains("from-option"), "never printed: " + fromOption);
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsOneClearLine() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("a-file"), "x");
        ServerConnection.StartupException e = assertThrows(ServerConnection.StartupException.class,
                () -> ServerConnection.open(new LaunchOptions(null, 0, notADirectory.resolve("data"), false, false),
                        s -> { }, ServerConnection.REMOTE_HEALTH_TIMEOUT, Map.of()));
        assertTrue(e.getMessage().startsWith("Cannot create the data directory " + notADirectory.resolve("data")),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Choose another with --data-dir."), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aDatabaseInUseByAnotherInstanceIsOneClearLine() throws Exception {
        ServerConnection first = ServerConnection.open(new LaunchOptions(null, 0, dataDir, false, false), s -> { },
                ServerConnection.REMOTE_HEALTH_TIMEOUT, Map.of());
        try {
            ServerConnection.StartupException e = assertThrows(ServerConnection.StartupException.class,
                    () -> ServerConnection.open(new LaunchOptions(null, 0, dataDir, false, false), s -> { },
                            ServerConnection.REMOTE_HEALTH_TIMEOUT, Map.of()));
            assertTrue(e.getMessage().contains("in use by another running ModelDeploy instance"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertTrue(first.client().isHealthy(), "the first instance is untouched");
        } finally {
            first.close();
        }
    }

    @Test
    void aStartReturnsAtOnceWithTheAddressAndTokenItsServerThenAnswersWith() throws Exception {
        ServerConnection.Starting starting = ServerConnection.start(
                new LaunchOptions(null, 0, dataDir, false, false, null, true));
        try {
            URI planned = starting.info().baseUrl();
            assertTrue(planned.getPort() > 0, "--port 0 is given a real port before the server starts: " + planned);
            assertEquals(Files.readString(dataDir.resolve("local-token")).strip(), starting.info().token(),
                    "the local token is known before the server starts");

            assertTrue(starting.client().listAllDeployments("-").isEmpty(), "a call made at once waits for the server");
            ServerConnection started = starting.ready().get(30, TimeUnit.SECONDS);
            assertEquals(planned, started.info().baseUrl());
            assertEquals(starting.info().token(), started.info().token());
        } finally {
            starting.ready().thenAccept(ServerConnection::close).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailedStartFailsTheCallsWaitingForItWithItsReason() throws Exception {
        Path notADirectory = Files.writeString(dataDir.resolve("a-file"), "x");
        ServerConnection.Starting starting = ServerConnection.start(
                new LaunchOptions(null, 0, notADirectory.resolve("data"), false, false, null, true));

        ApiException failure = assertThrows(ApiException.class, () -> starting.client().listAllDeployments("-"));
        assertTrue(failure.isConnectionFailure());
        assertTrue(failure.detail().contains("Cannot create the data directory"), failure.detail());
        ExecutionException e = assertThrows(ExecutionException.class, () -> starting.ready().get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ServerConnection.StartupException, e.getCause().toString());
        assertFalse(starting.client().isHealthy());
    }

    @Test
    void aTakenPortStopsTheStartBeforeAnythingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ServerConnection.StartupException e = assertThrows(ServerConnection.StartupException.class,
                    () -> ServerConnection.start(new LaunchOptions(null, taken.getLocalPort(), dataDir, false, false)));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void unexpectedFailuresAreCutToTheirFirstLine() {
        assertEquals("boom", ServerConnection.oneLine("boom\n\tat somewhere", new IllegalStateException()));
        assertEquals("IllegalStateException", ServerConnection.oneLine(null, new IllegalStateException()));
        assertEquals("IllegalStateException", ServerConnection.oneLine("  \n", new IllegalStateException()));
    }
}
