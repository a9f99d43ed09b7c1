package io.modeldeploy.server.webhooks;

import io.micronaut.json.JsonMapper;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import io.modeldeploy.server.events.EventsApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A receiver that accepts connections and never answers does not slow status updates: the same
 * sequence of updates is timed on a server without webhooks and on one whose every change is owed to
 * that receiver. The figures are printed, not asserted (timing depends on the machine); what is
 * asserted is that the second run really had its senders stuck on the receiver and owed every change.
 */
@Timeout(180)
class WebhookLatencyTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final int WARM_UP = 50;
    private static final int MEASURED = 300;

    @Test
    void aReceiverThatNeverAnswersLeavesStatusUpdateLatencyAsItIs(@TempDir Path withoutHooks, @TempDir Path withHooks)
            throws Exception {
        long[] baseline = measure(withoutHooks, Map.of(), null);
        try (HangingReceiver hanging = new HangingReceiver()) {
            Map<String, String> settings = new HashMap<>();
            settings.put("modeldeploy.webhooks", "[{\"name\": \"black-hole\", \"url\": \"http://127.0.0.1:"
                    + hanging.port() + "/hook\", \"secret\": \"s\"}]");
            settings.put("modeldeploy.webhook-delivery.read-timeout", "5m");
            settings.put("modeldeploy.webhook-delivery.lease", "10m");
            List<String> owed = new ArrayList<>();
            long[] hooked = measure(withHooks, settings, owed);
            print("without webhooks", baseline);
            print("receiver never answers", hooked);
            assertTrue(hanging.accepted() >= 1, "the senders connected to the hanging receiver");
            assertFalse(owed.isEmpty());
            // Each update is a status change: the creation plus every measured and warm-up update is owed.
            assertTrue(owed.get(0).contains("\"total_results\":" + (1 + WARM_UP + MEASURED)), owed.get(0));
        }
    }

    /** Times MEASURED sequential status updates after WARM_UP; with {@code owed} set, reads the outbox after. */
    private static long[] measure(Path dataDir, Map<String, String> settings, List<String> owed) {
        settings.forEach(System::setProperty);
        RunningServer server;
        try {
            server = ModelDeployServer.start(new ServerOptions("127.0.0.1", 0, dataDir));
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
        try (server) {
            EventsApi api = new EventsApi(server.baseUrl(), JSON);
            api.create("latency", "timed");
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                String body = EventsApi.statusBody(i % 2 == 0 ? "ERROR" : "READY", "update " + i);
                long start = System.nanoTime();
                EventsApi.Reply reply = api.patchStatus("latency", "timed", "", body);
                long took = System.nanoTime() - start;
                assertEquals(200, reply.status, reply.body);
                if (i >= WARM_UP) {
                    nanos[i - WARM_UP] = took;
                }
            }
            if (owed != null) {
                owed.add(api.get("/apis/modeldeploy/v1/webhook-deliveries?page_size=1").body);
            }
            return nanos;
        }
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("[webhooks] status update latency, %s: median %.2f ms, p95 %.2f ms (%d updates)%n", label,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted.length);
    }

    /** Accepts connections and holds them open without reading or answering anything. */
    private static final class HangingReceiver implements AutoCloseable {
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        HangingReceiver() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "test-hanging-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : held) {
                connection.close();
            }
        }
    }
}
