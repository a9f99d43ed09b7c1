package io.modeldeploy.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real ModelDeploy server on a free port with a throw-away data directory, plus plain
 * java.net.http helpers to put data into it and read it back, independent of the console's client.
 */
public final class TestServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningServer server;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile boolean sendLocalToken;

    private TestServer(RunningServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static TestServer start() {
        return start(UnaryOperator.identity());
    }

    /** A server whose options (port 0, a fresh data directory) are adjusted first, e.g. {@code o -> o.withDemo(true)}. */
    public static TestServer start(UnaryOperator<ServerOptions> adjust) {
        try {
            Path dir = Files.createTempDirectory("modeldeploy-gui-test");
            RunningServer running = ModelDeployServer.start(
                    adjust.apply(ServerOptions.defaults().withPort(0).withDataDir(dir)));
            return new TestServer(running, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return server.baseUrl();
    }

    /** The server's local editor token (named after the OS user). */
    public String localToken() {
        return server.localToken();
    }

    /** From now on the helpers authenticate with the local token (for a server started with --require-auth). */
    public TestServer sendingLocalToken() {
        sendLocalToken = true;
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The history actor of the local token: the OS user name, made safe as the server does. */
    public static String localActor() {
        String safe = System.getProperty("user.name", "local").replaceAll("[^\\w\\-.@]", "_");
        return safe.isEmpty() ? "local" : safe;
    }

    public static String deployments(String workspace) {
        return "/apis/models/v2/workspaces/" + encode(workspace) + "/deployments";
    }

    public static String deployment(String workspace, String name) {
        return deployments(workspace) + "/" + encode(name);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "application/json");
        if (sendLocalToken) {
            request.header("Authorization", "Bearer " + localToken());
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
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

    /** GETs a path and parses the JSON answer; fails unless 200. */
    public JsonNode get(String path) {
        HttpResponse<String> response = send("GET", path, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a deployment over plain HTTP; fails unless 201. */
    public JsonNode create(String workspace, String name, String config) {
        String body = "{\"name\":\"" + name + "\",\"config\":\"" + config + "\"}";
        HttpResponse<String> response = send("POST", deployments(workspace), body);
        if (response.statusCode() != 201) {
            throw new AssertionError("create " + workspace + "/" + name + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return parse(response.body());
    }

    /** Sets the status of the latest version over plain HTTP; fails unless 200. */
    public JsonNode setStatus(String workspace, String name, String status, String message) {
        String body = "{\"status\":\"" + status + "\",\"status_message\":\"" + message + "\"}";
        HttpResponse<String> response = send("PATCH", deployment(workspace, name) + "/status", body);
        if (response.statusCode() != 200) {
            throw new AssertionError("status of " + workspace + "/" + name + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return parse(response.body());
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans up eventually
        }
    }
}
