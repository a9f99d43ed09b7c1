package io.modeldeploy.gui.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.HistoryExportEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DeploymentApiClient#exportHistory} against a small server speaking the history-export
 * contract: NDJSON asked for and read line by line as it arrives, the query as the contract has it,
 * refusals as {@link ApiException}s.
 */
class HistoryExportClientTest {

    private static final HistoryExportEntry FIRST = new HistoryExportEntry("team-a", "llama", 1,
            Instant.parse("2026-12-01T10:00:00Z"), DeploymentStatus.ERROR, "line one\nline \"two\", \uD83D\uDE80",
            null, "alice", ChangeSource.GUI);
    private static final HistoryExportEntry SECOND = new HistoryExportEntry("team-b", "phi", 2,
            Instant.parse("2026-12-02T10:00:00.5Z"), DeploymentStatus.LOST, "=1+1", "team-b/phi-nim",
            "controller", ChangeSource.API);

    private HttpServer server;
    private final AtomicReference<URI> asked = new AtomicReference<>();
    private final AtomicReference<String> accept = new AtomicReference<>();

    private HttpDeploymentApiClient serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/apis/modeldeploy/v1/history-export", exchange -> {
            asked.set(exchange.getRequestURI());
            accept.set(exchange.getRequestHeaders().getFirst("Accept"));
            try {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return new HttpDeploymentApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String line(HistoryExportEntry entry) throws IOException {
        return Json.mapper().writeValueAsString(entry) + "\n";
    }

    @Test
    void asksForNdjsonWithTheQueryAndHandsEachEntryOverAsItsLineArrives() throws Exception {
        CountDownLatch firstSeen = new CountDownLatch(1);
        AtomicBoolean secondSentBeforeFirstSeen = new AtomicBoolean();
        HttpDeploymentApiClient client = serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(line(FIRST).getBytes(StandardCharsets.UTF_8));
            body.flush();
            // The second line is sent only once the client has the first: nothing waits for the whole answer.
            secondSentBeforeFirstSeen.set(!firstSeen.await(20, TimeUnit.SECONDS));
            body.write(("\n" + line(SECOND)).getBytes(StandardCharsets.UTF_8));
        });
        List<HistoryExportEntry> received = new ArrayList<>();
        HistoryExportQuery query = new HistoryExportQuery("team a", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-03T00:00:00Z"), EnumSet.of(DeploymentStatus.LOST, DeploymentStatus.ERROR));

        long count = client.exportHistory(query, entry -> {
            received.add(entry);
            firstSeen.countDown();
        });

        assertEquals(2, count);
        assertEquals(List.of(FIRST, SECOND), received);
        assertFalse(secondSentBeforeFirstSeen.get());
        assertEquals("application/x-ndjson", accept.get());
        assertEquals("workspace=team+a&since=2026-12-01T00%3A00%3A00Z&until=2026-12-03T00%3A00%3A00Z"
                + "&status=ERROR%2CLOST", asked.get().getRawQuery());
    }

    @Test
    void allWorkspacesIsTheDashAndNoStatusesSendsNone() throws Exception {
        HttpDeploymentApiClient client = serve(exchange -> exchange.sendResponseHeaders(200, -1));

        long count = client.exportHistory(new HistoryExportQuery("-", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), null), entry -> { });

        assertEquals(0, count);
        assertEquals("workspace=-&since=2026-12-01T00%3A00%3A00Z&until=2026-12-01T00%3A00%3A00Z",
                asked.get().getRawQuery());
    }

    @Test
    void aRefusalIsAnApiExceptionWithTheServersWords() throws Exception {
        HttpDeploymentApiClient client = serve(exchange -> {
            byte[] body = "{\"detail\":[{\"type\":\"datetime_from_date_parsing\",\"loc\":[\"query\",\"since\"],\"msg\":\"Input should be a valid datetime\",\"input\":\"x\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(422, body.length);
            exchange.getResponseBody().write(body);
        });

        ApiException refused = assertThrows(ApiException.class, () -> client.exportHistory(
                new HistoryExportQuery("-", Instant.EPOCH, Instant.EPOCH, null), entry -> { }));

        assertEquals(422, refused.status());
        assertEquals("since", ApiException.fieldOf(refused.validationErrors().get(0)));
    }

    @Test
    void aBrokenLineIsAnUnreadableAnswerAndWhatTheSinkThrowsPassesThrough() throws Exception {
        HttpDeploymentApiClient client = serve(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write((line(FIRST) + "{\"workspace\": \n").getBytes(StandardCharsets.UTF_8));
        });
        HistoryExportQuery query = new HistoryExportQuery("-", Instant.EPOCH, Instant.now(), null);

        ApiException broken = assertThrows(ApiException.class, () -> client.exportHistory(query, entry -> { }));
        assertEquals(ApiException.Kind.UNREADABLE_ANSWER, broken.kind());

        IllegalStateException fromSink = assertThrows(IllegalStateException.class,
                () -> client.exportHistory(query, entry -> {
                    throw new IllegalStateException("disk full");
                }));
        assertEquals("disk full", fromSink.getMessage());
    }

    @Test
    void theProbeSeesTheEndpointByItsRefusalOfAnUnreadableSince() throws Exception {
        HttpDeploymentApiClient client = serve(exchange -> exchange.sendResponseHeaders(
                exchange.getRequestURI().getQuery().contains("since=-") ? 422 : 200, -1));

        assertTrue(client.capabilities().historyExport());
        assertEquals("since=-", asked.get().getRawQuery());
    }
}
