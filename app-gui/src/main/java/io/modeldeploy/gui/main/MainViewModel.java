package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.DeploymentEventStream;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.api.DeploymentEvents;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.Async;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StreamHeartbeat;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * State of the main window: the selected deployment, the live connection to the server, the last
 * thing that happened (status bar), and the actions that change data (create, new version,
 * delete), which update the list from the server's answers.
 *
 * <p>It listens to the server's {@link DeploymentEventStream}: every change made anywhere is applied
 * to the list and handed to the detail pane, each exactly once (an event id not above the last
 * one applied is ignored). On start the list is loaded once the stream is live, so no change can
 * fall between the list and the stream; if the stream takes too long or fails, the list is loaded
 * anyway and loaded again once the stream is live.
 */
public final class MainViewModel implements DeploymentEventStream.Listener {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DeploymentApiClient client;
    private final Async async;
    private final ConnectionInfo connectionInfo;
    private final DeploymentListViewModel list;

    private final ObjectProperty<DeploymentRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<State> liveState = new ReadOnlyObjectWrapper<>(this, "liveState",
            State.CONNECTING);
    private final ReadOnlyObjectWrapper<Instant> lastEventAt = new ReadOnlyObjectWrapper<>(this, "lastEventAt");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final StringBinding countText;
    private final StringBinding liveText;
    private final Clock clock;
    private final ZoneId zone;

    /** The id of the newest change applied; -1 until the stream gave a starting point. */
    private long lastAppliedEventId = -1;
    /** The list was (or is being) loaded. */
    private boolean listRequested;
    /** The list was loaded before the stream was live: load it again once it is. */
    private boolean listLoadedWithoutStream;
    private boolean everLive;
    private Consumer<List<DeploymentEvent>> detailEvents = events -> { };

    public MainViewModel(DeploymentApiClient client, Async async, ConnectionInfo connectionInfo,
                         DeploymentListViewModel list) {
        this(client, async, connectionInfo, list, Clock.systemUTC(), ZoneId.systemDefault());
    }

    public MainViewModel(DeploymentApiClient client, Async async, ConnectionInfo connectionInfo,
                         DeploymentListViewModel list, Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.client = Objects.requireNonNull(client, "client");
        this.async = Objects.requireNonNull(async, "async");
        this.connectionInfo = Objects.requireNonNull(connectionInfo, "connectionInfo");
        this.list = Objects.requireNonNull(list, "list");
        NumberFormat numbers = NumberFormat.getIntegerInstance();
        countText = Bindings.createStringBinding(() -> {
            int total = list.totalCountProperty().get();
            int shown = list.shownCountProperty().get();
            String noun = total == 1 ? "deployment" : "deployments";
            return shown == total ? numbers.format(total) + " " + noun
                    : "Showing " + numbers.format(shown) + " of " + numbers.format(total) + " " + noun;
        }, list.totalCountProperty(), list.shownCountProperty());
        liveText = Bindings.createStringBinding(() -> liveText(liveState.get(), lastEventAt.get()),
                liveState, lastEventAt);
        list.loadErrorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                activity.set("Refresh failed: " + now);
            }
        });
    }

    String liveText(State state, Instant lastEvent) {
        String base = switch (state) {
            case CONNECTING -> "Connecting\u2026";
            case LIVE -> "Live";
            case RECONNECTING -> "Reconnecting\u2026";
            case OFFLINE -> "Offline \u00B7 retrying";
            case CLOSED -> "Not connected";
        };
        return lastEvent == null ? base : base + " \u00B7 last change " + CLOCK.format(lastEvent.atZone(zone));
    }

    public DeploymentListViewModel list() {
        return list;
    }

    public ConnectionInfo connectionInfo() {
        return connectionInfo;
    }

    // ------------------------------------------------------------------ actions

    /** A deployment was created through the New deployment dialog. */
    public void created(ModelDeployment deployment) {
        list.upsert(deployment);
        activity.set("Created " + deployment.qualifiedName() + " (version " + deployment.entityVersion() + ")");
    }

    /** A new version was created through the New version dialog. */
    public void versionCreated(ModelDeployment deployment) {
        list.upsert(deployment);
        activity.set("Created version " + deployment.entityVersion() + " of " + deployment.qualifiedName());
    }

    /** The detail pane applied a status change. */
    public void statusChanged(ModelDeployment deployment) {
        list.upsert(deployment);
        activity.set(deployment.qualifiedName() + " v" + deployment.entityVersion() + " is now "
                + StatusStyle.displayName(deployment.status()));
    }

    /**
     * Deletes a deployment on the server. The list then shows the server's answer: the latest
     * version marked DELETING, or no row at all when the deployment was purged.
     */
    public void delete(ModelDeployment deployment, Consumer<Optional<ModelDeployment>> onDone,
                       Consumer<ApiException> onFailure) {
        activity.set("Deleting " + deployment.qualifiedName() + "…");
        async.run(() -> client.deleteDeployment(deployment.workspace(), deployment.name()),
                result -> {
                    if (result.isPresent()) {
                        list.upsert(result.get());
                        activity.set(deployment.qualifiedName() + " is marked "
                                + StatusStyle.displayName(result.get().status()) + "; the controller removes it");
                    } else {
                        list.remove(deployment.workspace(), deployment.name());
                        activity.set("Purged " + deployment.qualifiedName());
                    }
                    onDone.accept(result);
                },
                error -> {
                    if (error.isNotFound()) {
                        list.remove(deployment.workspace(), deployment.name());
                    }
                    activity.set("Could not delete " + deployment.qualifiedName() + ": " + ErrorTexts.message(error));
                    onFailure.accept(error);
                });
    }

    /** Reloads the list (F5). */
    public void refresh() {
        activity.set("");
        listRequested = true;
        list.refresh();
    }

    // ------------------------------------------------------------------ live changes

    /** Where changes for the detail pane go (it picks those of the deployment it shows). */
    public void setDetailEvents(Consumer<List<DeploymentEvent>> sink) {
        this.detailEvents = sink == null ? events -> { } : sink;
    }

    /**
     * The stream did not become live soon after start: load the list without waiting any longer
     * (it is loaded again once the stream is live, so nothing in between is missed).
     */
    public void startupGraceOver() {
        if (!listRequested) {
            listRequested = true;
            listLoadedWithoutStream = true;
            list.refresh();
        }
    }

    @Override
    public void onStateChanged(State state) {
        State before = liveState.get();
        liveState.set(state);
        if (state == State.LIVE) {
            if (everLive && (before == State.RECONNECTING || before == State.OFFLINE)) {
                activity.set("Connection restored; caught up with every change made meanwhile");
            }
            everLive = true;
        } else if (state == State.OFFLINE) {
            activity.set("The server can't be reached; changes will show once it is back");
            startupGraceOver();
        } else if (state == State.RECONNECTING) {
            startupGraceOver();
        }
    }

    @Override
    public void onHeartbeat(StreamHeartbeat heartbeat) {
        if (lastAppliedEventId < 0) {
            lastAppliedEventId = heartbeat.lastEventId();
        }
        if (!listRequested || listLoadedWithoutStream) {
            // The stream is live now: a list read from here on misses nothing the stream doesn't bring.
            listRequested = true;
            listLoadedWithoutStream = false;
            list.refresh();
        }
    }

    @Override
    public void onResync(ResyncReason reason) {
        lastAppliedEventId = -1;
        listRequested = true;
        listLoadedWithoutStream = false;
        activity.set("Reloading everything: " + ErrorTexts.resync(reason));
        list.refresh();
    }

    @Override
    public void onAccessDenied(ApiException denial) {
        activity.set("Live changes are off: " + ErrorTexts.message(denial));
    }

    @Override
    public void onEvents(List<DeploymentEvent> events) {
        List<DeploymentEvent> fresh = new ArrayList<>(events.size());
        for (DeploymentEvent event : events) {
            if (event.type() == null || event.deployment() == null) {
                continue;
            }
            if (event.eventId() <= lastAppliedEventId) {
                continue; // applied already
            }
            lastAppliedEventId = event.eventId();
            fresh.add(event);
        }
        if (fresh.isEmpty()) {
            return;
        }
        DeploymentEvent newest = fresh.get(fresh.size() - 1);
        lastEventAt.set(newest.timestamp() != null ? newest.timestamp() : clock.instant());
        // The detail first: it joins each change to the history it holds, so the list's copy that
        // the selection then hands over (read without history) is not newer than what it shows.
        detailEvents.accept(fresh);
        List<String> changed = list.applyEvents(fresh);
        if (fresh.size() == 1 && !changed.isEmpty()) {
            activity.set(describe(newest));
        } else if (fresh.size() > 1 && !changed.isEmpty()) {
            activity.set(NumberFormat.getIntegerInstance().format(fresh.size()) + " changes arrived; latest: "
                    + describe(newest));
        }
    }

    /** "prod/llama v2 is now Ready · alice via the API". */
    static String describe(DeploymentEvent event) {
        ModelDeployment d = event.deployment();
        String what = event.workspace() + "/" + event.name() + " v" + event.entityVersion();
        String text = switch (event.type()) {
            case CREATED -> "Created " + event.workspace() + "/" + event.name();
            case VERSION_CREATED -> "Created version " + event.entityVersion() + " of " + event.workspace() + "/"
                    + event.name();
            case DELETED -> what + " is marked for deletion";
            case PURGED -> "Purged " + what;
            case STATUS_CHANGED -> what + " is now " + StatusStyle.displayName(d.status());
        };
        Optional<StatusHistoryEntry> entry = event.type() == DeploymentEventType.PURGED ? Optional.empty()
                : DeploymentEvents.newestEntry(d);
        if (entry.isPresent() && entry.get().actor() != null) {
            ChangeSource source = entry.get().source();
            text += " \u00B7 " + entry.get().actor() + (source == ChangeSource.GUI ? " in a console"
                    : source == ChangeSource.API ? " via the API" : "");
        }
        return text;
    }

    /** The id of the newest change applied; -1 while unknown. */
    public long lastAppliedEventId() {
        return lastAppliedEventId;
    }

    /** Shows a message in the status bar. */
    public void report(String message) {
        activity.set(message == null ? "" : message);
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<DeploymentRow> selectedProperty() {
        return selected;
    }

    public Optional<ModelDeployment> selectedDeployment() {
        DeploymentRow row = selected.get();
        return row == null ? Optional.empty() : Optional.of(row.deployment());
    }

    public BooleanBinding hasSelectionProperty() {
        return hasSelection;
    }

    /** The event stream's state: Live, Reconnecting, Offline... */
    public ReadOnlyObjectProperty<State> liveStateProperty() {
        return liveState.getReadOnlyProperty();
    }

    /** When the newest change applied was made (server time); null before the first. */
    public ReadOnlyObjectProperty<Instant> lastEventAtProperty() {
        return lastEventAt.getReadOnlyProperty();
    }

    /** "Live · last change 14:03:27", "Reconnecting…", "Offline · retrying". */
    public StringBinding liveTextProperty() {
        return liveText;
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** "1,204 deployments" or "Showing 12 of 1,204 deployments". */
    public StringBinding countTextProperty() {
        return countText;
    }
}
