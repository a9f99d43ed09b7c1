package io.modeldeploy.server.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.server.openapi.OpenApiValidation;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Black-box helper over real HTTP: builds properly encoded URIs, sends raw JSON, and hands every
 * answer back as a {@link Reply} (status, headers, raw body) whether it is a success or an error.
 */
final class Api {
    static final String BASE = "/apis/models/v2/workspaces/";
    static final String DEFAULT = "default";

    static final Argument<ModelDeployment> DEPLOYMENT = Argument.of(ModelDeployment.class);
    static final Argument<List<ModelDeployment>> DEPLOYMENTS = Argument.listOf(ModelDeployment.class);
    static final Argument<ListPage<ModelDeployment>> DEPLOYMENT_PAGE = Argument.of(
            (Class<ListPage<ModelDeployment>>) (Class<?>) ListPage.class, ModelDeployment.class);
    static final Argument<ListPage<StatusHistoryEntry>> HISTORY_PAGE = Argument.of(
            (Class<ListPage<StatusHistoryEntry>>) (Class<?>) ListPage.class, StatusHistoryEntry.class);

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final HttpClient client;
    private final JsonMapper json;

    Api(HttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** A name no other test uses: {@code prefix-N-xxxxxxxx}. */
    static String unique(String prefix) {
        return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code /apis/models/v2/workspaces/{ws}/deployments[/segment...]}, every segment percent-encoded. */
    static String deployments(String workspace, String... segments) {
        StringBuilder path = new StringBuilder(BASE).append(encode(workspace)).append("/deployments");
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return path.toString();
    }

    /** Appends {@code key=value} pairs, keys and values percent-encoded (brackets, '$', '%', JSON...). */
    static String query(String path, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        if (keyValues.length == 0) {
            return path;
        }
        StringBuilder uri = new StringBuilder(path);
        for (int i = 0; i < keyValues.length; i += 2) {
            uri.append(i == 0 ? '?' : '&').append(encode(keyValues[i])).append('=').append(encode(keyValues[i + 1]));
        }
        return uri.toString();
    }

    // ---- sending ----

    /** Sends the request; every exchange is checked against the served OpenAPI document. */
    Reply send(MutableHttpRequest<?> request) {
        HttpResponse<?> response;
        try {
            response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        }
        Reply reply = new Reply(response.getStatus().getCode(), response.getHeaders(),
                response.getBody(String.class).orElse(null));
        OpenApiValidation.check(request.getMethodName(), request.getUri().toString(), request.getHeaders().asMap(),
                request.getBody(String.class).orElse(null), reply.status, reply.headers.asMap(), reply.body);
        return reply;
    }

    Reply get(String uri) {
        return send(HttpRequest.GET(uri));
    }

    Reply delete(String uri) {
        return send(HttpRequest.DELETE(uri));
    }

    Reply postJson(String uri, String body) {
        return send(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    Reply patchJson(String uri, String body) {
        return send(HttpRequest.PATCH(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    // ---- domain shortcuts ----

    Reply createRaw(String workspace, String body) {
        return postJson(deployments(workspace), body);
    }

    ModelDeployment create(String workspace, String name) {
        return create(workspace, name, "cfg");
    }

    ModelDeployment create(String workspace, String name, String config) {
        Reply reply = createRaw(workspace, "{\"name\":\"" + name + "\",\"config\":\"" + config + "\"}");
        reply.expect(201);
        return reply.deployment();
    }

    ModelDeployment newVersion(String workspace, String name, String config) {
        Reply reply = postJson(deployments(workspace, name), "{\"config\":\"" + config + "\"}");
        reply.expect(201);
        return reply.deployment();
    }

    ModelDeployment getLatest(String workspace, String name) {
        Reply reply = get(deployments(workspace, name));
        reply.expect(200);
        return reply.deployment();
    }

    ModelDeployment getVersion(String workspace, String name, int version) {
        Reply reply = get(deployments(workspace, name, "versions", String.valueOf(version)));
        reply.expect(200);
        return reply.deployment();
    }

    /** PATCH .../{name}/status with a raw JSON body, optionally {@code ?version=}. */
    Reply patchStatus(String workspace, String name, String body, String... query) {
        return patchJson(query(deployments(workspace, name, "status"), query), body);
    }

    Reply postStatus(String workspace, String name, String body, String... query) {
        return postJson(query(deployments(workspace, name, "status"), query), body);
    }

    ModelDeployment setStatus(String workspace, String name, String status, String message, String... query) {
        Reply reply = patchStatus(workspace, name, statusBody(status, message), query);
        reply.expect(200);
        return reply.deployment();
    }

    static String statusBody(String status, String message) {
        return message == null
                ? "{\"status\":\"" + status + "\"}"
                : "{\"status\":\"" + status + "\",\"status_message\":\"" + message + "\"}";
    }

    ListPage<ModelDeployment> list(String workspace, String... query) {
        Reply reply = get(query(deployments(workspace), query));
        reply.expect(200);
        return reply.as(DEPLOYMENT_PAGE);
    }

    ListPage<StatusHistoryEntry> history(String workspace, String name, String... query) {
        Reply reply = get(query(deployments(workspace, name, "status-history"), query));
        reply.expect(200);
        return reply.as(HISTORY_PAGE);
    }

    /** Every history entry of a version, oldest first, read page by page. */
    List<StatusHistoryEntry> fullHistory(String workspace, String name, String... query) {
        List<StatusHistoryEntry> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<String> parameters = new ArrayList<>(List.of(query));
            parameters.addAll(List.of("page", String.valueOf(page), "page_size", String.valueOf(ApiLimits.MAX_PAGE_SIZE)));
            ListPage<StatusHistoryEntry> result = history(workspace, name, parameters.toArray(String[]::new));
            all.addAll(result.data());
            if (page >= result.pagination().totalPages()) {
                return all;
            }
        }
    }

    /** A received answer. */
    final class Reply {
        final int status;
        final HttpHeaders headers;
        final String body;

        Reply(int status, HttpHeaders headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        Reply expect(int expected) {
            if (status != expected) {
                fail("expected HTTP " + expected + " but got " + status + " with body: " + body);
            }
            return this;
        }

        <T> T as(Argument<T> type) {
            try {
                return json.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + type + " from: " + body, e);
            }
        }

        ModelDeployment deployment() {
            return as(DEPLOYMENT);
        }

        /** The body as plain maps, lists, strings and numbers. */
        Object tree() {
            return as(Argument.OBJECT_ARGUMENT);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            Object tree = tree();
            if (!(tree instanceof Map)) {
                fail("expected a JSON object but got: " + body);
            }
            return (Map<String, Object>) tree;
        }

        /** {@code detail} of a {@code {"detail": "..."}} error. */
        String detail() {
            Object detail = map().get("detail");
            if (!(detail instanceof String)) {
                fail("expected a string detail but got: " + body);
            }
            return (String) detail;
        }

        /** The items of a 422 {@code {"detail": [{type, loc, msg, ...}]}}. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> validationErrors() {
            assertEquals(422, status, "a validation error is a 422: " + body);
            Object detail = map().get("detail");
            if (!(detail instanceof List<?> list) || list.isEmpty()) {
                fail("expected a non-empty list detail but got: " + body);
                return List.of();
            }
            return (List<Map<String, Object>>) detail;
        }

        /** The one validation error at {@code loc}, failing when there is none. */
        Map<String, Object> validationErrorAt(Object... loc) {
            List<Object> wanted = List.of(loc);
            for (Map<String, Object> error : validationErrors()) {
                if (locEquals(wanted, error.get("loc"))) {
                    return error;
                }
            }
            return fail("no validation error at " + wanted + " in: " + body);
        }

        String header(String name) {
            return headers.get(name);
        }

        void expectNotServerError() {
            assertNotEquals(5, status / 100, "never a 5xx; got " + status + ": " + body);
        }
    }

    /** Compares a loc read from JSON (numbers may come back as Integer or Long) with the expected one. */
    static boolean locEquals(List<Object> expected, Object actual) {
        if (!(actual instanceof List<?> list) || list.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Object e = expected.get(i);
            Object a = list.get(i);
            if (e instanceof Number en && a instanceof Number an) {
                if (en.longValue() != an.longValue()) {
                    return false;
                }
            } else if (!e.equals(a)) {
                return false;
            }
        }
        return true;
    }
}
