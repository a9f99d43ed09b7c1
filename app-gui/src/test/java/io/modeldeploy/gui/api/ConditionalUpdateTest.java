package io.modeldeploy.gui.api;

import com.sun.net.httpserver.HttpServer;
import io.modeldeploy.gui.Deployments;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the client sends for a conditional update and how it reads every kind of 412 answer. */
class ConditionalUpdateTest {

    private HttpServer server;
    private final List<String> ifMatches = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            ifMatches.add(String.valueOf(exchange.getRequestHeaders().getFirst("If-Match")));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DeploymentApiClient client() {
        return new HttpDeploymentApiClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private static final StatusUpdateRequest READY = new StatusUpdateRequest(DeploymentStatus.READY, "up");

    @Test
    void theTagIsSentAsIfMatchAndNoTagSendsNone() throws ApiException {
        ModelDeployment answer = Deployments.of("prod", "llama", DeploymentStatus.READY, "up");
        status = 200;
        body = SseTestServer.json(answer);
        assertEquals(answer, client().updateStatus("prod", "llama", 1, READY, "\"abc.123\""));
        client().updateStatus("prod", "llama", 1, READY);
        assertEquals(List.of("\"abc.123\"", "null"), ifMatches);
    }

    @Test
    void a412CarriesTheCurrentDeployment() {
        ModelDeployment current = Deployments.of("prod", "llama", DeploymentStatus.ERROR, "changed");
        status = 412;
        body = SseTestServer.json(current);
        ApiException e = assertThrows(ApiException.class,
                () -> client().updateStatus("prod", "llama", 1, READY, "\"old\""));
        assertTrue(e.isPreconditionFailed());
        assertEquals(current, e.currentDeployment().orElseThrow());
        assertEquals(ApiException.Kind.PRECONDITION_FAILED, e.kind());
        assertEquals("The deployment changed on the server since you started editing it.", ErrorTexts.message(e));
    }

    @Test
    void a412WithoutADeploymentIsStillAPreconditionFailure() {
        status = 412;
        body = "{\"detail\":\"Precondition Failed\"}";
        ApiException e = assertThrows(ApiException.class,
                () -> client().updateStatus("prod", "llama", 1, READY, "\"old\""));
        assertTrue(e.isPreconditionFailed());
        assertTrue(e.currentDeployment().isEmpty());

        body = "";
        e = assertThrows(ApiException.class, () -> client().updateStatus("prod", "llama", 1, READY, "\"old\""));
        assertTrue(e.isPreconditionFailed());
        assertTrue(e.currentDeployment().isEmpty());
    }

    @Test
    void otherFailuresKeepTheirMeaning() {
        status = 409;
        body = "{\"detail\":\"Deployment is marked for deletion (DELETING).\"}";
        ApiException e = assertThrows(ApiException.class,
                () -> client().updateStatus("prod", "llama", 1, READY, "\"tag\""));
        assertTrue(e.isConflict());
        assertNull(e.currentDeployment().orElse(null));
    }
}
