package io.modeldeploy.gui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.gui.api.ApiException.Kind;
import io.modeldeploy.model.ApiHeaders;
import io.modeldeploy.model.ValidationError;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server as the console reaches it: its base URL, the console's token for it, and the one
 * {@link HttpClient} (on daemon threads) that the API client's requests and its event streams
 * share. Every request carries {@code X-ModelDeploy-Source: gui}, so the server records changes as
 * made from the console, and {@code Authorization: Bearer <token>} when the console has a token,
 * so the history names who made them. Failures, whether an error answer or no answer at all,
 * become {@link ApiException}s here.
 */
final class ServerEndpoint {

    /** The value of {@link ApiHeaders#SOURCE} on every request. */
    static final String SOURCE = "gui";
    /** How long opening a connection may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final TypeReference<List<ValidationError>> VALIDATION_ERRORS = new TypeReference<>() {
    };
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final URI baseUrl;
    private final String root;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();

    /** {@code token} null or blank: requests go without one. */
    ServerEndpoint(URI baseUrl, String token) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = token == null || token.isBlank() ? null : token.strip();
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        this.root = text;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "modeldeploy-http-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    boolean hasToken() {
        return token != null;
    }

    /** The one client of this server; never shut down (its threads are daemons and end when idle). */
    HttpClient http() {
        return http;
    }

    /** The absolute URI of {@code path} (which starts with '/') on this server. */
    URI uri(String path) {
        return URI.create(root + path);
    }

    /** A request to {@code path} with the console's headers: Accept, the source, and the token if there is one. */
    HttpRequest.Builder request(String path, String accept, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .timeout(timeout)
                .header("Accept", accept)
                .header(ApiHeaders.SOURCE, SOURCE);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends {@code request} and reads the answer as text; no answer at all is an {@link ApiException}. */
    HttpResponse<String> send(HttpRequest request) throws ApiException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failureOf(e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /** The waiting thread was interrupted: keeps its interrupt flag set. */
    ApiException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return ApiException.noAnswer(Kind.INTERRUPTED, baseUrl, null, e);
    }

    /** No answer: the server could not be reached, did not answer in time, or the connection broke. */
    ApiException failureOf(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return ApiException.noAnswer(Kind.TIMED_OUT, baseUrl, null, e);
        }
        if (e instanceof ConnectException) {
            return ApiException.noAnswer(Kind.CANNOT_CONNECT, baseUrl, null, e);
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ApiException.noAnswer(Kind.CONNECTION_LOST, baseUrl, why, e);
    }

    /**
     * Turns an error answer into an exception: 401 and 403 are {@link Kind#ACCESS_DENIED}; a body
     * {@code {"detail": "..."}} gives the server's words, a 422 list of problems its validation errors,
     * a refused status batch's {@code {"detail": "...", "target": 3}} also the index of the target.
     */
    ApiException errorFrom(int status, String body) {
        if (status == 401 || status == 403) {
            return accessDenied(status, serverDetail(body));
        }
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = json.readTree(body);
                JsonNode detail = node == null ? null : node.get("detail");
                if (detail != null && detail.isArray()) {
                    List<ValidationError> errors = json.convertValue(detail, VALIDATION_ERRORS);
                    return ApiException.validation(status, errors);
                }
                JsonNode target = node.get("target");
                if (detail != null && detail.isTextual() && target != null && target.isIntegralNumber()
                        && target.canConvertToInt() && target.asInt() >= 0) {
                    return ApiException.batchRefusal(status, detail.asText(), target.asInt()); // BatchErrorBody
                }
                if (detail != null && detail.isTextual() && !detail.asText().isBlank()) {
                    return new ApiException(status, detail.asText(), List.of());
                }
                if (detail != null && !detail.isNull()) {
                    return new ApiException(status, detail.toString(), List.of());
                }
            } catch (JsonProcessingException | IllegalArgumentException ignored) {
                // not JSON: the answer says nothing more than its status
            }
        }
        return new ApiException(status, null, List.of());
    }

    /** A 401 or 403 to a request of this endpoint (with its token, if it has one). */
    ApiException accessDenied(int status, String serverDetail) {
        return ApiException.accessDenied(status, token != null, serverDetail);
    }

    /** The text of a {@code {"detail": "..."}} body, or null. */
    private String serverDetail(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode detail = json.readTree(body).get("detail");
            return detail != null && detail.isTextual() ? detail.asText() : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }
}
