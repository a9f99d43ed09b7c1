package io.modeldeploy.gui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
