package io.modeldeploy.gui.testing.nemo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * An in-process HTTP server that behaves like the NeMo Platform Models service's ModelDeployment API
 * as {@code shared/reference/model-deployments-api.md} documents it, and offers nothing more: no
 * event stream, no {@code status-history} endpoint, no ETag or If-Match, status changes by
 * {@code POST .../status} only (PATCH is 405), no {@code X-ModelDeploy-Source}, no demo, batch,
 * attention or whoami API and no {@code /health}. Its quirks are NeMo's: naive UTC
 * {@code created_at}/{@code updated_at}, history entries with {@code Z}, the history kept to the newest
 * 100 entries by the status endpoint, 202 with {@code null} on delete, 400 for a missing deployment on
 * a new version, pydantic-shaped 422s, {@code x-should-retry: false} on 409s, null fields left out of
 * lists only, and latest-only lists that group by name alone.
 * <p>
 * Tests change it over its own HTTP, as another NeMo client (or curl) would. Run {@link #main} to
 * try the console against it by hand.
 */
public final class NemoModelsDouble implements AutoCloseable {

    static final String PREFIX = "/apis/models/v2/workspaces/";
    static final int HISTORY_CAP = 100;
    static final List<String> STATUSES = List.of(
            "UNKNOWN", "CREATED", "PENDING", "READY", "ERROR", "DELETING", "DELETED", "LOST");
    private static final List<String> FILTER_FIELDS = List.of("workspace", "project", "status", "config",
            "model_provider_id", "name", "status_message", "created_at", "updated_at");
    private static final Pattern NAME = Pattern.compile("^[\\w\\-.]+$");
    private static final Pattern FILTER_KEY = Pattern.compile("^filter\\[([^\\]]*)](?:\\[([^\\]]*)])?$");
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter AWARE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    /** Every version of every deployment, in creation order. Guarded by {@code this}. */
    private final List<Version> versions = new ArrayList<>();
    /** {@code workspace/config} of every deployment config that exists. Guarded by {@code this}. */
    private final Set<String> configs = new LinkedHashSet<>();
    private Instant lastWrite = Instant.EPOCH;

    private NemoModelsDouble(int port, Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "nemo-models-double");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A double on an ephemeral loopback port, with no deployments. */
    public static NemoModelsDouble start() {
        return start(0);
    }

    /** A double on {@code port} (0: any free port), with no deployments. */
    public static NemoModelsDouble start(int port) {
        try {
            return new NemoModelsDouble(port, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: what the console connects to. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code "METHOD path?query"} of every request received so far, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Makes {@code workspace/config} exist, as creating a ModelDeploymentConfig on NeMo would. */
    public synchronized void addConfig(String workspace, String config) {
        configs.add(workspace + "/" + config);
    }

    /** Creates version 1 over HTTP (adding the config first) and answers the response body. */
    public JsonNode createDeployment(String workspace, String name, String config) {
        addConfig(workspace, config);
        ObjectNode body = NODES.objectNode().put("name", name).put("config", config);
        return call("POST", PREFIX + segment(workspace) + "/deployments", body, 201);
    }

    /** Changes the latest version's status over HTTP, as a controller or curl would. */
    public JsonNode postStatus(String workspace, String name, String status, String message) {
        ObjectNode body = NODES.objectNode().put("status", status).put("status_message", message);
        return call("POST", PREFIX + segment(workspace) + "/deployments/" + segment(name) + "/status", body, 200);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
        Answer answer;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            answer = route(method, rawPath, queryOf(rawQuery), body);
        } catch (RuntimeException e) {
            answer = detail(500, "An unexpected error occurred.");
        }
        byte[] bytes = answer.body == null ? new byte[0] : json.writeValueAsBytes(answer.body);
        exchange.getResponseHeaders().add("content-type", "application/json");
        if (answer.status == 409) {
            exchange.getResponseHeaders().add("x-should-retry", "false");
        }
        if (answer.status == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(answer.status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer route(String method, String rawPath, Map<String, String> query, byte[] body) {
        if (!rawPath.startsWith(PREFIX)) {
            return detail(404, "Not Found");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(PREFIX.length()).split("/", -1)) {
            segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
        }
        if (segments.size() < 2 || !segments.get(1).equals("deployments") || segments.get(0).isEmpty()) {
            return detail(404, "Not Found");
        }
        String workspace = segments.get(0);
        List<String> rest = segments.subList(2, segments.size());
        String shape = switch (rest.size()) {
            case 0 -> "list";
            case 1 -> "one";
            case 2 -> rest.get(1).equals("versions") ? "versions" : rest.get(1).equals("status") ? "status"
                    : rest.get(1).equals("models") ? "models" : "";
            case 3 -> rest.get(1).equals("versions") ? "version" : "";
            default -> "";
        };
        String route = method + " " + shape;
        synchronized (this) {
            return switch (route) {
                case "GET list" -> list(workspace, query);
                case "POST list" -> create(workspace, body);
                case "GET one" -> latest(workspace, rest.get(0)).map(this::single)
                        .orElse(detail(404, "Deployment '" + workspace + "/" + rest.get(0) + "' not found"));
                case "POST one" -> newVersion(workspace, rest.get(0), body);
                case "DELETE one" -> delete(workspace, rest.get(0), null);
                case "GET versions" -> versionsOf(workspace, rest.get(0));
                case "GET version" -> version(workspace, rest.get(0), rest.get(2));
                case "DELETE version" -> delete(workspace, rest.get(0), rest.get(2));
                case "POST status" -> updateStatus(workspace, rest.get(0), query.get("version"), body);
                case "GET models" -> latest(workspace, rest.get(0))
                        .map(v -> new Answer(200, NODES.objectNode().put("workspace", workspace)
                                .put("name", v.name).set("models", NODES.arrayNode())))
                        .orElse(detail(404, "Deployment '" + workspace + "/" + rest.get(0) + "' not found"));
                default -> shape.isEmpty() ? detail(404, "Not Found") : detail(405, "Method Not Allowed");
            };
        }
    }

    // ------------------------------------------------------------------ endpoints

    private Answer list(String workspace, Map<String, String> query) {
        List<Version> matching = new ArrayList<>();
        String scope = workspace;
        Map<String, Map<String, String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            var matcher = FILTER_KEY.matcher(parameter.getKey());
            if (matcher.matches()) {
                String field = matcher.group(1);
                if (!FILTER_FIELDS.contains(field)) {
                    return detail(400, "Unknown filter field '" + field + "'. Valid fields: " + FILTER_FIELDS);
                }
                filters.computeIfAbsent(field, f -> new LinkedHashMap<>())
                        .put(matcher.group(2) == null ? "$eq" : matcher.group(2), parameter.getValue());
            }
        }
        if (filters.containsKey("workspace")) {
            scope = filters.remove("workspace").get("$eq");
        }
        if (!scope.equals("-") && !workspaceExists(scope)) {
            return detail(500, "Failed to list deployments");
        }
        for (Version version : versions) {
            if ((scope.equals("-") || version.workspace.equals(scope)) && version.matches(filters)) {
                matching.add(version);
            }
        }
        String sort = query.getOrDefault("sort", "created_at");
        matching.sort(order(sort));
        int page = intOr(query.get("page"), 1);
        int pageSize = intOr(query.get("page_size"), 100);
        if (!"true".equalsIgnoreCase(query.get("all_versions"))) {
            // NeMo reads one store page of at most 1000 rows, keeps the highest version per *name*
            // (across workspaces), then pages in memory.
            Map<String, Version> highest = new LinkedHashMap<>();
            for (Version version : matching.subList(0, Math.min(1000, matching.size()))) {
                highest.merge(version.name, version, (a, b) -> a.number >= b.number ? a : b);
            }
            matching = new ArrayList<>(highest.values());
            matching.sort(order(sort));
        }
        int total = matching.size();
        int from = Math.min(total, Math.max(0, (page - 1) * pageSize));
        List<Version> shown = matching.subList(from, Math.min(total, from + pageSize));
        ArrayNode data = NODES.arrayNode();
        shown.forEach(version -> data.add(withoutNulls(version.toJson())));
        ObjectNode pagination = NODES.objectNode().put("page", page).put("page_size", pageSize)
                .put("current_page_size", shown.size())
                .put("total_pages", total == 0 ? 1 : (total + pageSize - 1) / pageSize)
                .put("total_results", total);
        ObjectNode answer = NODES.objectNode();
        answer.set("data", data);
        answer.set("pagination", pagination);
        answer.put("sort", sort);
        return new Answer(200, answer);
    }

    private Answer create(String workspace, byte[] body) {
        ObjectNode request;
        try {
            request = bodyObject(body);
        } catch (Invalid invalid) {
            return invalid.answer;
        }
        List<ObjectNode> errors = new ArrayList<>();
        String name = requiredString(request, "name", 255, errors);
        String config = requiredString(request, "config", 255, errors);
        Integer configVersion = optionalInt(request, "config_version", errors);
        String project = optionalString(request, "project", 255, errors);
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add(error("string_pattern_mismatch", "name", "String should match pattern '^[\\w\\-.]+$'",
                    request.get("name")));
        }
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        if (!configs.contains(workspace + "/" + config)) {
            return detail(400, "Deployment config '" + workspace + "/" + config + "' does not exist");
        }
        if (latest(workspace, name).isPresent()) {
            return detail(409, "Deployment with workspace '" + workspace + "' and name '" + name
                    + "' already exists");
        }
        Version created = new Version(workspace, name, 1, config, configVersion == null || configVersion == 0
                ? 1 : configVersion, project, "CREATED", "Deployment created", now());
        versions.add(created);
        return new Answer(201, created.toJson());
    }

    private Answer newVersion(String workspace, String name, byte[] body) {
        ObjectNode request;
        try {
            request = bodyObject(body);
        } catch (Invalid invalid) {
            return invalid.answer;
        }
        List<ObjectNode> errors = new ArrayList<>();
        String config = requiredString(request, "config", 255, errors);
        Integer configVersion = optionalInt(request, "config_version", errors);
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        var current = latest(workspace, name);
        if (current.isEmpty()) {
            return detail(400, "Deployment with workspace '" + workspace + "' and name '" + name
                    + "' does not exist");
        }
        if (!configs.contains(workspace + "/" + config)) {
            return detail(400, "Deployment config '" + workspace + "/" + config + "' does not exist");
        }
        Version next = new Version(workspace, name, current.get().number + 1, config,
                configVersion == null || configVersion == 0 ? 1 : configVersion, current.get().project,
                "PENDING", "Deployment update pending", now());
        versions.add(next);
        return new Answer(201, next.toJson());
    }

    private Answer versionsOf(String workspace, String name) {
        ArrayNode all = NODES.arrayNode();
        versions.stream().filter(v -> v.workspace.equals(workspace) && v.name.equals(name))
                .sorted(Comparator.comparingInt((Version v) -> v.number).reversed())
                .limit(100).forEach(v -> all.add(v.toJson()));
        return new Answer(200, all);
    }

    private Answer version(String workspace, String name, String number) {
        Integer parsed = versionNumber(number);
        if (parsed == null) {
            return detail(400, "Invalid version '" + number + "': must be a positive integer");
        }
        return find(workspace, name, parsed).map(this::single).orElse(detail(404,
                "Deployment '" + workspace + "/" + name + "' version '" + number + "' not found"));
    }

    private Answer updateStatus(String workspace, String name, String versionParameter, byte[] body) {
        ObjectNode request;
        try {
            request = bodyObject(body);
        } catch (Invalid invalid) {
            return invalid.answer;
        }
        List<ObjectNode> errors = new ArrayList<>();
        JsonNode statusNode = request.get("status");
        if (statusNode == null) {
            errors.add(error("missing", "status", "Field required", request));
        } else if (!statusNode.isTextual() || !STATUSES.contains(statusNode.asText())) {
            ObjectNode enumError = error("enum", "status", "Input should be " + enumList(), statusNode);
            enumError.set("ctx", NODES.objectNode().put("expected", enumList()));
            errors.add(enumError);
        }
        String message = optionalString(request, "status_message", 1000, errors);
        String providerId = optionalString(request, "model_provider_id", 255, errors);
        if (!errors.isEmpty()) {
            return validation(errors);
        }
        Version target;
        if (versionParameter == null || versionParameter.isEmpty()) {
            var latest = latest(workspace, name);
            if (latest.isEmpty()) {
                return detail(404, "Deployment '" + workspace + "/" + name + "' not found");
            }
            target = latest.get();
        } else {
            Integer number = versionNumber(versionParameter);
            if (number == null) {
                return detail(400, "Invalid version '" + versionParameter + "': must be a positive integer");
            }
            var found = find(workspace, name, number);
            if (found.isEmpty()) {
                return detail(404, "Deployment '" + workspace + "/" + name + "' version '" + versionParameter
                        + "' not found");
            }
            target = found.get();
        }
        String status = statusNode.asText();
        String newMessage = message == null ? "" : message;
        if (target.status.equals("DELETING") && !status.equals("DELETED")) {
            return detail(409, "Deployment is marked for deletion (DELETING). Only transition to DELETED is allowed.");
        }
        if (target.status.equals(status) && target.message.equals(newMessage)) {
            return single(target);
        }
        Instant at = now();
        target.history.add(historyEntry(at, target.status, target.message));
        target.status = status;
        target.message = newMessage;
        if (providerId != null) {
            target.providerId = providerId;
        }
        target.history.add(historyEntry(at, status, newMessage));
        compact(target.history);
        target.updatedAt = at;
        return single(target);
    }

    private Answer delete(String workspace, String name, String number) {
        List<Version> chosen;
        if (number == null) {
            chosen = versions.stream().filter(v -> v.workspace.equals(workspace) && v.name.equals(name)).toList();
            if (chosen.isEmpty()) {
                return detail(404, "Deployment '" + workspace + "/" + name + "' not found");
            }
        } else {
            Integer parsed = versionNumber(number);
            if (parsed == null) {
                return detail(400, "Invalid version '" + number + "': must be a positive integer");
            }
            chosen = find(workspace, name, parsed).stream().toList();
            if (chosen.isEmpty()) {
                return detail(404, "Deployment '" + workspace + "/" + name + "' version '" + number + "' not found");
            }
        }
        if (chosen.stream().allMatch(v -> v.status.equals("DELETED"))) {
            versions.removeAll(chosen);
            // NeMo re-reads the purged record to tell "purged" from "missing", and answers 404.
            return detail(404, "Deployment '" + workspace + "/" + name + "' not found");
        }
        Instant at = now();
        for (Version version : chosen) {
            if (!version.status.equals("DELETED")) {
                version.status = "DELETING";
                version.message = "Deployment deletion requested";
                version.history.add(historyEntry(at, "DELETING", "Deployment deletion requested"));
                version.updatedAt = at;
            }
        }
        return new Answer(202, NODES.nullNode());
    }

    // ------------------------------------------------------------------ model

    private final class Version {
        final String id = "model-deployment-" + base58Id();
        final String workspace;
        final String name;
        final int number;
        final String config;
        final int configVersion;
        final String project;
        final Instant createdAt;
        final List<ObjectNode> history = new ArrayList<>();
        Instant updatedAt;
        String status;
        String message;
        String providerId;

        Version(String workspace, String name, int number, String config, int configVersion, String project,
                String status, String message, Instant createdAt) {
            this.workspace = workspace;
            this.name = name;
            this.number = number;
            this.config = config;
            this.configVersion = configVersion;
            this.project = project;
            this.status = status;
            this.message = message;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        ObjectNode toJson() {
            ObjectNode node = NODES.objectNode();
            node.put("id", id);
            node.put("name", name);
            node.put("workspace", workspace);
            node.put("project", project);
            node.put("created_at", NAIVE.format(LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)));
            node.put("updated_at", NAIVE.format(LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC)));
            node.put("entity_version", number);
            node.put("config", config);
            node.put("config_version", configVersion);
            node.put("status", status);
            node.put("status_message", message);
            ArrayNode entries = node.putArray("status_history");
            history.forEach(entries::add);
            node.put("model_provider_id", providerId);
            node.putNull("auth_context");
            return node;
        }

        boolean matches(Map<String, Map<String, String>> filters) {
            for (Map.Entry<String, Map<String, String>> filter : filters.entrySet()) {
                String value = switch (filter.getKey()) {
                    case "project" -> project;
                    case "status" -> status;
                    case "config" -> config;
                    case "model_provider_id" -> providerId;
                    case "name" -> name;
                    case "status_message" -> message;
                    default -> null;
                };
                if (filter.getKey().endsWith("_at")) {
                    continue;
                }
                for (Map.Entry<String, String> condition : filter.getValue().entrySet()) {
                    String wanted = condition.getValue();
                    boolean ok = switch (condition.getKey()) {
                        case "$eq" -> wanted.equals(value);
                        case "$like" -> value != null && like(wanted).matcher(value).matches();
                        case "$in" -> List.of(wanted.split(",")).contains(value);
                        case "$nin" -> !List.of(wanted.split(",")).contains(value);
                        default -> true;
                    };
                    if (!ok) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** NeMo's store: case-insensitive, and a value without {@code %} or {@code _} is a substring. */
    private static Pattern like(String pattern) {
        if (pattern.indexOf('%') < 0 && pattern.indexOf('_') < 0) {
            pattern = "%" + pattern + "%";
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    private boolean workspaceExists(String workspace) {
        return workspace.equals("default") || versions.stream().anyMatch(v -> v.workspace.equals(workspace))
                || configs.stream().anyMatch(c -> c.startsWith(workspace + "/"));
    }

    private java.util.Optional<Version> latest(String workspace, String name) {
        return versions.stream().filter(v -> v.workspace.equals(workspace) && v.name.equals(name))
                .max(Comparator.comparingInt(v -> v.number));
    }

    private java.util.Optional<Version> find(String workspace, String name, int number) {
        return versions.stream().filter(v -> v.workspace.equals(workspace) && v.name.equals(name)
                && v.number == number).findFirst();
    }

    private Answer single(Version version) {
        return new Answer(200, version.toJson());
    }

    private static Comparator<Version> order(String sort) {
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<Version> comparator = switch (field) {
            case "updated_at" -> Comparator.comparing((Version v) -> v.updatedAt);
            case "name" -> Comparator.comparing((Version v) -> v.name);
            case "status" -> Comparator.comparing((Version v) -> v.status);
            case "entity_version" -> Comparator.comparingInt((Version v) -> v.number);
            default -> Comparator.comparing((Version v) -> v.createdAt);
        };
        return descending ? comparator.reversed() : comparator;
    }

    /** Drops entries equal (status and message) to the entry just before them; keeps the newest 100. */
    private static void compact(List<ObjectNode> history) {
        for (int i = history.size() - 1; i > 0; i--) {
            ObjectNode entry = history.get(i);
            ObjectNode before = history.get(i - 1);
            if (entry.get("status").equals(before.get("status"))
                    && entry.get("status_message").equals(before.get("status_message"))) {
                history.remove(i);
            }
        }
        while (history.size() > HISTORY_CAP) {
            history.remove(0);
        }
    }

    private static ObjectNode historyEntry(Instant at, String status, String message) {
        return NODES.objectNode().put("timestamp", AWARE.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)))
                .put("status", status).put("status_message", message);
    }

    /** The store's clock, strictly increasing at microsecond precision as timestamps are written. */
    private Instant now() {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!at.isAfter(lastWrite)) {
            at = lastWrite.plus(1, ChronoUnit.MICROS);
        }
        lastWrite = at;
        return at;
    }

    // ------------------------------------------------------------------ request validation (pydantic's shapes)

    private static final class Invalid extends Exception {
        final transient Answer answer;

        Invalid(Answer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    private ObjectNode bodyObject(byte[] body) throws Invalid {
        JsonNode parsed;
        try {
            parsed = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            ObjectNode invalid = NODES.objectNode().put("type", "json_invalid");
            invalid.set("loc", NODES.arrayNode().add("body").add(0));
            invalid.put("msg", "JSON decode error");
            invalid.set("input", NODES.objectNode());
            invalid.set("ctx", NODES.objectNode().put("error", "Expecting value"));
            throw new Invalid(validation(List.of(invalid)));
        }
        if (parsed == null) {
            ObjectNode missing = NODES.objectNode().put("type", "missing");
            missing.set("loc", NODES.arrayNode().add("body"));
            missing.put("msg", "Field required");
            missing.putNull("input");
            throw new Invalid(validation(List.of(missing)));
        }
        if (!parsed.isObject()) {
            ObjectNode notObject = NODES.objectNode().put("type", "model_attributes_type");
            notObject.set("loc", NODES.arrayNode().add("body"));
            notObject.put("msg", "Input should be a valid dictionary or object to extract fields from");
            notObject.set("input", parsed);
            throw new Invalid(validation(List.of(notObject)));
        }
        return (ObjectNode) parsed;
    }

    private static String requiredString(ObjectNode request, String field, int maxLength, List<ObjectNode> errors) {
        if (!request.has(field)) {
            errors.add(error("missing", field, "Field required", request));
            return null;
        }
        return checkedString(request, field, maxLength, errors);
    }

    private static String optionalString(ObjectNode request, String field, int maxLength, List<ObjectNode> errors) {
        if (!request.has(field) || request.get(field).isNull()) {
            return null;
        }
        return checkedString(request, field, maxLength, errors);
    }

    private static String checkedString(ObjectNode request, String field, int maxLength, List<ObjectNode> errors) {
        JsonNode value = request.get(field);
        if (!value.isTextual()) {
            errors.add(error("string_type", field, "Input should be a valid string", value));
            return null;
        }
        if (value.asText().length() > maxLength) {
            ObjectNode tooLong = error("string_too_long", field,
                    "String should have at most " + maxLength + " characters", value);
            tooLong.set("ctx", NODES.objectNode().put("max_length", maxLength));
            errors.add(tooLong);
            return null;
        }
        return value.asText();
    }

    private static Integer optionalInt(ObjectNode request, String field, List<ObjectNode> errors) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.asInt();
        }
        if (value.isTextual() && value.asText().trim().matches("[+-]?\\d+")) {
            return Integer.parseInt(value.asText().trim());
        }
        errors.add(value.isTextual()
                ? error("int_parsing", field, "Input should be a valid integer, unable to parse string as an integer", value)
                : error("int_type", field, "Input should be a valid integer", value));
        return null;
    }

    private static ObjectNode error(String type, String field, String message, JsonNode input) {
        ObjectNode error = NODES.objectNode().put("type", type);
        error.set("loc", NODES.arrayNode().add("body").add(field));
        error.put("msg", message);
        error.set("input", input);
        return error;
    }

    private static Answer validation(List<ObjectNode> errors) {
        ObjectNode body = NODES.objectNode();
        ArrayNode list = body.putArray("detail");
        errors.forEach(list::add);
        return new Answer(422, body);
    }

    private static Answer detail(int status, String detail) {
        return new Answer(status, NODES.objectNode().put("detail", detail));
    }

    private static String enumList() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < STATUSES.size(); i++) {
            text.append(i == 0 ? "" : i == STATUSES.size() - 1 ? " or " : ", ").append('\'')
                    .append(STATUSES.get(i)).append('\'');
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ small helpers

    private static ObjectNode withoutNulls(ObjectNode node) {
        List<String> nulls = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        });
        node.remove(nulls);
        return node;
    }

    /** NeMo's version parsing: any integer (0 and negatives then find nothing); anything else is null. */
    private static Integer versionNumber(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int intOr(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Map<String, String> queryOf(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    private static String segment(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String base58Id() {
        java.util.UUID uuid = java.util.UUID.randomUUID();
        java.math.BigInteger value = new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array());
        StringBuilder text = new StringBuilder();
        java.math.BigInteger base = java.math.BigInteger.valueOf(58);
        while (value.signum() > 0) {
            java.math.BigInteger[] division = value.divideAndRemainder(base);
            text.append(BASE58.charAt(division[1].intValue()));
            value = division[0];
        }
        return text.reverse().toString();
    }

    private JsonNode call(String method, String path, JsonNode body, int expectedStatus) {
        try {
            HttpRequest request = HttpRequest.newBuilder(baseUri().resolve(path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Runs a double for trying the console by hand: {@code --port N} (default 8095) and
     * {@code --seed} (a small fleet in {@code default} and {@code research}). Stops on Ctrl+C.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8095;
        boolean seed = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--seed")) {
                seed = true;
            }
        }
        NemoModelsDouble nemo = start(port);
        if (seed) {
            nemo.seed();
        }
        System.out.println("NeMo models double on " + nemo.baseUri() + PREFIX + "default/deployments");
        new CountDownLatch(1).await();
    }

    private void seed() {
        String[][] fleet = {
                {"default", "llama-3-8b-instruct", "llama-nim", "READY", "Serving on 2 replicas"},
                {"default", "mistral-7b", "mistral-nim", "PENDING", "Pulling image nvcr.io/nim/mistral-7b"},
                {"default", "nemotron-mini", "nemotron-nim", "ERROR", "CrashLoopBackOff: CUDA out of memory"},
                {"default", "embed-qa-4", "embed-nim", "READY", ""},
                {"research", "phi-3-medium", "phi-nim", "LOST", "Node gpu-node-7 stopped reporting"},
                {"research", "codellama-13b", "codellama-nim", "PENDING", "Waiting for a GPU"},
        };
        for (String[] deployment : fleet) {
            createDeployment(deployment[0], deployment[1], deployment[2]);
            postStatus(deployment[0], deployment[1], "PENDING", "Deployment scheduled");
            postStatus(deployment[0], deployment[1], deployment[3], deployment[4]);
        }
    }
}
