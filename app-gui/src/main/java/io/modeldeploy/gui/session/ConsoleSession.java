package io.modeldeploy.gui.session;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.gui.session.DeploymentStore.LoadMark;
import io.modeldeploy.gui.session.DeploymentStore.Origin;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.model.StatusBatchTarget;
import io.modeldeploy.model.StatusUpdateRequest;
import io.modeldeploy.model.StreamHeartbeat;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Everything the console holds of one server: its API client, the subscription to its event
 * stream, the one {@link DeploymentStore} of its fleet, and the {@link TaskRunner} its calls run
 * on. View-models read the store and ask the session to act; every answer and every streamed change
 * goes into the store, nowhere else. Moving to another server is closing this session and opening
 * another: nothing of a closed session keeps running.
 *
 * <p>Starting: what the server offers is found out first ({@link #capabilitiesProperty()}). A server
 * without an event stream (a plain NeMo Platform) is polled: the fleet is read every
 * {@link #POLL_INTERVAL}, one read at a time, and what changed between two reads reaches the store
 * as {@link Origin#POLL}, like a streamed change. With a stream, the fleet is read once the stream
 * is live (its first heartbeat), so no change can fall between the read and the stream. If the
 * stream is not live within the start-up grace, the fleet is read anyway and read again once it
 * is. A {@code resync} from the stream reads it again.
 *
 * <p>All methods but the constructor are for the UI thread.
 */
public final class ConsoleSession implements DeploymentEventStream.Listener, AutoCloseable {

    /** How long the fleet waits for the event stream before it is read anyway. */
    public static final Duration STARTUP_GRACE = Duration.ofSeconds(1);

    /** How often a server without an event stream is read again. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    /** Waits between two polls (and before asking an unreachable server again); tests wait for their own signal. */
    @FunctionalInterface
    public interface PollWait {
        void await(Duration interval) throws InterruptedException;
    }

    /** What the first read of the fleet has come to. */
    public enum FleetState {
        /** Nothing read yet, first read running. */
        LOADING,
        /** The fleet is in the store (possibly stale if the last read failed). */
        LOADED,
        /** The first read failed: there is nothing to show. */
        FAILED
    }

    /** What happens to the session that a status line tells; every method has a default. */
    public interface Observer {
        /** Stream events that changed the store, in commit order. */
        default void eventsApplied(List<DeploymentEvent> events) {
        }

        default void liveStateChanged(State before, State now) {
        }

        /** The stream asked for everything to be read again. */
        default void resynced(ResyncReason reason) {
        }

        /** The server refused the event stream (401 or 403); the stream keeps retrying. */
        default void accessDenied(ApiException denial) {
        }

        default void fleetLoadFailed(ApiException error) {
        }

        /** A change was refused (403): the session is read-only from now on. */
        default void writeRefused(ApiException refusal) {
        }
    }

    private final DeploymentApiClient api;
    private final ConnectionInfo connection;
    private final TaskRunner tasks;
    private final Clock clock;
    private final DeploymentStore store = new DeploymentStore();
    private final TaskSlot fleetRead;
    private final TaskSlot fleetPreview;
    private final TaskSlot startupGrace;
    private final TaskSlot callerRead;
    private final TaskSlot attentionLimitsRead;
    private final TaskSlot capabilitiesRead;
    private final TaskSlot pollWait;
    private final Set<BackgroundTask> running = new HashSet<>();
    private final Set<DeploymentKey> latestReads = new HashSet<>();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();

    private final ReadOnlyObjectWrapper<State> liveState = new ReadOnlyObjectWrapper<>(this, "liveState",
            State.CONNECTING);
    private final ReadOnlyObjectWrapper<Instant> lastEventAt = new ReadOnlyObjectWrapper<>(this, "lastEventAt");
    private final ReadOnlyBooleanWrapper fleetLoading = new ReadOnlyBooleanWrapper(this, "fleetLoading");
    private final ReadOnlyObjectWrapper<FleetState> fleetState = new ReadOnlyObjectWrapper<>(this, "fleetState",
            FleetState.LOADING);
    private final ReadOnlyObjectWrapper<ApiException> fleetLoadError = new ReadOnlyObjectWrapper<>(this,
            "fleetLoadError");
    private final ReadOnlyObjectWrapper<Instant> fleetLoadedAt = new ReadOnlyObjectWrapper<>(this, "fleetLoadedAt");
    private final ReadOnlyObjectWrapper<CallerIdentity> caller = new ReadOnlyObjectWrapper<>(this, "caller");
    private final ReadOnlyBooleanWrapper canWrite = new ReadOnlyBooleanWrapper(this, "canWrite", true);
    private final ReadOnlyObjectWrapper<ServerCapabilities> capabilities = new ReadOnlyObjectWrapper<>(this,
            "capabilities", ServerCapabilities.ALL);
    private final ReadOnlyBooleanWrapper polling = new ReadOnlyBooleanWrapper(this, "polling");
    private final ReadOnlyObjectWrapper<AttentionRule> attentionRule = new ReadOnlyObjectWrapper<>(this,
            "attentionRule", AttentionRule.NO_LIMITS);

    private DeploymentEventStream stream;
    private LoadMark openFleetLoad;
    /** The id of the newest change applied; -1 until the stream gave a starting point. */
    private long lastAppliedEventId = -1;
    private boolean fleetRequested;
    /** The fleet was read before the stream was live: read it again once it is. */
    private boolean fleetReadWithoutStream;
    /** The first page is being read at start; a complete read asked for meanwhile waits for it. */
    private boolean previewing;
    /** A complete read asked for while previewing (quietly or not); null: none. */
    private Boolean readAfterPreview;
    /** The server was asked who this console is (or is being asked). */
    private boolean callerRequested;
    /** The server was asked for its stuck limits (or is being asked). */
    private boolean attentionLimitsRequested;
    private boolean closed;
    private boolean started;
    private Duration pollInterval = POLL_INTERVAL;
    private PollWait pollWaiter = interval -> Thread.sleep(interval.toMillis());

    public ConsoleSession(DeploymentApiClient api, ConnectionInfo connection, TaskRunner tasks) {
        this(api, connection, tasks, Clock.systemUTC());
    }

    public ConsoleSession(DeploymentApiClient api, ConnectionInfo connection, TaskRunner tasks, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fleetRead = new TaskSlot(tasks);
        this.fleetPreview = new TaskSlot(tasks);
        this.startupGrace = new TaskSlot(tasks);
        this.callerRead = new TaskSlot(tasks);
        this.attentionLimitsRead = new TaskSlot(tasks);
        this.capabilitiesRead = new TaskSlot(tasks);
        this.pollWait = new TaskSlot(tasks);
    }

    /** Polls every {@code interval}, waiting with {@code wait}; before {@link #start()}. */
    public void pollWith(Duration interval, PollWait wait) {
        this.pollInterval = Objects.requireNonNull(interval, "interval");
        this.pollWaiter = Objects.requireNonNull(wait, "wait");
    }

    /** How often the fleet is read again while {@link #pollingProperty() polling}. */
    public Duration pollInterval() {
        return pollInterval;
    }

    public DeploymentApiClient api() {
        return api;
    }

    public ConnectionInfo connection() {
        return connection;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public DeploymentStore store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public void addObserver(Observer observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
    }

    // ------------------------------------------------------------------ following the server

    /**
     * Finds out what the server offers, then opens the event stream (resuming after the last change
     * applied) and reads the fleet once it is live; or, without a stream, polls the fleet. The first
     * page of the fleet is read at once beside that, to be shown while the rest is still on its way.
     */
    public void start() {
        start(STARTUP_GRACE);
    }

    public void start(Duration grace) {
        if (closed || started) {
            return;
        }
        started = true;
        previewFleet();
        readCapabilities(grace);
    }

    /**
     * Reads the fleet's first page without waiting for the stream, and shows it unless a complete read
     * was faster. Only a preview: the complete read follows as always (once the stream is live), and
     * what changed in between comes with it; the fleet shows as loading until it has.
     */
    private void previewFleet() {
        previewing = true;
        fleetLoading.set(true);
        fleetPreview.run(() -> api.listFirstDeployments(ApiLimits.ALL_WORKSPACES, true), first -> {
            if (fleetState.get() != FleetState.LOADED && first.data() != null && !first.data().isEmpty()) {
                store.mergeAll(first.data(), Origin.LOAD);
                fleetState.set(FleetState.LOADED);
            }
            previewed();
        }, error -> previewed());
    }

    /**
     * Starts the complete read asked for while the preview ran: after its rows, so that reading a
     * large fleet does not take the processor from laying them out.
     */
    private void previewed() {
        previewing = false;
        if (readAfterPreview != null) {
            boolean quietly = readAfterPreview;
            readAfterPreview = null;
            readFleet(quietly);
        }
    }

    /**
     * Asks the server once what it offers. An unreachable server is offline until it answers (asked
     * again after each poll interval); any other failure leaves the console assuming everything,
     * as before it knew.
     */
    private void readCapabilities(Duration grace) {
        capabilitiesRead.run(api::capabilities, offered -> {
            capabilities.set(offered);
            if (offered.eventStream()) {
                follow(grace);
            } else {
                startPolling();
            }
        }, error -> {
            if (error.isConnectionFailure()) {
                onStateChanged(State.OFFLINE);
                waitThen(capabilitiesRead, () -> readCapabilities(grace));
            } else {
                follow(grace);
            }
        });
    }

    private void follow(Duration grace) {
        stream = api.eventStream(tasks.ui(), this);
        stream.start(lastAppliedEventId);
        startupGrace.run(() -> {
            sleep(grace);
            return null;
        }, done -> startupGraceOver(), error -> { });
    }

    /** Stops following the server and every call still running; the session can't be started again. */
    @Override
    public void close() {
        closed = true;
        startupGrace.cancel();
        fleetRead.cancel();
        fleetPreview.cancel();
        callerRead.cancel();
        attentionLimitsRead.cancel();
        capabilitiesRead.cancel();
        pollWait.cancel();
        if (stream != null) {
            stream.close();
        }
        List.copyOf(running).forEach(BackgroundTask::cancel);
        running.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    /** The event stream while started; null before. */
    public DeploymentEventStream eventStream() {
        return stream;
    }

    /**
     * The stream did not become live soon after start: read the fleet without waiting any longer
     * (it is read again once the stream is live, so nothing in between is missed).
     */
    public void startupGraceOver() {
        if (!fleetRequested) {
            fleetRequested = true;
            fleetReadWithoutStream = true;
            reloadFleet();
        }
    }

    @Override
    public void onStateChanged(State state) {
        State before = liveState.get();
        liveState.set(state);
        if (state == State.OFFLINE || state == State.RECONNECTING) {
            startupGraceOver();
        }
        observers.forEach(o -> o.liveStateChanged(before, state));
    }

    @Override
    public void onHeartbeat(StreamHeartbeat heartbeat) {
        if (!callerRequested) {
            readCaller();
        }
        if (!attentionLimitsRequested) {
            readAttentionLimits();
        }
        if (lastAppliedEventId < 0) {
            lastAppliedEventId = heartbeat.lastEventId();
        }
        if (!fleetRequested || fleetReadWithoutStream) {
            // The stream is live now: a read from here on misses nothing the stream doesn't bring.
            fleetRequested = true;
            fleetReadWithoutStream = false;
            reloadFleet();
        }
    }

    @Override
    public void onResync(ResyncReason reason) {
        lastAppliedEventId = -1;
        fleetRequested = true;
        fleetReadWithoutStream = false;
        observers.forEach(o -> o.resynced(reason));
        reloadFleet();
    }

    @Override
    public void onAccessDenied(ApiException denial) {
        observers.forEach(o -> o.accessDenied(denial));
    }

    /** Applies streamed changes to the store, each exactly once (an id not above the last applied is dropped). */
    @Override
    public void onEvents(List<DeploymentEvent> events) {
        List<DeploymentEvent> applied = new ArrayList<>(events.size());
        DeploymentEvent newest = null;
        for (DeploymentEvent event : events) {
            if (event.type() == null || event.deployment() == null || event.eventId() <= lastAppliedEventId) {
                continue;
            }
            lastAppliedEventId = event.eventId();
            newest = event;
            DeploymentStore.EventOutcome outcome = store.apply(event);
            if (outcome == DeploymentStore.EventOutcome.LATEST_UNKNOWN) {
                readLatestAfterPurge(event.deployment());
            }
            if (outcome != DeploymentStore.EventOutcome.UNCHANGED) {
                applied.add(event);
            }
        }
        if (newest != null) {
            lastEventAt.set(newest.timestamp() != null ? newest.timestamp() : clock.instant());
        }
        if (!applied.isEmpty()) {
            observers.forEach(o -> o.eventsApplied(applied));
        }
    }

    // ------------------------------------------------------------------ polling a server without a stream

    private void startPolling() {
        polling.set(true);
        if (capabilities.get().whoami()) {
            readCaller();
        }
        if (capabilities.get().attention()) {
            readAttentionLimits();
        }
        reloadFleet();
    }

    /** After each read of the fleet while polling: live or offline, and the next read one interval on. */
    private void polled(ApiException failure) {
        if (failure == null) {
            if (liveState.get() != State.LIVE) {
                onStateChanged(State.LIVE);
            }
        } else if (failure.isConnectionFailure() && liveState.get() != State.OFFLINE) {
            onStateChanged(State.OFFLINE);
        }
        waitThen(pollWait, () -> readFleet(true));
    }

    /** Runs {@code next} one poll interval from now (a wait already in {@code slot} is replaced: polls never overlap). */
    private void waitThen(TaskSlot slot, Runnable next) {
        slot.run(() -> {
            try {
                pollWaiter.await(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.connectionFailure("interrupted", e);
            }
            return null;
        }, done -> next.run(), error -> { });
    }

    /** The id of the newest change applied; -1 while unknown. */
    public long lastAppliedEventId() {
        return lastAppliedEventId;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Asks the server once who this console is (done on the stream's first heartbeat). A server
     * without the whoami extension (a NeMo Platform: 404) is taken to let this console write and
     * says 403 when it does not; without an answer it is asked again on the next heartbeat.
     */
    public void readCaller() {
        callerRequested = true;
        callerRead.run(api::whoami, identity -> {
            caller.set(identity);
            canWrite.set(identity.canWrite());
        }, error -> callerRequested = !error.isConnectionFailure());
    }

    /**
     * Asks the server once for its stuck limits (done on the stream's first heartbeat): they make
     * the {@link #attentionRuleProperty() attention rule}. A server without the attention extension
     * (a NeMo Platform: 404) or that refuses it has none; without an answer it is asked again on the
     * next heartbeat.
     */
    public void readAttentionLimits() {
        attentionLimitsRequested = true;
        attentionLimitsRead.run(() -> api.attention(ApiLimits.ALL_WORKSPACES),
                answer -> attentionRule.set(AttentionRule.ofSeconds(answer.stuckAfterSeconds())),
                error -> attentionLimitsRequested = !error.isConnectionFailure());
    }

    /**
     * Reads every version of every deployment of every workspace (its first page shown at once on
     * the first read): the list shows the latest and marks problems of older versions.
     */
    public void reloadFleet() {
        readFleet(false);
    }

    /** {@code quietly}: a poll, which does not show as loading (it would flash every few seconds). */
    private void readFleet(boolean quietly) {
        fleetRequested = true;
        if (previewing) {
            readAfterPreview = quietly && (readAfterPreview == null || readAfterPreview);
            return;
        }
        if (openFleetLoad != null) {
            store.endLoad(openFleetLoad); // the read it belonged to is cancelled below
        }
        LoadMark mark = store.beginLoad();
        openFleetLoad = mark;
        if (!quietly) {
            fleetLoading.set(true);
        }
        pollWait.cancel(); // read now: the next poll is one interval after this read
        // Polled after the first read: what changed was changed elsewhere, as a stream would have told.
        Origin origin = polling.get() && fleetState.get() == FleetState.LOADED ? Origin.POLL : Origin.LOAD;
        fleetRead.run(() -> api.listFirstDeployments(ApiLimits.ALL_WORKSPACES, true),
                first -> {
                    List<ModelDeployment> firstData = first.data() == null ? List.of() : first.data();
                    if (first.pagination() == null || !first.pagination().hasNext() || firstData.isEmpty()) {
                        fleetRead(mark, firstData, origin);
                        return;
                    }
                    if (fleetState.get() != FleetState.LOADED) {
                        store.mergeAll(firstData, Origin.LOAD);
                        fleetState.set(FleetState.LOADED);
                    }
                    fleetRead.run(() -> api.listRemainingDeployments(ApiLimits.ALL_WORKSPACES, true, first),
                            rest -> {
                                List<ModelDeployment> all = new ArrayList<>(firstData.size() + rest.size());
                                all.addAll(firstData);
                                all.addAll(rest);
                                fleetRead(mark, all, origin);
                            },
                            error -> fleetReadFailed(mark, error));
                },
                error -> fleetReadFailed(mark, error));
    }

    private void fleetRead(LoadMark mark, List<ModelDeployment> everyVersion, Origin origin) {
        openFleetLoad = null;
        store.completeLoad(mark, everyVersion, origin);
        fleetLoading.set(false);
        fleetLoadError.set(null);
        fleetLoadedAt.set(clock.instant());
        fleetState.set(FleetState.LOADED);
        if (polling.get()) {
            polled(null);
        }
    }

    private void fleetReadFailed(LoadMark mark, ApiException error) {
        openFleetLoad = null;
        store.endLoad(mark);
        fleetLoading.set(false);
        fleetLoadError.set(error);
        if (fleetState.get() != FleetState.LOADED) {
            fleetState.set(FleetState.FAILED);
        }
        observers.forEach(o -> o.fleetLoadFailed(error));
        if (polling.get()) {
            polled(error);
        }
    }

    /** Reads every version of a deployment into the store; versions it no longer has leave the store. */
    public BackgroundTask readVersions(DeploymentKey key, Runnable onDone, Consumer<ApiException> onFailure) {
        LoadMark mark = store.beginLoad();
        return track(tasks.run(() -> api.listVersions(key.workspace(), key.name()),
                versions -> {
                    store.completeVersionsLoad(mark, key, versions);
                    onDone.run();
                },
                error -> {
                    store.endLoad(mark);
                    if (error.isNotFound()) {
                        store.removeDeployment(key, Origin.LOAD);
                    }
                    onFailure.accept(error);
                }).onCancel(() -> store.endLoad(mark)));
    }

    /** Reads one version (with its history) into the store. */
    public BackgroundTask readVersion(VersionKey key, Runnable onDone, Consumer<ApiException> onFailure) {
        return track(tasks.run(() -> api.getVersion(key.workspace(), key.name(), key.version()),
                version -> {
                    store.merge(version, Origin.LOAD);
                    onDone.run();
                },
                onFailure::accept));
    }

    /** After the purge of the only version held of a deployment: which version is latest now (none: it is gone). */
    private void readLatestAfterPurge(ModelDeployment purged) {
        DeploymentKey key = DeploymentKey.of(purged);
        if (!latestReads.add(key)) {
            return;
        }
        track(tasks.run(() -> api.getDeployment(key.workspace(), key.name()),
                latest -> {
                    latestReads.remove(key);
                    store.replacePurged(purged, latest);
                },
                error -> {
                    latestReads.remove(key);
                    if (error.isNotFound()) {
                        store.replacePurged(purged, null);
                    }
                }));
    }

    // ------------------------------------------------------------------ changing

    public BackgroundTask createDeployment(String workspace, CreateDeploymentRequest request,
                                           Consumer<ModelDeployment> onDone, Consumer<ApiException> onFailure) {
        return change(() -> api.createDeployment(workspace, request), this::ownWrite, error -> { }, onDone, onFailure);
    }

    public BackgroundTask createVersion(DeploymentKey key, NewVersionRequest request,
                                        Consumer<ModelDeployment> onDone, Consumer<ApiException> onFailure) {
        return change(() -> api.createVersion(key.workspace(), key.name(), request), this::ownWrite, error -> { },
                onDone, onFailure);
    }

    /**
     * Changes the status of {@code target}'s version on condition that it is still in {@code target}'s
     * state ({@code If-Match}). A refusal (412) that names the current state puts that state in the
     * store; a conflict (409) reads the version again, a 404 its versions.
     *
     * <p>A server without entity tags (a NeMo Platform) would overwrite any state: the version is
     * read again first, and if its {@code updated_at} or status moved since {@code target}, the
     * change is refused exactly like a 412, with the state read.
     */
    public BackgroundTask updateStatus(ModelDeployment target, StatusUpdateRequest request,
                                       Consumer<ModelDeployment> onDone, Consumer<ApiException> onFailure) {
        VersionKey key = VersionKey.of(target);
        String ifMatch = DeploymentCopies.etagOf(target);
        boolean readFirst = !capabilities.get().entityTags();
        return change(() -> {
                    if (readFirst) {
                        ModelDeployment current = api.getVersion(key.workspace(), key.name(), key.version());
                        if (movedSince(target, current)) {
                            throw ApiException.preconditionFailed(current);
                        }
                        // Remaining race: a change made between this read and the update below is
                        // overwritten; without If-Match the server can't refuse it. The window is one
                        // round trip, instead of everything since the editor showed the version.
                    }
                    return api.updateStatus(key.workspace(), key.name(), key.version(), request, ifMatch);
                },
                this::ownWrite,
                error -> {
                    Optional<ModelDeployment> current = error.currentDeployment()
                            .filter(d -> DeploymentCopies.sameVersion(d, target));
                    if (error.isPreconditionFailed() && current.isPresent()) {
                        store.merge(current.get(), Origin.LOAD);
                    } else if (error.isPreconditionFailed() || error.isConflict()) {
                        readVersion(key, () -> { }, ignored -> { });
                    } else if (error.isNotFound()) {
                        readVersions(key.deployment(), () -> { }, ignored -> { });
                    }
                }, onDone, onFailure);
    }

    /**
     * Changes the status of many versions in one batch, all or none. The answers go into the store
     * like a single update's. When the server names the target that failed, that target is read
     * again (a 412 or 409: its version; a 404: its versions), so that a new preview shows it as it is.
     */
    public BackgroundTask changeStatuses(StatusBatchRequest request, Consumer<StatusBatchResult> onDone,
                                         Consumer<ApiException> onFailure) {
        return change(() -> api.changeStatuses(request),
                result -> store.mergeAll(result.results() == null ? List.of() : result.results(), Origin.OWN_WRITE),
                error -> error.batchTarget().ifPresent(index -> {
                    if (index >= request.targets().size()) {
                        return;
                    }
                    StatusBatchTarget target = request.targets().get(index);
                    DeploymentKey key = new DeploymentKey(target.workspace(), target.name());
                    if (error.isNotFound() || target.version() == null) {
                        readVersions(key, () -> { }, ignored -> { });
                    } else if (error.isPreconditionFailed() || error.isConflict()) {
                        readVersion(key.version(target.version()), () -> { }, ignored -> { });
                    }
                }), onDone, onFailure);
    }

    /**
     * Deletes a deployment: the answer is its latest version marked DELETING, or nothing when it was
     * purged at once (then, like a 404, it leaves the store).
     */
    public BackgroundTask deleteDeployment(DeploymentKey key, Consumer<Optional<ModelDeployment>> onDone,
                                           Consumer<ApiException> onFailure) {
        return change(() -> api.deleteDeployment(key.workspace(), key.name()),
                result -> result.ifPresentOrElse(this::ownWrite,
                        () -> store.removeDeployment(key, Origin.OWN_WRITE)),
                error -> {
                    if (error.isNotFound()) {
                        store.removeDeployment(key, Origin.OWN_WRITE);
                    }
                }, onDone, onFailure);
    }

    /** Whether {@code current} is a later state than {@code target}: its update time or its status moved. */
    private static boolean movedSince(ModelDeployment target, ModelDeployment current) {
        return !Objects.equals(target.id(), current.id()) || !Objects.equals(target.updatedAt(), current.updatedAt())
                || target.status() != current.status();
    }

    private void ownWrite(ModelDeployment answer) {
        store.merge(answer, Origin.OWN_WRITE);
    }

    /**
     * Runs a change. Its outcome always reaches the store (the change happened on the server, or
     * did not); the handle returned only stops the caller's callbacks, e.g. when the editor moved on
     * to another version.
     */
    private <T> BackgroundTask change(TaskRunner.Call<T> call, Consumer<T> intoStore,
                                      Consumer<ApiException> failureIntoStore, Consumer<? super T> onDone,
                                      Consumer<ApiException> onFailure) {
        BackgroundTask caller = new BackgroundTask();
        track(tasks.run(call, answer -> {
            intoStore.accept(answer);
            if (!caller.isCancelled()) {
                caller.delivered();
                onDone.accept(answer);
            }
        }, error -> {
            failureIntoStore.accept(error);
            if (error.status() == 403 && canWrite.get()) {
                canWrite.set(false);
                observers.forEach(o -> o.writeRefused(error));
            }
            if (!caller.isCancelled()) {
                caller.delivered();
                onFailure.accept(error);
            }
        }));
        return caller;
    }

    private BackgroundTask track(BackgroundTask task) {
        running.removeIf(BackgroundTask::isFinished);
        if (closed) {
            task.cancel();
        } else if (!task.isFinished()) {
            running.add(task);
        }
        return task;
    }

    private static void sleep(Duration duration) throws ApiException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.connectionFailure("interrupted", e);
        }
    }

    // ------------------------------------------------------------------ properties

    /** The event stream's state: Live, Reconnecting, Offline… */
    public ReadOnlyObjectProperty<State> liveStateProperty() {
        return liveState.getReadOnlyProperty();
    }

    /** When the newest change applied was made (server time); null before the first. */
    public ReadOnlyObjectProperty<Instant> lastEventAtProperty() {
        return lastEventAt.getReadOnlyProperty();
    }

    /** A read of the fleet is running. */
    public ReadOnlyBooleanProperty fleetLoadingProperty() {
        return fleetLoading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FleetState> fleetStateProperty() {
        return fleetState.getReadOnlyProperty();
    }

    /** Why the last read of the fleet failed; null when it worked. */
    public ReadOnlyObjectProperty<ApiException> fleetLoadErrorProperty() {
        return fleetLoadError.getReadOnlyProperty();
    }

    /** Who the server takes this console for; null until it said so (or when it has no whoami). */
    public ReadOnlyObjectProperty<CallerIdentity> callerProperty() {
        return caller.getReadOnlyProperty();
    }

    /**
     * Whether this console may change anything: false for a viewer token, and from the first
     * change the server refused with 403. True while unknown: the server then says 403.
     */
    public ReadOnlyBooleanProperty canWriteProperty() {
        return canWrite.getReadOnlyProperty();
    }

    /**
     * What needs attention, with the server's stuck limits once it gave them ({@link AttentionRule#NO_LIMITS}
     * before, and for a server without them: then Error and Lost still need attention).
     */
    public ReadOnlyObjectProperty<AttentionRule> attentionRuleProperty() {
        return attentionRule.getReadOnlyProperty();
    }

    /** What the server offers; {@link ServerCapabilities#ALL} until it has been asked (at start). */
    public ReadOnlyObjectProperty<ServerCapabilities> capabilitiesProperty() {
        return capabilities.getReadOnlyProperty();
    }

    /** True when the server has no event stream and the fleet is read every {@link #pollInterval()} instead. */
    public ReadOnlyBooleanProperty pollingProperty() {
        return polling.getReadOnlyProperty();
    }

    /** When the fleet was last read completely. */
    public ReadOnlyObjectProperty<Instant> fleetLoadedAtProperty() {
        return fleetLoadedAt.getReadOnlyProperty();
    }
}
