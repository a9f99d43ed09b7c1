package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.AuthContext;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.model.StatusBatchTarget;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory stand-in for the server behind {@link DeploymentApiClient}, following the same
 * rules (DELETING only to DELETED, no-op for the same status and message, a provider-only change
 * without history entry, one entry per applied change, the newest 100 entries embedded).
 * Records the calls made, and can be told to fail the next call.
 */
class FakeDeploymentApiClient extends ForwardingDeploymentApiClient {

    /** One stored version with its full history (oldest first). */
    static final class Stored {
        final String workspace;
        final String name;
        final int version;
        final String id;
        final Instant createdAt;
        Instant updatedAt;
        DeploymentStatus status;
        String message;
        String providerId;
        final List<StatusHistoryEntry> history = new ArrayList<>();

        Stored(String workspace, String name, int version, Instant createdAt) {
            this.workspace = workspace;
            this.name = name;
            this.version = version;
            this.id = "model-deployment-" + name + "-" + version;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.status = DeploymentStatus.CREATED;
            this.message = "Deployment created";
            history.add(new StatusHistoryEntry(createdAt, status, message, "alice", ChangeSource.API));
        }

        ModelDeployment toResource() {
            int from = Math.max(0, history.size() - ApiLimits.HISTORY_WINDOW);
            return new ModelDeployment(id, name, workspace, "proj", createdAt, updatedAt, version, "llama-nim", 3,
                    status, message, List.copyOf(history.subList(from, history.size())), providerId,
                    AuthContext.of("alice"), null);
        }
    }

    private final Map<String, Stored> store = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<StatusUpdateRequest> updates = new ArrayList<>();
    /** The If-Match sent with each update (null when none). */
    final List<String> ifMatches = new ArrayList<>();
    final List<StatusBatchRequest> batches = new ArrayList<>();
    private ApiException nextFailure;
    Instant clock = Instant.parse("2026-07-01T10:00:00Z");

    FakeDeploymentApiClient() {
        super(URI.create("http://127.0.0.1:9"));
    }

    Stored create(String workspace, String name, int version) {
        tick(Duration.ofSeconds(1));
        Stored stored = new Stored(workspace, name, version, clock);
        store.put(key(workspace, name, version), stored);
        return stored;
    }

    Stored stored(String workspace, String name, int version) {
        return store.get(key(workspace, name, version));
    }

    /** Appends {@code count} changes alternating READY / PENDING, each a minute after the previous. */
    void addChanges(Stored stored, int count) {
        for (int i = 0; i < count; i++) {
            DeploymentStatus next = stored.status == DeploymentStatus.READY ? DeploymentStatus.PENDING
                    : DeploymentStatus.READY;
            tick(Duration.ofMinutes(1));
            record(stored, next, "change " + (stored.history.size()), ChangeSource.API);
        }
    }

    /** A change made by someone else (actor bob, via the API), a minute later. */
    void changeElsewhere(Stored stored, DeploymentStatus status, String message) {
        tick(Duration.ofMinutes(1));
        stored.status = status;
        stored.message = message;
        stored.updatedAt = clock;
        stored.history.add(new StatusHistoryEntry(clock, status, message, "bob", ChangeSource.API));
    }

    void failNext(ApiException failure) {
        this.nextFailure = failure;
    }

    long callsStartingWith(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    private void tick(Duration step) {
        clock = clock.plus(step);
    }

    private static String key(String workspace, String name, int version) {
        return workspace + "/" + name + "/v" + version;
    }

    private void maybeFail() throws ApiException {
        if (nextFailure != null) {
            ApiException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
    }

    private Stored require(String workspace, String name, int version) throws ApiException {
        Stored stored = store.get(key(workspace, name, version));
        if (stored == null) {
            throw new ApiException(404, "Deployment '" + workspace + "/" + name + "' version '" + version
                    + "' not found", List.of());
        }
        return stored;
    }

    private void record(Stored stored, DeploymentStatus status, String message, ChangeSource source) {
        stored.status = status;
        stored.message = message;
        stored.updatedAt = clock;
        stored.history.add(new StatusHistoryEntry(clock, status, message, "alice", source));
    }

    @Override
    public ModelDeployment getDeployment(String workspace, String name) throws ApiException {
        calls.add("getDeployment " + name);
        maybeFail();
        return store.values().stream()
                .filter(s -> s.workspace.equals(workspace) && s.name.equals(name))
                .max(Comparator.comparingInt(s -> s.version))
                .map(Stored::toResource)
                .orElseThrow(() -> new ApiException(404, "Deployment '" + workspace + "/" + name + "' not found",
                        List.of()));
    }

    @Override
    public List<ModelDeployment> listVersions(String workspace, String name) throws ApiException {
        calls.add("listVersions " + name);
        maybeFail();
        return store.values().stream()
                .filter(s -> s.workspace.equals(workspace) && s.name.equals(name))
                .sorted(Comparator.comparingInt((Stored s) -> s.version).reversed())
                .map(Stored::toResource)
                .toList();
    }

    @Override
    public ModelDeployment getVersion(String workspace, String name, int version) throws ApiException {
        calls.add("getVersion " + name + " " + version);
        maybeFail();
        return require(workspace, name, version).toResource();
    }

    @Override
    public ModelDeployment updateStatus(String workspace, String name, int version, StatusUpdateRequest request,
                                        String ifMatch) throws ApiException {
        calls.add("updateStatus " + name + " " + version);
        updates.add(request);
        ifMatches.add(ifMatch);
        maybeFail();
        Stored stored = require(workspace, name, version);
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(stored.toResource().etag())) {
            throw ApiException.preconditionFailed(stored.toResource());
        }
        if (!stored.status.allowsTransitionTo(request.status())) {
            throw new ApiException(409, "Deployment is marked for deletion (DELETING). "
                    + "Only transition to DELETED is allowed.", List.of());
        }
        String message = request.statusMessage() == null ? "" : request.statusMessage();
        boolean providerChanged = request.modelProviderId() != null
                && !request.modelProviderId().equals(stored.providerId);
        if (providerChanged) {
            stored.providerId = request.modelProviderId();
            stored.updatedAt = clock;
        }
        if (request.status() != stored.status || !message.equals(stored.message)) {
            tick(Duration.ofSeconds(30));
            record(stored, request.status(), message, ChangeSource.GUI);
        }
        return stored.toResource();
    }

    /** All targets or none, like the server: the first failing target's error carries its index. */
    @Override
    public StatusBatchResult changeStatuses(StatusBatchRequest request) throws ApiException {
        calls.add("changeStatuses " + request.targets().size());
        batches.add(request);
        maybeFail();
        List<Stored> targets = new ArrayList<>();
        for (int i = 0; i < request.targets().size(); i++) {
            StatusBatchTarget target = request.targets().get(i);
            Stored stored = target.version() == null ? latest(target.workspace(), target.name())
                    : stored(target.workspace(), target.name(), target.version());
            if (stored == null) {
                throw ApiException.batchRefusal(404, "Deployment '" + target.workspace() + "/" + target.name()
                        + "' not found", i);
            }
            if (target.ifMatch() != null && !target.ifMatch().equals(stored.toResource().etag())) {
                throw ApiException.batchRefusal(412, "The version changed since the state given in if_match", i);
            }
            if (!stored.status.allowsTransitionTo(request.status())) {
                throw ApiException.batchRefusal(409, "Deployment is marked for deletion (DELETING). "
                        + "Only transition to DELETED is allowed.", i);
            }
            targets.add(stored);
        }
        String message = request.statusMessage() == null ? "" : request.statusMessage();
        tick(Duration.ofSeconds(30));
        List<ModelDeployment> results = new ArrayList<>();
        for (Stored stored : targets) {
            if (request.status() != stored.status || !message.equals(stored.message)) {
                record(stored, request.status(), message, ChangeSource.GUI);
            }
            results.add(stored.toResource());
        }
        return new StatusBatchResult(results);
    }

    private Stored latest(String workspace, String name) {
        return store.values().stream().filter(s -> s.workspace.equals(workspace) && s.name.equals(name))
                .max(Comparator.comparingInt(s -> s.version)).orElse(null);
    }

    /** Like a NeMo Platform: no attention extension (404); the console then has no stuck limits. */
    @Override
    public AttentionList attention(String workspace) throws ApiException {
        throw new ApiException(404, "Not Found", List.of());
    }

    @Override
    public ListPage<StatusHistoryEntry> statusHistory(String workspace, String name, int version, int page,
                                                      int pageSize) throws ApiException {
        calls.add("statusHistory " + page + " " + pageSize);
        maybeFail();
        Stored stored = require(workspace, name, version);
        int total = stored.history.size();
        int from = Math.min(total, (page - 1) * pageSize);
        int to = Math.min(total, from + pageSize);
        List<StatusHistoryEntry> data = List.copyOf(stored.history.subList(from, to));
        return new ListPage<>(data, Pagination.of(page, pageSize, data.size(), total), "timestamp");
    }

    static ModelDeployment withStatus(ModelDeployment d, DeploymentStatus status, String message) {
        Objects.requireNonNull(d);
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), status, message, d.statusHistory(),
                d.modelProviderId(), d.authContext(), null);
    }
}
