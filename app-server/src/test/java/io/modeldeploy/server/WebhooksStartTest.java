package io.modeldeploy.server;

import io.modeldeploy.server.durability.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A malformed MODELDEPLOY_WEBHOOKS stops the start with one line naming the bad entry: as the
 * environment variable of the server's own process (exit code 1, nothing listens), and as the setting
 * modeldeploy.webhooks in an embedding JVM (a ServerStartException).
 */
@Timeout(120)
class WebhooksStartTest {
    private static final String BAD = "[{\"name\": \"ops\", \"url\": \"https://hooks.example/T0KEN\","
            + " \"secret\": \"TOPSECRET\"}, {\"name\": \"chat\", \"url\": \"hooks.example/x\", \"secret\": \"s\"}]";

    @Test
    void theServerProcessRefusesToStartWithAMalformedEnvironmentVariable(@TempDir Path temp) {
        try (ServerProcess server = ServerProcess.start(temp.resolve("server.log"), Map.of("MODELDEPLOY_WEBHOOKS", BAD),
                "--port", "0", "--data-dir", temp.resolve("data").toString())) {
            assertEquals(1, server.awaitExit(Duration.ofSeconds(60)), server.tail());
            String log = server.log();
            System.out.println("[webhooks] " + log.lines().filter(line -> line.contains("MODELDEPLOY_WEBHOOKS"))
                    .findFirst().orElse(log));
            assertTrue(log.contains("modeldeploy server: The server could not start: MODELDEPLOY_WEBHOOKS"
                    + " (modeldeploy.webhooks): entry 2 ('chat'): 'url' must be an absolute http:// or https:// URL"), log);
            assertFalse(log.contains("listening on"), log);
            assertFalse(log.contains("TOPSECRET") || log.contains("T0KEN"), log);
        }
    }

    @Test
    void anEmbeddedServerRefusesAMalformedSetting(@TempDir Path dataDir) {
        String previous = System.getProperty("modeldeploy.webhooks");
        System.setProperty("modeldeploy.webhooks", "[{\"name\": \"ops\", \"url\": \"https://h.example/\"}]");
        ServerStartException refused;
        try {
            refused = assertThrows(ServerStartException.class, () -> ModelDeployServer.start(
                    ServerOptions.defaults().withPort(0).withDataDir(dataDir)).close());
        } finally {
            if (previous == null) {
                System.clearProperty("modeldeploy.webhooks");
            } else {
                System.setProperty("modeldeploy.webhooks", previous);
            }
        }
        assertTrue(refused.getMessage().contains("entry 1 ('ops'): 'secret' is missing"), refused.getMessage());
    }
}
