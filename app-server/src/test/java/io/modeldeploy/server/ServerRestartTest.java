package io.modeldeploy.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file database keeps what was written across a stop and a start; a second instance is refused. */
class ServerRestartTest {
    private static final String DEPLOYMENTS = "/apis/models/v2/workspaces/team-a/deployments";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void statusWrittenBeforeRestartIsReadBackAfterIt(@TempDir Path dataDir) throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withDataDir(dataDir);
        try (RunningServer server = ModelDeployServer.start(options)) {
            assertEquals(201, send(server.baseUrl(), "POST", DEPLOYMENTS, "{\"name\":\"llama\",\"config\":\"nim\"}").statusCode());
            assertEquals(200, send(server.baseUrl(), "PATCH", DEPLOYMENTS + "/llama/status",
                    "{\"status\":\"READY\",\"status_message\":\"warm\",\"model_provider_id\":\"team-a/llama\"}").statusCode());
        }
        assertTrue(Files.exists(dataDir.resolve("modeldeploy.mv.db")), "the database file is in the data directory");

        try (RunningServer server = ModelDeployServer.start(options)) {
            HttpResponse<String> response = send(server.baseUrl(), "GET", DEPLOYMENTS + "/llama", null);
            assertEquals(200, response.statusCode());
            String body = response.body();
            assertTrue(body.contains("\"status\":\"READY\""), body);
            assertTrue(body.contains("\"status_message\":\"warm\""), body);
            assertTrue(body.contains("\"model_provider_id\":\"team-a/llama\""), body);
            assertTrue(body.contains("\"status\":\"CREATED\",\"status_message\":\"Deployment created\""), body);
        }
    }

    @Test
    void secondInstanceOnTheSameDataDirectoryIsRefusedWithAClearReason(@TempDir Path dataDir) {
        ServerOptions options = ServerOptions.defaults().withPort(0).withDataDir(dataDir);
        try (RunningServer first = ModelDeployServer.start(options)) {
            ServerStartException refused = org.junit.jupiter.api.Assertions.assertThrows(ServerStartException.class,
                    () -> ModelDeployServer.start(options).close());
            assertTrue(refused.getMessage().contains("in use by another running ModelDeploy instance"),
                    refused.getMessage());
            assertEquals(200, send(first.baseUrl(), "GET", "/health", null).statusCode(), "the first keeps running");
        }
    }

    private HttpResponse<String> send(URI base, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
