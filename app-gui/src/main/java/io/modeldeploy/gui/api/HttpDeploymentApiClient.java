package io.modeldeploy.gui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DemoState;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import io.modeldeploy.model.ValidationError;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link DeploymentApiClient} of a real server, over HTTP. One instance per server;
 * thread-safe; every call blocks. Every request carries {@code X-ModelDeploy-Source: gui} so the server records changes as made
 * from the console, and {@code Authorization: Bearer <token>} when the console has a token, so the
 * history names who made them.
 */
public final class HttpDeploymentApiClient implements DeploymentApiClient {

    /** Pages of a complete list requested at once. */
    static final int PARALLEL_PAGES = 4;
    static final String SOURCE_VALUE = "gui";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);
    private static final TypeReference<ListPage<ModelDeployment>> DEPLOYMENT_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<ListPage<StatusHistoryEntry>> HISTORY_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<List<ModelDeployment>> DEPLOYMENT_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<ValidationError>> VALIDATION_ERRORS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };
    /** The console's own extension API (demo mode). */
    static final String DEMO_PATH = "/apis/modeldeploy/v1/demo";
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Where the console's user enters a token. */
    private static final String CONNECT_MENU = "File \u25B8 Connect to server\u2026";

    private final URI baseUrl;
    private final String root;
    private final int fullPageSize;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = Json.mapper();

    /** A client without a token: only loopback callers of a server without --require-auth get in. */
    public HttpDeploymentApiClient(URI baseUrl) {
        this(baseUrl, null);
    }

    /** A client that authenticates every request with {@code token} (null or blank: none). */
    public HttpDeploymentApiClient(URI baseUrl, String token) {
        this(baseUrl, token, FULL_PAGE_SIZE);
    }

    /** With a smaller page size for complete lists: lets tests cover paging with few rows. */
    HttpDeploymentApiClient(URI baseUrl, int fullPageSize) {
        this(baseUrl, null, fullPageSize);
    }

    HttpDeploymentApiClient(URI baseUrl, String token, int fullPageSize) {
        if (fullPageSize < 1 || fullPageSize > ApiLimits.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + ApiLimits.MAX_PAGE_SIZE);
        }
        this.fullPageSize = fullPageSize;
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
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

    public URI baseUrl() {
        return baseUrl;
    }

    /** True when requests carry a bearer token. */
    public boolean hasToken() {
        return token != null;
    }

    /**
     * A stream of every workspace's changes from this client's server, authenticated like this
     * client's requests. Not started yet.
     */
    public DeploymentEventStream eventStream(Executor ui, DeploymentEventStream.Listener listener) {
        return new DeploymentEventStream(baseUrl, token, ApiLimits.ALL_WORKSPACES, ui, listener,
                DeploymentEventStream.Settings.defaults());
    }

    // ---------------------------------------------------------------- deployments

    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize) throws ApiException {
        String path = deployments(workspace) + "?page=" + page + "&page_size=" + pageSize;
        return send(get(path), DEPLOYMENT_PAGE);
    }

    /**
     * One page of the latest versions, newest change first, embedding at most {@code historyLimit}
     * history entries each (0: none, as the list needs).
     */
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize, int historyLimit)
            throws ApiException {
        return send(get(listPath(workspace, page, pageSize, historyLimit)), DEPLOYMENT_PAGE);
    }

    /**
     * The first page of a complete list: the most recently changed deployments, without history,
     * in pages of {@value #FULL_PAGE_SIZE} (the API's maximum).
     */
    public ListPage<ModelDeployment> listFirstDeployments(String workspace) throws ApiException {
        return listDeployments(workspace, 1, fullPageSize, 0);
    }

    /**
     * Every page after {@code first} (as {@link #listFirstDeployments} answered it), in page order. Up to
     * {@value #PARALLEL_PAGES} pages are requested at once.
     */
    public List<ModelDeployment> listRemainingDeployments(String workspace, ListPage<ModelDeployment> first)
            throws ApiException {
        int pages = first.pagination() == null || dataOf(first).isEmpty() ? 1 : first.pagination().totalPages();
        if (pages <= 1) {
            return List.of();
        }
        // PARALLEL_PAGES lanes, each requesting its pages one after the other.
        List<CompletableFuture<List<ModelDeployment>>> results = new ArrayList<>(pages - 1);
        for (int page = 2; page <= pages; page++) {
            int number = page;
            CompletableFuture<?> previous = page - PARALLEL_PAGES >= 2
                    ? results.get(page - PARALLEL_PAGES - 2) : CompletableFuture.completedFuture(null);
            results.add(previous.thenCompose(ignored -> fetchPage(workspace, number)));
        }
        List<ModelDeployment> rest = new ArrayList<>();
        for (CompletableFuture<List<ModelDeployment>> result : results) {
            rest.addAll(await(result));
        }
        return rest;
    }

    private CompletableFuture<List<ModelDeployment>> fetchPage(String workspace, int page) {
        HttpRequest request = get(listPath(workspace, page, fullPageSize, 0));
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    try {
                        ensureSuccess(response);
                        return dataOf(json.readValue(response.body(), DEPLOYMENT_PAGE));
                    } catch (ApiException e) {
                        throw new CompletionException(e);
                    } catch (JsonProcessingException e) {
                        throw new CompletionException(unreadable(response, e));
                    }
                });
    }

    private List<ModelDeployment> await(CompletableFuture<List<ModelDeployment>> result) throws ApiException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.connectionFailure("The request was interrupted.", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            throw failureOf(cause instanceof Exception ex ? ex : new IOException(cause));
        }
    }

    private static List<ModelDeployment> dataOf(ListPage<ModelDeployment> page) {
        return page == null || page.data() == null ? List.of() : page.data();
    }

    private String listPath(String workspace, int page, int pageSize, int historyLimit) {
        return deployments(workspace) + "?page=" + page + "&page_size=" + pageSize + "&history_limit=" + historyLimit
                + "&sort=-updated_at";
    }

    public ModelDeployment getDeployment(String workspace, String name) throws ApiException {
        return send(get(deployment(workspace, name)), ModelDeployment.class);
    }

    /** Every version of a deployment, newest first. */
    public List<ModelDeployment> listVersions(String workspace, String name) throws ApiException {
        return send(get(deployment(workspace, name) + "/versions"), DEPLOYMENT_LIST);
    }

    public ModelDeployment getVersion(String workspace, String name, int version) throws ApiException {
        return send(get(deployment(workspace, name) + "/versions/" + version), ModelDeployment.class);
    }

    public ModelDeployment createDeployment(String workspace, CreateDeploymentRequest request) throws ApiException {
        return send(withBody("POST", deployments(workspace), request), ModelDeployment.class);
    }

    public ModelDeployment createVersion(String workspace, String name, NewVersionRequest request) throws ApiException {
        return send(withBody("POST", deployment(workspace, name), request), ModelDeployment.class);
    }

    /**
     * Updates the status of a version only if it is still in the state {@code ifMatch} names (an
     * entity tag as {@link ModelDeployment#etag()} computes it; null sends no condition). When the
     * version changed meanwhile the server answers 412 and this throws an {@link ApiException} whose
     * {@link ApiException#currentDeployment()} is the version as it is now.
     */
    public ModelDeployment updateStatus(String workspace, String name, int version, StatusUpdateRequest request,
                                        String ifMatch) throws ApiException {
        String path = deployment(workspace, name) + "/status?version=" + version;
        HttpRequest.Builder builder = jsonRequest("PATCH", path, request);
        if (ifMatch != null && !ifMatch.isBlank()) {
            builder.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = exchange(builder.build());
        if (response.statusCode() == ApiException.PRECONDITION_FAILED) {
            throw preconditionFailed(response);
        }
        ensureSuccess(response);
        return parse(response, response.body(), ModelDeployment.class);
    }

    /**
     * Deletes every version: the answer is the latest version, now DELETING, or empty when the
     * deployment was purged because every version was already DELETED.
     */
    public Optional<ModelDeployment> deleteDeployment(String workspace, String name) throws ApiException {
        String path = deployment(workspace, name);
        return deleteAndRead(path, () -> getDeployment(workspace, name));
    }

    /** Deletes one version: the answer is that version, now DELETING, or empty when it was purged. */
    public Optional<ModelDeployment> deleteVersion(String workspace, String name, int version) throws ApiException {
        String path = deployment(workspace, name) + "/versions/" + version;
        return deleteAndRead(path, () -> getVersion(workspace, name, version));
    }

    /** One page of the full status history of a version, oldest first. */
    public ListPage<StatusHistoryEntry> statusHistory(String workspace, String name, int version, int page, int pageSize)
            throws ApiException {
        String path = deployment(workspace, name) + "/status-history?version=" + version
                + "&page=" + page + "&page_size=" + pageSize;
        return send(get(path), HISTORY_PAGE);
    }

    // ---------------------------------------------------------------- demo mode

    /** Whether the server runs in demo mode, and whether its demo controller runs and at which pace. */
    public DemoState getDemo() throws ApiException {
        return send(get(DEMO_PATH), DemoState.class);
    }

    /**
     * Starts or stops the demo controller, or changes its pace; null fields stay as they are.
     * Outside demo mode the server answers 409.
     */
    public DemoState updateDemo(DemoState change) throws ApiException {
        return send(withBody("PUT", DEMO_PATH, change), DemoState.class);
    }

    /** Replaces every deployment with the demo fleet; answers how many versions were written. */
    public int resetDemo() throws ApiException {
        Map<String, Integer> answer = send(jsonRequest("POST", DEMO_PATH + "/reset", Map.of()).build(), COUNTS);
        Integer count = answer.get("deployments");
        return count == null ? 0 : count;
    }

    /** True when {@code GET /health} answers 2xx within a few seconds. Never throws. */
    public boolean isHealthy() {
        try {
            HttpRequest request = request("/health").timeout(HEALTH_TIMEOUT).GET().build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- plumbing

    private interface Reader {
        ModelDeployment read() throws ApiException;
    }

    private Optional<ModelDeployment> deleteAndRead(String path, Reader reread) throws ApiException {
        HttpResponse<String> response = exchange(request(path).DELETE().build());
        if (response.statusCode() == 204) {
            return Optional.empty();
        }
        ensureSuccess(response);
        String body = response.body();
        if (body == null || body.isBlank() || body.trim().equals("null")) {
            // NeMo answers 202 with a null body; read the marked version back instead.
            try {
                return Optional.of(reread.read());
            } catch (ApiException e) {
                if (e.isNotFound()) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        return Optional.of(parse(response, body, ModelDeployment.class));
    }

    private String deployments(String workspace) {
        return "/apis/models/v2/workspaces/" + segment(workspace) + "/deployments";
    }

    private String deployment(String workspace, String name) {
        return deployments(workspace) + "/" + segment(name);
    }

    /** Percent-encodes one path segment (spaces as %20, '/' encoded, '-' '.' '_' kept). */
    public static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header(ApiLimits.SOURCE_HEADER, SOURCE_VALUE);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest withBody(String method, String path, Object body) throws ApiException {
        return jsonRequest(method, path, body).build();
    }

    private HttpRequest.Builder jsonRequest(String method, String path, Object body) throws ApiException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(0, "Could not encode the request: " + e.getOriginalMessage(), List.of(), e);
        }
        return request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    /** A 412 carries the version as it is now; an unreadable body still makes a 412, without it. */
    private ApiException preconditionFailed(HttpResponse<String> response) {
        ModelDeployment current = null;
        String body = response.body();
        if (body != null && !body.isBlank()) {
            try {
                current = json.readValue(body, ModelDeployment.class);
                if (current != null && (current.workspace() == null || current.name() == null)) {
                    current = null; // not a deployment (e.g. an error body from a proxy)
                }
            } catch (JsonProcessingException e) {
                current = null;
            }
        }
        return ApiException.preconditionFailed(current);
    }

    private <T> T send(HttpRequest request, Class<T> type) throws ApiException {
        HttpResponse<String> response = exchange(request);
        ensureSuccess(response);
        return parse(response, response.body(), type);
    }

    private <T> T send(HttpRequest request, TypeReference<T> type) throws ApiException {
        HttpResponse<String> response = exchange(request);
        ensureSuccess(response);
        try {
            T value = json.readValue(response.body(), type);
            if (value == null) {
                throw new ApiException(response.statusCode(), "The server sent an empty answer.", List.of());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw unreadable(response, e);
        }
    }

    private <T> T parse(HttpResponse<String> response, String body, Class<T> type) throws ApiException {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new ApiException(response.statusCode(), "The server sent an empty answer.", List.of());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw unreadable(response, e);
        }
    }

    private static ApiException unreadable(HttpResponse<String> response, JsonProcessingException e) {
        return new ApiException(response.statusCode(),
                "The server's answer could not be read: " + e.getOriginalMessage(), List.of(), e);
    }

    private HttpResponse<String> exchange(HttpRequest request) throws ApiException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failureOf(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.connectionFailure("The request was interrupted.", e);
        }
    }

    private ApiException failureOf(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return ApiException.connectionFailure("The server at " + baseUrl + " did not answer in time.", e);
        }
        if (e instanceof ConnectException) {
            return ApiException.connectionFailure("Cannot connect to the server at " + baseUrl + ".", e);
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ApiException.connectionFailure("Lost the connection to " + baseUrl + ": " + why, e);
    }

    private void ensureSuccess(HttpResponse<String> response) throws ApiException {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        throw errorFrom(status, response.body());
    }

    /** Turns an error answer into an exception: {@code {"detail": "..."}} or a 422 list of problems. */
    ApiException errorFrom(int status, String body) {
        if (status == 401 || status == 403) {
            return new ApiException(status, accessDenied(status, token != null, serverDetail(body)), List.of());
        }
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = json.readTree(body);
                JsonNode detail = node == null ? null : node.get("detail");
                if (detail != null && detail.isArray()) {
                    List<ValidationError> errors = json.convertValue(detail, VALIDATION_ERRORS);
                    return ApiException.validation(status, errors);
                }
                if (detail != null && detail.isTextual() && !detail.asText().isBlank()) {
                    return new ApiException(status, detail.asText(), List.of());
                }
                if (detail != null && !detail.isNull()) {
                    return new ApiException(status, detail.toString(), List.of());
                }
            } catch (JsonProcessingException | IllegalArgumentException ignored) {
                // not JSON: fall through to the generic text
            }
        }
        return new ApiException(status, genericDetail(status), List.of());
    }

    /**
     * What to do about a 401 or 403, for the console's user: enter a token in File ▸ Connect to
     * server… (or start the console with one), use another one, or accept that this token may only
     * read. The server's own words follow in parentheses.
     */
    static String accessDenied(int status, boolean sentToken, String serverDetail) {
        String said = serverDetail == null || serverDetail.isBlank() ? "" : " (server: " + serverDetail.strip() + ")";
        if (status == 403) {
            return "This token may only read: to change deployments, enter an editor token in " + CONNECT_MENU
                    + said + ".";
        }
        if (!sentToken) {
            return "The server needs a token: enter one in " + CONNECT_MENU + ", or start the console with "
                    + "--token TOKEN or MODELDEPLOY_TOKEN" + said + ".";
        }
        return "The server does not accept this console's token: enter another one in " + CONNECT_MENU
                + ", or start the console with another --token or MODELDEPLOY_TOKEN" + said + ".";
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

    private static String genericDetail(int status) {
        return switch (status) {
            case 400 -> "The server rejected the request (400 Bad Request).";
            case 401, 403 -> "The server refused access (" + status + ").";
            case 404 -> "Not found (404).";
            case 409 -> "The request conflicts with the current state (409).";
            case 412 -> "The deployment changed on the server since you started editing it (412).";
            case 422 -> "The request was rejected as invalid (422).";
            default -> status >= 500
                    ? "The server failed to handle the request (" + status + ")."
                    : "Unexpected answer from the server (" + status + ").";
        };
    }
}
