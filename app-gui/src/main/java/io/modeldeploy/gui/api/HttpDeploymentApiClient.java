package io.modeldeploy.gui.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.DemoState;
import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@link DeploymentApiClient} of a real server, over HTTP. One instance per server;
 * thread-safe; every call blocks. Requests and the {@linkplain #eventStream event streams} share
 * one {@link ServerEndpoint}: one HTTP client, the same headers and token.
 */
public final class HttpDeploymentApiClient implements DeploymentApiClient {

    /** Pages of a complete list requested at once. */
    static final int PARALLEL_PAGES = 4;

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);
    private static final TypeReference<ListPage<ModelDeployment>> DEPLOYMENT_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<ListPage<StatusHistoryEntry>> HISTORY_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<List<ModelDeployment>> DEPLOYMENT_LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {
    };

    private final ServerEndpoint server;
    private final int firstPageSize;
    private final int fullPageSize;
    private final ObjectMapper json = Json.mapper();

    /** A client without a token: only loopback callers of a server without --require-auth get in. */
    public HttpDeploymentApiClient(URI baseUrl) {
        this(baseUrl, null);
    }

    /** A client that authenticates every request with {@code token} (null or blank: none). */
    public HttpDeploymentApiClient(URI baseUrl, String token) {
        this(baseUrl, token, FIRST_PAGE_SIZE, FULL_PAGE_SIZE);
    }

    /** With smaller page sizes for complete lists: lets tests cover paging with few rows. */
    HttpDeploymentApiClient(URI baseUrl, int firstPageSize, int fullPageSize) {
        this(baseUrl, null, firstPageSize, fullPageSize);
    }

    private HttpDeploymentApiClient(URI baseUrl, String token, int firstPageSize, int fullPageSize) {
        if (fullPageSize < 1 || fullPageSize > ApiLimits.MAX_PAGE_SIZE
                || firstPageSize < 1 || firstPageSize > fullPageSize) {
            throw new IllegalArgumentException("page sizes must be 1 <= first <= full <= " + ApiLimits.MAX_PAGE_SIZE);
        }
        this.server = new ServerEndpoint(baseUrl, token);
        this.firstPageSize = firstPageSize;
        this.fullPageSize = fullPageSize;
    }

    @Override
    public URI baseUrl() {
        return server.baseUrl();
    }

    @Override
    public boolean hasToken() {
        return server.hasToken();
    }

    @Override
    public DeploymentEventStream eventStream(Executor ui, DeploymentEventStream.Listener listener) {
        return eventStream(ApiLimits.ALL_WORKSPACES, ui, listener, DeploymentEventStream.Settings.defaults());
    }

    /** A stream of one workspace's changes ({@code "-"}: all) with other timing; not started yet. */
    DeploymentEventStream eventStream(String workspace, Executor ui, DeploymentEventStream.Listener listener,
                                      DeploymentEventStream.Settings settings) {
        return new DeploymentEventStream(server, workspace, ui, listener, settings);
    }

    /** The plumbing this client and its event streams share. */
    ServerEndpoint endpoint() {
        return server;
    }

    /**
     * Tries every endpoint the console uses beyond NeMo's API, all at once: one a server lacks is
     * answered 404 (NeMo routes nothing else there), any other answer, even a refusal, means it is
     * offered. The history endpoint is asked for {@code page_size=0}, which a server that has it
     * refuses (422) before looking anything up, so that a 404 can only mean "no such endpoint".
     * Entity tags are seen on a version read: the first deployment listed, if there is one (without
     * one, none are assumed: the console then re-reads before it changes a status, which is safe).
     */
    @Override
    public ServerCapabilities capabilities() throws ApiException {
        String all = ApiLimits.ALL_WORKSPACES;
        HttpRequest stream = server.request(ApiPaths.deploymentEvents(all), "text/event-stream", REQUEST_TIMEOUT)
                .GET().build();
        CompletableFuture<Boolean> eventStream = server.http()
                .sendAsync(stream, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    closeQuietly(response.body()); // the answer's status is all the probe needs
                    return response.statusCode() != 404;
                });
        CompletableFuture<Boolean> statusHistory = offered(ApiPaths.deployment(all, all)
                + "/status-history?page_size=0");
        CompletableFuture<Boolean> statusBatches = offered(ApiPaths.STATUS_BATCHES);
        CompletableFuture<Boolean> demo = offered(ApiPaths.DEMO);
        CompletableFuture<Boolean> attention = offered(ApiPaths.ATTENTION + "?workspace=" + ApiPaths.segment(all));
        CompletableFuture<Boolean> whoami = offered(ApiPaths.WHOAMI);
        // An unreadable "since" is refused (422) before anything is read.
        CompletableFuture<Boolean> historyExport = offered(ApiPaths.HISTORY_EXPORT + "?since=-");
        boolean entityTags = sendsEntityTags();
        return new ServerCapabilities(await(eventStream), await(statusHistory), entityTags, await(statusBatches),
                await(demo), await(attention), await(whoami), await(historyExport));
    }

    private CompletableFuture<Boolean> offered(String path) {
        return server.http().sendAsync(get(path), HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() != 404);
    }

    /** Only a connection failure is thrown: a refused read shows no entity tag, which is the safe answer. */
    private boolean sendsEntityTags() throws ApiException {
        try {
            List<ModelDeployment> first = dataOf(listDeployments(ApiLimits.ALL_WORKSPACES, 1, 1));
            if (first.isEmpty()) {
                return false;
            }
            ModelDeployment any = first.get(0);
            HttpResponse<String> response = server.send(get(ApiPaths.deployment(any.workspace(), any.name())
                    + "/versions/" + any.entityVersion()));
            return response.statusCode() / 100 == 2 && response.headers().firstValue("ETag").isPresent();
        } catch (ApiException e) {
            if (e.isConnectionFailure()) {
                throw e;
            }
            return false;
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    // ---------------------------------------------------------------- deployments

    @Override
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize) throws ApiException {
        String path = ApiPaths.deployments(workspace) + "?page=" + page + "&page_size=" + pageSize;
        return send(get(path), DEPLOYMENT_PAGE);
    }

    @Override
    public ListPage<ModelDeployment> listDeployments(String workspace, int page, int pageSize, int historyLimit)
            throws ApiException {
        return send(get(listPath(workspace, page, pageSize, historyLimit, false)), DEPLOYMENT_PAGE);
    }

    @Override
    public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions)
            throws ApiException {
        return send(get(listPath(workspace, 1, firstPageSize, 0, allVersions)), DEPLOYMENT_PAGE);
    }

    /**
     * Up to {@value #PARALLEL_PAGES} pages are requested at once. A first page smaller than a full one
     * is read again as the start of the first full page.
     */
    @Override
    public List<ModelDeployment> listRemainingDeployments(String workspace, boolean allVersions,
                                                          ListPage<ModelDeployment> first) throws ApiException {
        List<ModelDeployment> firstData = dataOf(first);
        if (first.pagination() == null || firstData.isEmpty() || !first.pagination().hasNext()) {
            return List.of();
        }
        int fromPage = first.pagination().pageSize() >= fullPageSize ? 2 : 1;
        int pages = (int) ((first.pagination().totalResults() + fullPageSize - 1) / fullPageSize);
        // PARALLEL_PAGES lanes, each requesting its pages one after the other.
        List<CompletableFuture<List<ModelDeployment>>> results = new ArrayList<>();
        for (int page = fromPage; page <= pages; page++) {
            int number = page;
            int index = results.size();
            CompletableFuture<?> previous = index >= PARALLEL_PAGES
                    ? results.get(index - PARALLEL_PAGES) : CompletableFuture.completedFuture(null);
            results.add(previous.thenCompose(ignored -> fetchPage(workspace, number, allVersions)));
        }
        Set<ListedVersion> listed = new HashSet<>();
        firstData.forEach(version -> listed.add(ListedVersion.of(version)));
        List<ModelDeployment> rest = new ArrayList<>();
        for (CompletableFuture<List<ModelDeployment>> result : results) {
            for (ModelDeployment version : await(result)) {
                if (listed.add(ListedVersion.of(version))) {
                    rest.add(version);
                }
            }
        }
        return rest;
    }

    /** An entry of a complete list, once per version. */
    private record ListedVersion(String workspace, String name, int version) {
        static ListedVersion of(ModelDeployment deployment) {
            return new ListedVersion(deployment.workspace(), deployment.name(), deployment.entityVersion());
        }
    }

    private CompletableFuture<List<ModelDeployment>> fetchPage(String workspace, int page, boolean allVersions) {
        HttpRequest request = get(listPath(workspace, page, fullPageSize, 0, allVersions));
        return server.http().sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    try {
                        ensureSuccess(response);
                        return dataOf(read(response, type(DEPLOYMENT_PAGE)));
                    } catch (ApiException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    private <T> T await(CompletableFuture<T> result) throws ApiException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            throw server.interrupted(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof ApiException api) {
                throw api;
            }
            throw server.failureOf(cause instanceof Exception ex ? ex : new IOException(cause));
        }
    }

    private static List<ModelDeployment> dataOf(ListPage<ModelDeployment> page) {
        return page == null || page.data() == null ? List.of() : page.data();
    }

    private static String listPath(String workspace, int page, int pageSize, int historyLimit, boolean allVersions) {
        return ApiPaths.deployments(workspace) + "?page=" + page + "&page_size=" + pageSize
                + "&history_limit=" + historyLimit + "&sort=-updated_at" + (allVersions ? "&all_versions=true" : "");
    }

    @Override
    public ModelDeployment getDeployment(String workspace, String name) throws ApiException {
        return send(get(ApiPaths.deployment(workspace, name)), ModelDeployment.class);
    }

    @Override
    public List<ModelDeployment> listVersions(String workspace, String name) throws ApiException {
        return send(get(ApiPaths.deployment(workspace, name) + "/versions"), DEPLOYMENT_LIST);
    }

    @Override
    public ModelDeployment getVersion(String workspace, String name, int version) throws ApiException {
        return send(get(ApiPaths.deployment(workspace, name) + "/versions/" + version), ModelDeployment.class);
    }

    @Override
    public ModelDeployment createDeployment(String workspace, CreateDeploymentRequest request) throws ApiException {
        return send(withBody("POST", ApiPaths.deployments(workspace), request).build(), ModelDeployment.class);
    }

    @Override
    public ModelDeployment createVersion(String workspace, String name, NewVersionRequest request)
            throws ApiException {
        return send(withBody("POST", ApiPaths.deployment(workspace, name), request).build(), ModelDeployment.class);
    }

    @Override
    public ModelDeployment updateStatus(String workspace, String name, int version, StatusUpdateRequest request,
                                        String ifMatch) throws ApiException {
        String path = ApiPaths.deployment(workspace, name) + "/status?version=" + version;
        // POST, as NeMo has it (our server takes POST and PATCH alike); If-Match where the server
        // honours it, ignored by one that does not (see ConsoleSession#updateStatus).
        HttpRequest.Builder builder = withBody("POST", path, request);
        if (ifMatch != null && !ifMatch.isBlank()) {
            builder.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = server.send(builder.build());
        if (response.statusCode() == ApiException.PRECONDITION_FAILED) {
            throw preconditionFailed(response);
        }
        ensureSuccess(response);
        return read(response, type(ModelDeployment.class));
    }

    @Override
    public StatusBatchResult changeStatuses(StatusBatchRequest request) throws ApiException {
        return send(withBody("POST", ApiPaths.STATUS_BATCHES, request).build(), StatusBatchResult.class);
    }

    @Override
    public Optional<ModelDeployment> deleteDeployment(String workspace, String name) throws ApiException {
        return deleteAndRead(ApiPaths.deployment(workspace, name), () -> getDeployment(workspace, name));
    }

    @Override
    public Optional<ModelDeployment> deleteVersion(String workspace, String name, int version) throws ApiException {
        String path = ApiPaths.deployment(workspace, name) + "/versions/" + version;
        return deleteAndRead(path, () -> getVersion(workspace, name, version));
    }

    @Override
    public ListPage<StatusHistoryEntry> statusHistory(String workspace, String name, int version, int page,
                                                      int pageSize) throws ApiException {
        String path = ApiPaths.deployment(workspace, name) + "/status-history?version=" + version
                + "&page=" + page + "&page_size=" + pageSize;
        return send(get(path), HISTORY_PAGE);
    }

    @Override
    public long exportHistory(HistoryExportQuery query, Consumer<HistoryExportEntry> sink) throws ApiException {
        return streamEntries(ApiPaths.HISTORY_EXPORT + query.queryString(), sink);
    }

    @Override
    public long exportVersionHistory(String workspace, String name, int version, Consumer<HistoryExportEntry> sink)
            throws ApiException {
        return streamEntries(ApiPaths.deployment(workspace, name) + "/status-history?version=" + version, sink);
    }

    /** Reads the answer line by line from its stream: one JSON object per line, blank lines skipped. */
    private long streamEntries(String path, Consumer<HistoryExportEntry> sink) throws ApiException {
        HttpRequest request = server.request(path, NDJSON, REQUEST_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = server.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw server.failureOf(e);
        } catch (InterruptedException e) {
            throw server.interrupted(e);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() / 100 != 2) {
                throw server.errorFrom(response.statusCode(), readRest(lines));
            }
            long count = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                sink.accept(entryOf(line, response.statusCode()));
                count++;
            }
            return count;
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw ApiException.noAnswer(ApiException.Kind.INTERRUPTED, server.baseUrl(), null, e);
            }
            throw server.failureOf(e);
        }
    }

    private HistoryExportEntry entryOf(String line, int status) throws ApiException {
        try {
            HistoryExportEntry entry = json.readValue(line, HistoryExportEntry.class);
            if (entry == null || entry.timestamp() == null || entry.status() == null) {
                throw ApiException.unreadableAnswer(status, "an exported entry without timestamp or status", null);
            }
            return entry;
        } catch (JsonProcessingException e) {
            throw ApiException.unreadableAnswer(status, e.getOriginalMessage(), e);
        }
    }

    private static String readRest(BufferedReader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n = reader.read(buffer); n >= 0 && text.length() < 65_536; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    @Override
    public AttentionList attention(String workspace) throws ApiException {
        return send(get(ApiPaths.ATTENTION + "?workspace=" + ApiPaths.segment(workspace)), AttentionList.class);
    }

    // ---------------------------------------------------------------- the caller

    @Override
    public CallerIdentity whoami() throws ApiException {
        return send(get(ApiPaths.WHOAMI), CallerIdentity.class);
    }

    // ---------------------------------------------------------------- demo mode

    @Override
    public DemoState getDemo() throws ApiException {
        return send(get(ApiPaths.DEMO), DemoState.class);
    }

    @Override
    public DemoState updateDemo(DemoState change) throws ApiException {
        return send(withBody("PUT", ApiPaths.DEMO, change).build(), DemoState.class);
    }

    @Override
    public int resetDemo() throws ApiException {
        Map<String, Integer> answer = send(withBody("POST", ApiPaths.DEMO + "/reset", Map.of()).build(), COUNTS);
        Integer count = answer.get("deployments");
        return count == null ? 0 : count;
    }

    /** A NeMo Platform has no {@code /health}: then its models API answering (even 401 or 403) will do. */
    @Override
    public boolean isHealthy() {
        try {
            if (answer(ApiPaths.HEALTH) / 100 == 2) {
                return true;
            }
            int models = answer(ApiPaths.deployments(ApiLimits.ALL_WORKSPACES) + "?page=1&page_size=1");
            return models / 100 == 2 || models == 401 || models == 403;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private int answer(String path) throws IOException, InterruptedException {
        HttpRequest request = server.request(path, JSON, HEALTH_TIMEOUT).GET().build();
        return server.http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---------------------------------------------------------------- plumbing

    private interface Reader {
        ModelDeployment read() throws ApiException;
    }

    private Optional<ModelDeployment> deleteAndRead(String path, Reader reread) throws ApiException {
        HttpResponse<String> response = server.send(server.request(path, JSON, REQUEST_TIMEOUT).DELETE().build());
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
        return Optional.of(read(response, type(ModelDeployment.class)));
    }

    private HttpRequest get(String path) {
        return server.request(path, JSON, REQUEST_TIMEOUT).GET().build();
    }

    /** A request with {@code body} as JSON; the console's request records always encode. */
    private HttpRequest.Builder withBody(String method, String path, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the request body as JSON", e);
        }
        return server.request(path, JSON, REQUEST_TIMEOUT)
                .header("Content-Type", JSON)
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
        return send(request, type(type));
    }

    private <T> T send(HttpRequest request, TypeReference<T> type) throws ApiException {
        return send(request, type(type));
    }

    private <T> T send(HttpRequest request, JavaType type) throws ApiException {
        HttpResponse<String> response = server.send(request);
        ensureSuccess(response);
        return read(response, type);
    }

    private JavaType type(Class<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    private JavaType type(TypeReference<?> type) {
        return json.getTypeFactory().constructType(type);
    }

    /** The answer's body as {@code type}; an empty or unreadable answer is an {@link ApiException}. */
    private <T> T read(HttpResponse<String> response, JavaType type) throws ApiException {
        try {
            T value = json.readValue(response.body(), type);
            if (value == null) {
                throw ApiException.unreadableAnswer(response.statusCode(), null, null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.unreadableAnswer(response.statusCode(), e.getOriginalMessage(), e);
        }
    }

    private void ensureSuccess(HttpResponse<String> response) throws ApiException {
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw server.errorFrom(status, response.body());
        }
    }
}
