package io.modeldeploy.server.events;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StreamHeartbeat;
import io.modeldeploy.server.openapi.OpenApiValidation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Black-box helper over real HTTP (java.net.http): the deployment requests the event and ETag
 * tests make, every answer handed back as a {@link Reply} whatever its status.
 */
public final class EventsApi {
    public static final String BASE = "/apis/models/v2/workspaces/";
    public static final String DEFAULT = "default";
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static final Argument<ListPage<StatusHistoryEntry>> HISTORY_PAGE = Argument.of(
            (Class<ListPage<StatusHistoryEntry>>) (Class<?>) ListPage.class, StatusHistoryEntry.class);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String root;
    private final JsonMapper json;
    private final HttpClient http;

    public EventsApi(URI serverUrl, JsonMapper json) {
        String url = serverUrl.toString();
        this.root = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A name no other test uses: {@code prefix-N-xxxxxxxx}. */
    public static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String deployments(String workspace, String... segments) {
        StringBuilder path = new StringBuilder(BASE).append(encode(workspace)).append("/deployments");
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    public static String events(String workspace) {
        return BASE + encode(workspace) + "/deployment-events";
    }

    public static String statusBody(String status, String message) {
        return "{\"status\":\"" + status + "\",\"status_message\":\"" + message + "\"}";
    }

    public URI uri(String pathAndQuery) {
        return URI.create(root + pathAndQuery);
    }

    // ---- sending ----

    /** Sends {@code method path} with an optional JSON body and extra headers (name/value pairs). */
    public Reply send(String method, String path, String body, String... headerPairs) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
            OpenApiValidation.check(method, path, sent.headers().map(), body, response.statusCode(),
                    response.headers().map(), response.body());
            return new Reply(method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Reply get(String path, String... headerPairs) {
        return send("GET", path, null, headerPairs);
    }

    // ---- deployments ----

    public ModelDeployment create(String workspace, String name) {
        return createReply(workspace, name).expect(201).deployment();
    }

    public Reply createReply(String workspace, String name) {
        return send("POST", deployments(workspace), "{\"name\":\"" + name + "\",\"config\":\"cfg\"}");
    }

    public Reply newVersionReply(String workspace, String name, String config) {
        return send("POST", deployments(workspace, name), "{\"config\":\"" + config + "\"}");
    }

    public ModelDeployment newVersion(String workspace, String name, String config) {
        return newVersionReply(workspace, name, config).expect(201).deployment();
    }

    public Reply latestReply(String workspace, String name) {
        return get(deployments(workspace, name));
    }

    public ModelDeployment latest(String workspace, String name) {
        return latestReply(workspace, name).expect(200).deployment();
    }

    public Reply versionReply(String workspace, String name, int version) {
        return get(deployments(workspace, name, "versions", String.valueOf(version)));
    }

    /** PATCH .../{name}/status with a raw JSON body; {@code query} is appended as is ("" for none). */
    public Reply patchStatus(String workspace, String name, String query, String body, String... headerPairs) {
        return send("PATCH", deployments(workspace, name, "status") + query, body, headerPairs);
    }

    public Reply postStatus(String workspace, String name, String query, String body, String... headerPairs) {
        return send("POST", deployments(workspace, name, "status") + query, body, headerPairs);
    }

    public ModelDeployment setStatus(String workspace, String name, String status, String message) {
        return patchStatus(workspace, name, "", statusBody(status, message)).expect(200).deployment();
    }

    public ModelDeployment setVersionStatus(String workspace, String name, int version, String status, String message) {
        return patchStatus(workspace, name, "?version=" + version, statusBody(status, message)).expect(200)
                .deployment();
    }

    /** One status batch setting {@code status} and {@code message} on the latest version of each of {@code names}. */
    public void setStatuses(String workspace, List<String> names, String status, String message) {
        String targets = names.stream()
                .map(name -> "{\"workspace\":\"" + workspace + "\",\"name\":\"" + name + "\"}")
                .collect(Collectors.joining(","));
        send("POST", "/apis/modeldeploy/v1/status-batches", "{\"status\":\"" + status + "\",\"status_message\":\""
                + message + "\",\"targets\":[" + targets + "]}").expect(200);
    }

    public Reply deleteReply(String workspace, String name) {
        return send("DELETE", deployments(workspace, name), null);
    }

    public Reply deleteVersionReply(String workspace, String name, int version) {
        return send("DELETE", deployments(workspace, name, "versions", String.valueOf(version)), null);
    }

    /** Every history entry of a version (the latest when {@code version} is null), oldest first. */
    public List<StatusHistoryEntry> fullHistory(String workspace, String name, Integer version) {
        List<StatusHistoryEntry> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            String path = deployments(workspace, name, "status-history") + "?page=" + page + "&page_size="
                    + ApiLimits.MAX_PAGE_SIZE + (version == null ? "" : "&version=" + version);
            ListPage<StatusHistoryEntry> result = get(path).expect(200).as(HISTORY_PAGE);
            all.addAll(result.data());
            if (page >= result.pagination().totalPages()) {
                return all;
            }
        }
    }

    // ---- JSON ----

    public <T> T read(String body, Argument<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + type + " from: " + body, e);
        }
    }

    public DeploymentEvent event(SseStream.SseEvent event) {
        return read(event.data(), Argument.of(DeploymentEvent.class));
    }

    public StreamHeartbeat heartbeat(SseStream.SseEvent event) {
        assertEquals("heartbeat", event.name(), "a heartbeat: " + event);
        return read(event.data(), Argument.of(StreamHeartbeat.class));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String body) {
        Object tree = read(body, Argument.OBJECT_ARGUMENT);
        if (!(tree instanceof Map)) {
            fail("expected a JSON object but got: " + body);
        }
        return (Map<String, Object>) tree;
    }

    /** {@code deployment} with its status_history replaced. */
    public static ModelDeployment withHistory(ModelDeployment d, List<StatusHistoryEntry> history) {
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), history,
                d.modelProviderId(), d.authContext(), d.statusSince());
    }

    /** {@code deployment} with only the newest entry of its status_history, as an event carries it. */
    public static ModelDeployment withNewestEntryOnly(ModelDeployment d) {
        List<StatusHistoryEntry> history = d.statusHistory();
        return withHistory(d, List.of(history.get(history.size() - 1)));
    }

    /** A received answer. */
    public final class Reply {
        public final String request;
        public final int status;
        final java.net.http.HttpHeaders headers;
        public final String body;

        Reply(String request, int status, java.net.http.HttpHeaders headers, String body) {
            this.request = request;
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        public Reply expect(int expected) {
            if (status != expected) {
                fail(request + ": expected HTTP " + expected + " but got " + status + " with body: " + body);
            }
            return this;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String etag() {
            return header("ETag");
        }

        public ModelDeployment deployment() {
            return read(body, Argument.of(ModelDeployment.class));
        }

        public Map<String, Object> map() {
            return EventsApi.this.map(body);
        }

        public <T> T as(Argument<T> type) {
            return read(body, type);
        }
    }
}
