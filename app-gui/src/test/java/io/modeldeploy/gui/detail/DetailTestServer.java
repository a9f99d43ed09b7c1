package io.modeldeploy.gui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.gui.api.Json;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * A real embedded server on a free port with its data in a temporary directory, and plain
 * java.net.http calls to arrange data and check results independently of the console's client.
 */
final class DetailTestServer implements AutoCloseable {

    static final String WORKSPACE = "default";

    private final RunningServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    DetailTestServer(Path dataDir) {
        this.server = ModelDeployServer.start(ServerOptions.defaults().withPort(0).withDataDir(dataDir));
    }

    URI baseUrl() {
        return server.baseUrl();
    }

    static String path(String name) {
        return "/apis/models/v2/workspaces/" + WORKSPACE + "/deployments/" + name;
    }

    HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> expect(int status, String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() != status) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + " (expected "
                    + status + "): " + response.body());
        }
        return response;
    }

    ModelDeployment create(String name, String config, String project) {
        String body = "{\"name\":\"" + name + "\",\"config\":\"" + config + "\""
                + (project == null ? "" : ",\"project\":\"" + project + "\"") + "}";
        return parse(expect(201, "POST", "/apis/models/v2/workspaces/" + WORKSPACE + "/deployments", body).body());
    }

    ModelDeployment newVersion(String name, String config) {
        return parse(expect(201, "POST", path(name), "{\"config\":\"" + config + "\"}").body());
    }

    ModelDeployment setStatus(String name, String status, String message) {
        String body = "{\"status\":\"" + status + "\",\"status_message\":\"" + message + "\"}";
        return parse(expect(200, "PATCH", path(name) + "/status", body).body());
    }

    /** DELETE of every version: 202 when marked DELETING, 204 when purged. */
    int delete(String name) {
        return send("DELETE", path(name), null).statusCode();
    }

    ModelDeployment latest(String name) {
        return parse(expect(200, "GET", path(name), null).body());
    }

    ModelDeployment version(String name, int version) {
        return parse(expect(200, "GET", path(name) + "/versions/" + version, null).body());
    }

    /** The raw JSON of the latest version, to check what the server stored without the console's parsing. */
    JsonNode latestJson(String name) {
        try {
            return json.readTree(expect(200, "GET", path(name), null).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelDeployment parse(String body) {
        try {
            return Json.mapper().readValue(body, ModelDeployment.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
