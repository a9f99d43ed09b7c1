package io.modeldeploy.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad stuck-after setting that reaches the server as a setting (MODELDEPLOY_STUCK_AFTER read by
 * an embedding console, or -Dmodeldeploy.stuck-after) stops the start with its reason, like one
 * given on the command line (see ServerCommandLineTest).
 */
@Timeout(120)
class StuckAfterStartTest {

    @Test
    void aBadStuckAfterSettingStopsTheStartNamingTheBadPart(@TempDir Path dataDir) {
        String previous = System.getProperty("modeldeploy.stuck-after");
        System.setProperty("modeldeploy.stuck-after", "PENDING=30m,DELETING=0s");
        ServerStartException refused;
        try {
            refused = assertThrows(ServerStartException.class, () -> ModelDeployServer.start(
                    ServerOptions.defaults().withPort(0).withDataDir(dataDir)).close());
        } finally {
            if (previous == null) {
                System.clearProperty("modeldeploy.stuck-after");
            } else {
                System.setProperty("modeldeploy.stuck-after", previous);
            }
        }
        String message = refused.getMessage();
        assertTrue(message.contains("MODELDEPLOY_STUCK_AFTER") && message.contains("'0s' in 'DELETING=0s' is zero"),
                message);
    }
}
