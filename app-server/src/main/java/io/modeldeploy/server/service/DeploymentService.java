package io.modeldeploy.server.service;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.AuthContext;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.Pagination;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.error.PydanticErrors;
import io.modeldeploy.server.error.RequestValidationException;
import io.modeldeploy.server.persistence.DeploymentQueries;
import io.modeldeploy.server.persistence.DeploymentQuery;
import io.modeldeploy.server.persistence.DeploymentVersionRepository;
import io.modeldeploy.server.persistence.DeploymentVersionRow;
import io.modeldeploy.server.persistence.StatusEventRepository;
import io.modeldeploy.server.persistence.StatusEventRow;
import io.modeldeploy.server.persistence.WorkspaceRepository;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of deployments and their status: versions, the status history, the DELETING rule,
 * deletion. Every public method is one transaction; status changes of one version are
 * serialized by a row lock, so the history records them exactly once, in the order applied.
 */
@Singleton
public class DeploymentService {
    static final String CREATED_MESSAGE = "Deployment created";
    static final String UPDATE_PENDING_MESSAGE = "Deployment update pending";
    static final String DELETION_REQUESTED_MESSAGE = "Deployment deletion requested";
    static final String ONLY_DELETED_ALLOWED =
            "Deployment is marked for deletion (DELETING). Only transition to DELETED is allowed.";

    private final DeploymentVersionRepository versions;
    private final StatusEventRepository events;
    private final WorkspaceRepository workspaces;
    private final WorkspaceRegistry workspaceRegistry;
    private final DeploymentQueries queries;
    private final DeploymentEventLog eventLog;
    private final TransactionOperations<Connection> transactions;
    private final HistoryWindowCache historyCache;
    private final Clock clock;

    public DeploymentService(DeploymentVersionRepository versions, StatusEventRepository events,
                             WorkspaceRepository workspaces, WorkspaceRegistry workspaceRegistry,
                             DeploymentQueries queries, DeploymentEventLog eventLog,
                             TransactionOperations<Connection> transactions, HistoryWindowCache historyCache,
                             Clock clock) {
        this.transactions = transactions;
        this.historyCache = historyCache;
        this.versions = versions;
        this.events = events;
        this.workspaces = workspaces;
        this.workspaceRegistry = workspaceRegistry;
        this.queries = queries;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /**
     * Creates version 1. The workspace is made to exist first, in a transaction of its own that is
     * over before this one starts: a request never holds two pooled connections at once, so any
     * number of concurrent creates cannot exhaust the pool waiting for their second one.
     */
    public ModelDeployment create(String workspace, CreateDeploymentRequest request, Caller caller) {
        workspaceRegistry.ensureExists(workspace);
        return transactions.executeWrite(status -> createInExistingWorkspace(workspace, request, caller));
    }

    private ModelDeployment createInExistingWorkspace(String workspace, CreateDeploymentRequest request,
                                                      Caller caller) {
        workspaces.lock(workspace);
        Instant now = now();
        if (versions.existsByWorkspaceAndName(workspace, request.name())) {
            throw HttpErrorException.conflict("Deployment with workspace '" + workspace + "' and name '"
                    + request.name() + "' already exists");
        }
        DeploymentVersionRow row = new DeploymentVersionRow(DeploymentIds.next(), workspace, request.name(), 1,
                request.project(), request.config(), configVersionOrDefault(request.configVersion()),
                DeploymentStatus.CREATED, CREATED_MESSAGE, null, caller.actor(), now, now, now);
        return insertVersion(row, DeploymentEventType.CREATED, caller);
    }

    @Transactional
    public ModelDeployment createVersion(String workspace, String name, NewVersionRequest request, Caller caller) {
        workspaces.lock(workspace);
        int latest = versions.findLatestVersionNumber(workspace, name).orElseThrow(() -> HttpErrorException.badRequest(
                "Deployment with workspace '" + workspace + "' and name '" + name + "' does not exist"));
        DeploymentVersionRow current = versions.findByWorkspaceAndNameAndEntityVersion(workspace, name, latest)
                .orElseThrow();
        Instant now = now();
        DeploymentVersionRow row = new DeploymentVersionRow(DeploymentIds.next(), workspace, name, latest + 1,
                current.project(), request.config(), configVersionOrDefault(request.configVersion()),
                DeploymentStatus.PENDING, UPDATE_PENDING_MESSAGE, null, caller.actor(), now, now, now);
        return insertVersion(row, DeploymentEventType.VERSION_CREATED, caller);
    }

    /** A new version starts with one history entry: its initial state. */
    private ModelDeployment insertVersion(DeploymentVersionRow row, DeploymentEventType eventType, Caller caller) {
        versions.save(row);
        StatusEventRow first = events.save(StatusEventRow.of(row.id(), row.status(), row.statusMessage(),
                row.modelProviderId(), caller.actor(), caller.source(), row.createdAt()));
        ModelDeployment created = toResource(row, List.of(first));
        eventLog.record(eventType, created, row.createdAt());
        return created;
    }

    @ReadOnly
    public ModelDeployment getLatest(String workspace, String name) {
        return toCommittedResource(findLatest(workspace, name));
    }

    @ReadOnly
    public ModelDeployment getVersion(String workspace, String name, int version) {
        return toCommittedResource(findVersion(workspace, name, version));
    }

    /** Every version, newest first; an unknown name has none (as NeMo: 200 with an empty array). */
    @ReadOnly
    public List<ModelDeployment> listVersions(String workspace, String name) {
        return toResources(versions.findByWorkspaceAndNameOrderByEntityVersionDesc(workspace, name),
                ApiLimits.HISTORY_WINDOW);
    }

    @ReadOnly
    public ListPage<ModelDeployment> list(String workspace, DeploymentQuery query, int page, int pageSize,
                                          String sort, int historyLimit) {
        if (!ApiLimits.ALL_WORKSPACES.equals(workspace) && !workspaces.exists(workspace)) {
            throw HttpErrorException.notFound("Workspace '" + workspace + "' not found");
        }
        long total = queries.count(query);
        List<DeploymentVersionRow> rows = queries.find(query, (long) (page - 1) * pageSize, pageSize);
        return new ListPage<>(toResources(rows, historyLimit), Pagination.of(page, pageSize, rows.size(), total),
                sort);
    }

    /** The whole history of one version, oldest first. */
    @ReadOnly
    public ListPage<StatusHistoryEntry> history(String workspace, String name, Integer version, int page, int pageSize) {
        DeploymentVersionRow row = version == null ? findLatest(workspace, name) : findVersion(workspace, name, version);
        long total = events.countByDeploymentId(row.id());
        List<StatusHistoryEntry> entries = queries.historyPage(row.id(), (long) (page - 1) * pageSize, pageSize).stream()
                .map(StatusEventRow::toEntry)
                .toList();
        return new ListPage<>(entries, Pagination.of(page, pageSize, entries.size(), total), null);
    }

    /**
     * Applies status changes in one transaction, each as if alone and in the given order: a change
     * goes to one version (the latest when its {@code version} is null); one that changes nothing
     * writes nothing; one that only brings a new model provider updates it without a history entry;
     * every other change appends exactly one entry. With an If-Match condition a change is applied
     * only to the state its tag names. A refused change (404, 409, 412) refuses only itself.
     */
    /**
     * {@code readBefore} holds what each caller read of its version's history before (null where
     * nothing was read): a snapshot that is still current spares reading the history again.
     */
    @Transactional
    public List<StatusChangeOutcome> updateStatuses(List<StatusChange> changes, List<HistorySnapshot> readBefore) {
        List<DeploymentEventLog.Change> recorded = new ArrayList<>();
        List<StatusChangeOutcome> outcomes = applyInOrder(changes, lockTargets(changes), readBefore, null, recorded);
        eventLog.recordAll(recorded);
        return outcomes;
    }

    /**
     * Applies a status batch all or none, in one transaction: its versions are locked as
     * {@link #updateStatuses} locks them (so batches and single updates never wait for each other
     * in a cycle), and each change is applied exactly as a single update. The first target that is
     * refused, or that names a version an earlier target names too, rolls everything back.
     *
     * @throws StatusBatchRefusedException the first refused target (404, 409, 412); nothing was written
     * @throws RequestValidationException  the first target that repeats an earlier one (422)
     */
    @Transactional
    public List<StatusChangeOutcome> updateStatusesAtomically(List<StatusChange> changes) {
        Map<StatusChange, LockTarget> targets = lockTargets(changes);
        List<DeploymentEventLog.Change> recorded = new ArrayList<>();
        List<StatusChangeOutcome> outcomes = applyInOrder(changes, targets, lockedHistories(changes, targets),
                batchTime(targets.values()), recorded);
        Map<String, Integer> firstTargetOfVersion = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            LockTarget target = targets.get(changes.get(i));
            if (target.row() != null) {
                Integer earlier = firstTargetOfVersion.putIfAbsent(target.row().id(), i);
                if (earlier != null) {
                    throw duplicateTarget(i, changes.get(i), earlier);
                }
            }
            RuntimeException refusal = outcomes.get(i).refusal();
            if (refusal != null) {
                throw new StatusBatchRefusedException(i, refusal);
            }
        }
        eventLog.recordAll(recorded);
        return outcomes;
    }

    private static RequestValidationException duplicateTarget(int index, StatusChange change, int earlier) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("workspace", change.workspace());
        input.put("name", change.name());
        if (change.version() != null) {
            input.put("version", change.version());
        }
        return new RequestValidationException(PydanticErrors.duplicateTarget(List.of("body", "targets", index), input,
                earlier));
    }

    /**
     * The history window of each locked version (null where none is locked): cached when current,
     * the others read in one query, not one per target.
     */
    private List<HistorySnapshot> lockedHistories(List<StatusChange> changes, Map<StatusChange, LockTarget> targets) {
        Map<String, HistorySnapshot> windows = new HashMap<>();
        List<DeploymentVersionRow> toRead = new ArrayList<>();
        for (LockTarget target : targets.values()) {
            DeploymentVersionRow row = target.row();
            if (row == null) {
                continue;
            }
            HistorySnapshot cached = historyCache.get(row.id());
            if (cached != null && cached.isCurrentFor(row)) {
                windows.put(row.id(), cached);
            } else {
                toRead.add(row);
            }
        }
        Map<String, List<StatusEventRow>> read = queries.newestEvents(
                toRead.stream().map(DeploymentVersionRow::id).toList(), ApiLimits.HISTORY_WINDOW);
        for (DeploymentVersionRow row : toRead) {
            windows.put(row.id(), new HistorySnapshot(row.id(), row.updatedAt(), read.getOrDefault(row.id(), List.of())));
        }
        return changes.stream()
                .map(change -> targets.get(change).row() == null ? null : windows.get(targets.get(change).row().id()))
                .toList();
    }

    /**
     * One time for every change of a batch: now, but after the previous update of each of its
     * versions (see {@link #nextUpdateTime}).
     */
    private Instant batchTime(Collection<LockTarget> targets) {
        Instant at = now();
        for (LockTarget target : targets) {
            if (target.row() != null) {
                Instant next = nextUpdateTime(target.row());
                at = next.isAfter(at) ? next : at;
            }
        }
        return at;
    }

    /**
     * Each change applied as if alone, in the given order, to its locked version; a refused change
     * refuses only itself. The changes happen at {@code sharedTime}, or each at its own time when
     * that is null. The events go to {@code recorded}.
     */
    private List<StatusChangeOutcome> applyInOrder(List<StatusChange> changes, Map<StatusChange, LockTarget> targets,
                                                   List<HistorySnapshot> readBefore, Instant sharedTime,
                                                   List<DeploymentEventLog.Change> recorded) {
        Map<String, DeploymentVersionRow> current = new HashMap<>();
        Map<String, HistorySnapshot> histories = new HashMap<>();
        List<StatusChangeOutcome> outcomes = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            StatusChange change = changes.get(i);
            LockTarget target = targets.get(change);
            if (target.missing() != null) {
                outcomes.add(StatusChangeOutcome.refused(target.missing()));
                continue;
            }
            DeploymentVersionRow row = current.getOrDefault(target.row().id(), target.row());
            try {
                // The history before the change: read afterwards, it would already hold the new entry.
                HistorySnapshot before = currentHistory(row, histories.get(row.id()), readBefore.get(i));
                Applied applied = applyStatusChange(row, change, sharedTime == null ? nextUpdateTime(row) : sharedTime,
                        recorded);
                DeploymentVersionRow after = applied.row();
                HistorySnapshot history = before.plus(after.updatedAt(), applied.added(), ApiLimits.HISTORY_WINDOW);
                current.put(after.id(), after);
                histories.put(after.id(), history);
                outcomes.add(StatusChangeOutcome.applied(toResource(after, history.newest()), history));
            } catch (HttpErrorException | PreconditionFailedException refusal) {
                outcomes.add(StatusChangeOutcome.refused(refusal));
            }
        }
        return outcomes;
    }

    /** Snapshot of what a caller may read before queueing its change (see {@link #updateStatuses(List, List)}). */
    @ReadOnly
    public HistorySnapshot readHistory(String workspace, String name, Integer version) {
        return (version == null ? findLatestIfAny(workspace, name) : findVersionIfAny(workspace, name, version))
                .map(this::committedHistory)
                .orElse(null);
    }

    private HistorySnapshot readHistory(DeploymentVersionRow row) {
        List<StatusEventRow> newest = new ArrayList<>(queries.newestHistory(row.id(), ApiLimits.HISTORY_WINDOW));
        Collections.reverse(newest);
        return new HistorySnapshot(row.id(), row.updatedAt(), newest);
    }

    private HistorySnapshot currentHistory(DeploymentVersionRow row, HistorySnapshot inThisGroup,
                                           HistorySnapshot readBefore) {
        if (inThisGroup != null && inThisGroup.isCurrentFor(row)) {
            return inThisGroup;
        }
        if (readBefore != null && readBefore.isCurrentFor(row)) {
            return readBefore;
        }
        return readHistory(row);
    }

    /**
     * Locks every version the changes go to before anything is written, in one global order
     * (workspace, name, newest version first, as {@link #delete} does): writing records an event,
     * which takes the event-id lock, and no one may wait for a version lock while holding that.
     */
    private Map<StatusChange, LockTarget> lockTargets(List<StatusChange> changes) {
        Map<StatusChange, LockTarget> resolved = new IdentityHashMap<>();
        List<Map.Entry<StatusChange, Integer>> targets = new ArrayList<>();
        for (StatusChange change : changes) {
            Integer version = change.version() != null ? change.version()
                    : versions.findLatestVersionNumber(change.workspace(), change.name()).orElse(null);
            if (version == null) {
                resolved.put(change, LockTarget.missing(notFound(change.workspace(), change.name())));
            } else {
                targets.add(Map.entry(change, version));
            }
        }
        targets.sort(Comparator.<Map.Entry<StatusChange, Integer>, String>comparing(e -> e.getKey().workspace())
                .thenComparing(e -> e.getKey().name())
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()));
        for (Map.Entry<StatusChange, Integer> target : targets) {
            StatusChange change = target.getKey();
            LockTarget locked = versions.lockVersion(change.workspace(), change.name(), target.getValue())
                    .map(LockTarget::locked)
                    .orElseGet(() -> LockTarget.missing(change.version() == null
                            ? notFound(change.workspace(), change.name())
                            : versionNotFound(change.workspace(), change.name(), change.version())));
            resolved.put(change, locked);
        }
        return resolved;
    }

    /** The version a change goes to, locked, or why there is none. */
    private record LockTarget(DeploymentVersionRow row, HttpErrorException missing) {
        static LockTarget locked(DeploymentVersionRow row) {
            return new LockTarget(row, null);
        }

        static LockTarget missing(HttpErrorException missing) {
            return new LockTarget(null, missing);
        }
    }

    private Applied applyStatusChange(DeploymentVersionRow row, StatusChange change, Instant at,
                                      List<DeploymentEventLog.Change> recorded) {
        StatusUpdateRequest request = change.request();
        if (!change.ifMatch().matches(toResource(row, List.of()).etag())) {
            throw new PreconditionFailedException(toResource(row));
        }
        if (!row.status().allowsTransitionTo(request.status())) {
            throw HttpErrorException.conflict(ONLY_DELETED_ALLOWED);
        }
        String message = request.statusMessage() == null ? "" : request.statusMessage();
        String modelProviderId = request.modelProviderId() == null ? row.modelProviderId() : request.modelProviderId();
        boolean statusChanged = row.status() != request.status() || !row.statusMessage().equals(message);
        boolean providerChanged = !Objects.equals(modelProviderId, row.modelProviderId());
        if (!statusChanged && !providerChanged) {
            return new Applied(row, List.of());
        }
        return applyChange(row, at, request.status(), message, modelProviderId, statusChanged,
                DeploymentEventType.STATUS_CHANGED, change.caller(), recorded);
    }

    /**
     * Deletes a deployment: if every version is already DELETED they are purged (empty result),
     * otherwise every version not yet DELETED is marked DELETING and the latest is returned.
     */
    @Transactional
    public Optional<ModelDeployment> delete(String workspace, String name, Caller caller) {
        List<DeploymentVersionRow> found = versions.findByWorkspaceAndNameOrderByEntityVersionDesc(workspace, name);
        if (found.isEmpty()) {
            throw notFound(workspace, name);
        }
        // Every version is locked before anything is written: writing records an event, which
        // takes the event-id lock, and no one may wait for a version lock while holding that.
        List<DeploymentVersionRow> all = found.stream()
                .map(row -> lockForUpdate(workspace, name, row.entityVersion()))
                .toList();
        List<DeploymentEventLog.Change> recorded = new ArrayList<>();
        if (all.stream().allMatch(row -> row.status() == DeploymentStatus.DELETED)) {
            all.forEach(row -> purge(row, recorded));
            eventLog.recordAll(recorded);
            return Optional.empty();
        }
        List<DeploymentVersionRow> after = all.stream()
                .map(row -> row.status() == DeploymentStatus.DELETED ? row : markDeleting(row, caller, recorded))
                .toList();
        eventLog.recordAll(recorded);
        return Optional.of(toResource(after.get(0)));
    }

    /** The same for one version: purge it if DELETED, else mark it DELETING. */
    @Transactional
    public Optional<ModelDeployment> deleteVersion(String workspace, String name, int version, Caller caller) {
        DeploymentVersionRow row = lockForUpdate(workspace, name, version);
        List<DeploymentEventLog.Change> recorded = new ArrayList<>();
        if (row.status() == DeploymentStatus.DELETED) {
            purge(row, recorded);
            eventLog.recordAll(recorded);
            return Optional.empty();
        }
        DeploymentVersionRow after = markDeleting(row, caller, recorded);
        eventLog.recordAll(recorded);
        return Optional.of(toResource(after));
    }

    private void purge(DeploymentVersionRow row, List<DeploymentEventLog.Change> recorded) {
        versions.delete(row);
        recorded.add(new DeploymentEventLog.Change(DeploymentEventType.PURGED, toResource(row, List.of()), now()));
    }

    private DeploymentVersionRow markDeleting(DeploymentVersionRow row, Caller caller,
                                              List<DeploymentEventLog.Change> recorded) {
        if (row.status() == DeploymentStatus.DELETING && row.statusMessage().equals(DELETION_REQUESTED_MESSAGE)) {
            return row;
        }
        return applyChange(row, nextUpdateTime(row), DeploymentStatus.DELETING, DELETION_REQUESTED_MESSAGE,
                row.modelProviderId(), true, DeploymentEventType.DELETED, caller, recorded).row();
    }

    /**
     * Writes one change of a locked version at {@code at} (after its previous update, see
     * {@link #nextUpdateTime}); its event goes to {@code recorded}, which the caller records once
     * every lock of its transaction is taken.
     */
    private Applied applyChange(DeploymentVersionRow row, Instant at, DeploymentStatus status, String message,
                                String modelProviderId, boolean appendHistory, DeploymentEventType eventType,
                                Caller caller, List<DeploymentEventLog.Change> recorded) {
        DeploymentVersionRow changed = row.withStatus(status, message, modelProviderId, at);
        versions.updateStatus(row.id(), status, message, modelProviderId, at, changed.statusSince());
        List<StatusEventRow> added = appendHistory
                ? List.of(events.save(StatusEventRow.of(row.id(), status, message, modelProviderId, caller.actor(),
                        caller.source(), at)))
                : List.of();
        recorded.add(new DeploymentEventLog.Change(eventType, toResource(changed, added), at, row.status()));
        return new Applied(changed, added);
    }

    /** A version after a change, and the history entries the change appended. */
    private record Applied(DeploymentVersionRow row, List<StatusEventRow> added) {
    }

    /**
     * Now, but always after the version's previous update: {@code updated_at} strictly increases
     * per version, which is what makes it (with the id) a valid entity tag.
     */
    private Instant nextUpdateTime(DeploymentVersionRow row) {
        Instant now = now();
        Instant earliest = row.updatedAt().plus(1, ChronoUnit.MICROS);
        return now.isBefore(earliest) ? earliest : now;
    }

    private DeploymentVersionRow lockForUpdate(String workspace, String name, Integer version) {
        if (version != null) {
            return versions.lockVersion(workspace, name, version)
                    .orElseThrow(() -> versionNotFound(workspace, name, version));
        }
        int latest = versions.findLatestVersionNumber(workspace, name).orElseThrow(() -> notFound(workspace, name));
        return versions.lockVersion(workspace, name, latest).orElseThrow(() -> notFound(workspace, name));
    }

    private DeploymentVersionRow findLatest(String workspace, String name) {
        return findLatestIfAny(workspace, name).orElseThrow(() -> notFound(workspace, name));
    }

    private DeploymentVersionRow findVersion(String workspace, String name, int version) {
        return findVersionIfAny(workspace, name, version).orElseThrow(() -> versionNotFound(workspace, name, version));
    }

    private Optional<DeploymentVersionRow> findLatestIfAny(String workspace, String name) {
        return versions.findLatestVersionNumber(workspace, name)
                .flatMap(latest -> versions.findByWorkspaceAndNameAndEntityVersion(workspace, name, latest));
    }

    private Optional<DeploymentVersionRow> findVersionIfAny(String workspace, String name, int version) {
        return versions.findByWorkspaceAndNameAndEntityVersion(workspace, name, version);
    }

    /**
     * In a read-only transaction: the rows read are committed, so the history read with them may be
     * cached, and a cached one that matches them may be used.
     */
    private ModelDeployment toCommittedResource(DeploymentVersionRow row) {
        return toResource(row, committedHistory(row).newest());
    }

    private HistorySnapshot committedHistory(DeploymentVersionRow row) {
        HistorySnapshot cached = historyCache.get(row.id());
        if (cached != null && cached.isCurrentFor(row)) {
            return cached;
        }
        HistorySnapshot read = readHistory(row);
        historyCache.put(read);
        return read;
    }

    private ModelDeployment toResource(DeploymentVersionRow row) {
        return toResource(row, readHistory(row).newest());
    }

    private List<ModelDeployment> toResources(List<DeploymentVersionRow> rows, int historyLimit) {
        Map<String, List<StatusEventRow>> history = historyLimit == 0 ? Map.of() : queries.newestEvents(
                rows.stream().map(DeploymentVersionRow::id).toList(), historyLimit);
        return rows.stream().map(row -> toResource(row, history.getOrDefault(row.id(), List.of()))).toList();
    }

    /** The wire form of a version row with the given (oldest first) history entries. */
    public static ModelDeployment toResource(DeploymentVersionRow row, List<StatusEventRow> history) {
        return new ModelDeployment(row.id(), row.name(), row.workspace(), row.project(), row.createdAt(),
                row.updatedAt(), row.entityVersion(), row.config(), row.configVersion(), row.status(),
                row.statusMessage(), history.stream().map(StatusEventRow::toEntry).toList(), row.modelProviderId(),
                AuthContext.of(row.createdBy()), row.statusSince());
    }

    private static int configVersionOrDefault(Integer configVersion) {
        return configVersion == null || configVersion == 0 ? 1 : configVersion;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static HttpErrorException notFound(String workspace, String name) {
        return HttpErrorException.notFound("Deployment '" + workspace + "/" + name + "' not found");
    }

    static HttpErrorException versionNotFound(String workspace, String name, int version) {
        return versionNotFound(workspace, name, String.valueOf(version));
    }

    /** Also for a version number written in a request that no version can have (beyond {@code int}). */
    public static HttpErrorException versionNotFound(String workspace, String name, String version) {
        return HttpErrorException.notFound("Deployment '" + workspace + "/" + name + "' version '" + version + "' not found");
    }
}
