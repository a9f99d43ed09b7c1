package io.modeldeploy.server.durability;

import io.modeldeploy.server.security.TestHttp;
import io.modeldeploy.server.webhooks.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.security.TestHttp.deployments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A webhook delivery owed survives kill -9: the server (a child JVM) commits a change while the
 * receiver is down, is SIGKILLed, and restarted on the same data directory with the receiver up;
 * the delivery arrives, signed, after the restart.
 */
@Timeout(150)
class WebhookCrashDeliveryTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(40);
    private static final String SECRET = "crash-secret";
    private static final String DELIVERIES = "/apis/modeldeploy/v1/webhook-deliveries";

    @Test
    void aDeliveryOwedWhenTheServerIsKilledIsSentAfterTheRestart(@TempDir Path temp) {
        int receiverPort = ServerProcess.freePort();
        Map<String, String> environment = Map.of(
                "MODELDEPLOY_WEBHOOKS", "[{\"name\": \"ops\", \"url\": \"http://127.0.0.1:" + receiverPort
                        + "/hook\", \"secret\": \"" + SECRET + "\", \"statuses\": [\"ERROR\"]}]",
                "JAVA_TOOL_OPTIONS", "-Dmodeldeploy.webhook-delivery.first-retry-after=200ms"
                        + " -Dmodeldeploy.webhook-delivery.max-retry-after=500ms"
                        + " -Dmodeldeploy.webhook-delivery.max-attempts=1000"
                        + " -Dmodeldeploy.webhook-delivery.lease=3s -Dmodeldeploy.webhook-delivery.connect-timeout=1s"
                        + " -Dmodeldeploy.webhook-delivery.read-timeout=1s"
                        + " -Dmodeldeploy.webhook-delivery.poll-interval=200ms");
        Path dataDir = temp.resolve("data");
        ServerProcess first = start(environment, dataDir, temp.resolve("before-kill.log"));
        try (first) {
            TestHttp http = new TestHttp("127.0.0.1", first.awaitListening(START_TIMEOUT));
            http.postJson(deployments("crash"), "{\"name\":\"owed\",\"config\":\"cfg\"}").expect(201);
            http.patchJson(deployments("crash", "owed", "status"),
                    "{\"status\":\"ERROR\",\"status_message\":\"committed while the receiver is down\"}").expect(200);
            sleep(1_000);
            System.out.println("[webhooks] before kill -9: " + http.get(DELIVERIES).body());
            first.kill();
        }

        try (WebhookReceiver receiver = WebhookReceiver.start(receiverPort);
             ServerProcess second = start(environment, dataDir, temp.resolve("after-restart.log"))) {
            TestHttp http = new TestHttp("127.0.0.1", second.awaitListening(START_TIMEOUT));
            long restarted = System.nanoTime();
            List<WebhookReceiver.Received> received = receiver.await(r -> r.path().equals("/hook"), 1,
                    Duration.ofSeconds(30));
            System.out.printf("[webhooks] delivered %d ms after the restart listened%n",
                    (System.nanoTime() - restarted) / 1_000_000);
            WebhookReceiver.Received request = received.get(0);
            assertTrue(request.signedWith(SECRET), request.header("X-ModelDeploy-Signature"));
            String body = request.bodyText();
            assertTrue(body.contains("\"name\":\"owed\"") && body.contains("\"status\":\"ERROR\"")
                    && body.contains("committed while the receiver is down"), body);
            String deliveries = awaitDelivered(http);
            System.out.println("[webhooks] after the restart: " + deliveries);
            assertEquals(1, receiver.received().size(), "one change, one delivery");
        }
    }

    private static String awaitDelivered(TestHttp http) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String body = http.get(DELIVERIES).body();
        while (!body.contains("\"status\":\"delivered\"") && System.nanoTime() < deadline) {
            sleep(100);
            body = http.get(DELIVERIES).body();
        }
        assertTrue(body.contains("\"status\":\"delivered\""), body);
        return body;
    }

    private static ServerProcess start(Map<String, String> environment, Path dataDir, Path log) {
        return ServerProcess.start(log, environment, "--port", Integer.toString(ServerProcess.freePort()),
                "--data-dir", dataDir.toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
