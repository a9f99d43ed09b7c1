package io.modeldeploy.gui.main;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentEventStream.ResyncReason;
import io.modeldeploy.gui.api.DeploymentEventStream.State;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.list.DeploymentListViewModel;
import io.modeldeploy.gui.list.DeploymentRow;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentCopies;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.CallerIdentity;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * State of the main window: the selected deployment, the status bar (the live connection, the last
 * thing that happened, the counts) and the delete action. What happened comes from the session:
 * changes streamed from elsewhere, this console's own writes (store changes answered to it), the
 * stream's state and failed reads.
 */
public final class MainViewModel implements ConsoleSession.Observer {

    /** The status bar's count until the first page of deployments is there. */
    static final String STARTING = "Starting\u2026";

    private final ConsoleSession session;
    private final DeploymentListViewModel list;
    private final ZoneId zone;

    private final ObjectProperty<DeploymentRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final StringBinding countText;
    private final StringBinding selectionText;
    private final StringBinding liveText;
    private final BooleanBinding readOnly;
    private final StringBinding readOnlyText;
    private final ReadOnlyObjectWrapper<Instant> dataAsOf = new ReadOnlyObjectWrapper<>(this, "dataAsOf");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper offlineText = new ReadOnlyStringWrapper(this, "offlineText", "");
    private boolean everLive;
    /** When the stream stopped being live (or first failed to connect); null while live. */
    private Instant connectionLostAt;
    /** Set while the server refuses this console's token: it answers, so it is not "not reachable". */
    private boolean accessRefused;

    public MainViewModel(ConsoleSession session, DeploymentListViewModel list) {
        this(session, list, ZoneId.systemDefault());
    }

    public MainViewModel(ConsoleSession session, DeploymentListViewModel list, ZoneId zone) {
        this.session = Objects.requireNonNull(session, "session");
        this.list = Objects.requireNonNull(list, "list");
        this.zone = Objects.requireNonNull(zone, "zone");
        NumberFormat numbers = NumberFormat.getIntegerInstance();
        countText = Bindings.createStringBinding(() -> {
            if (list.loadStateProperty().get() == ConsoleSession.FleetState.LOADING) {
                return STARTING; // not "0 deployments": none have been read yet
            }
            int total = list.totalCountProperty().get();
            int shown = list.shownCountProperty().get();
            String noun = total == 1 ? "deployment" : "deployments";
            return shown == total ? numbers.format(total) + " " + noun
                    : "Showing " + numbers.format(shown) + " of " + numbers.format(total) + " " + noun;
        }, list.totalCountProperty(), list.shownCountProperty(), list.loadStateProperty());
        selectionText = Bindings.createStringBinding(() -> {
            int selected = list.selectionCountProperty().get();
            return selected > 1 ? numbers.format(selected) + " selected" : "";
        }, list.selectionCountProperty());
        liveText = Bindings.createStringBinding(
                () -> liveText(session.liveStateProperty().get(), session.lastEventAtProperty().get()),
                session.liveStateProperty(), session.lastEventAtProperty(), session.pollingProperty());
        readOnly = session.canWriteProperty().not();
        readOnlyText = Bindings.createStringBinding(
                () -> readOnlyText(session.canWriteProperty().get(), session.callerProperty().get()),
                session.canWriteProperty(), session.callerProperty());
        list.staleAsOfProperty().bind(dataAsOf);
        session.addObserver(this);
        session.store().addListener(this::ownWrites);
    }

    static String readOnlyText(boolean canWrite, CallerIdentity caller) {
        if (canWrite) {
            return "";
        }
        return caller != null && !caller.canWrite() ? "read-only: " + caller.role() + " token"
                : "read-only: the server refused a change";
    }

    String liveText(State state, Instant lastEvent) {
        String base = switch (state) {
            case CONNECTING -> "Connecting\u2026";
            case LIVE -> session.pollingProperty().get() ? pollingText(session.pollInterval()) : "Live";
            case RECONNECTING -> "Reconnecting\u2026";
            case OFFLINE -> "Offline \u00B7 retrying";
            case CLOSED -> "Not connected";
        };
        return lastEvent == null ? base : base + " \u00B7 last change " + TimeFormat.clockTime(lastEvent, zone);
    }

    /** "Polling every 5 s": a server without an event stream is read again at this interval. */
    static String pollingText(Duration interval) {
        long millis = interval.toMillis();
        return "Polling every " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
    }

    public ConsoleSession session() {
        return session;
    }

    public DeploymentListViewModel list() {
        return list;
    }

    public ConnectionInfo connectionInfo() {
        return session.connection();
    }

    // ------------------------------------------------------------------ actions

    /**
     * Deletes a deployment on the server. The store then holds the server's answer: the latest
     * version marked DELETING, or nothing of it when the deployment was purged.
     */
    public void delete(ModelDeployment deployment, Consumer<Optional<ModelDeployment>> onDone,
                       Consumer<ApiException> onFailure) {
        activity.set("Deleting " + deployment.qualifiedName() + "…");
        session.deleteDeployment(DeploymentKey.of(deployment), onDone, error -> {
            activity.set("Could not delete " + deployment.qualifiedName() + ": " + ErrorTexts.message(error));
            onFailure.accept(error);
        });
    }

    /** Reads the whole fleet again (F5). */
    public void refresh() {
        activity.set("");
        list.refresh();
    }

    /** Shows a message in the status bar. */
    public void report(String message) {
        activity.set(message == null ? "" : message);
    }

    // ------------------------------------------------------------------ what happened

    /** The answers to this console's own writes, as the store took them in. */
    private void ownWrites(List<DeploymentStore.Change> changes) {
        for (DeploymentStore.Change change : changes) {
            if (change.origin() == DeploymentStore.Origin.OWN_WRITE) {
                describeOwn(change).ifPresent(activity::set);
            }
        }
    }

    static Optional<String> describeOwn(DeploymentStore.Change change) {
        ModelDeployment before = change.before();
        ModelDeployment after = change.after();
        if (after == null) {
            return Optional.of("Purged " + before.qualifiedName());
        }
        if (before == null && after.entityVersion() == 1) {
            return Optional.of("Created " + after.qualifiedName() + " (version 1)");
        }
        if (before == null) {
            return Optional.of("Created version " + after.entityVersion() + " of " + after.qualifiedName());
        }
        if (after.status() == DeploymentStatus.DELETING && before.status() != DeploymentStatus.DELETING) {
            return Optional.of(after.qualifiedName() + " is marked " + StatusStyle.displayName(after.status())
                    + "; the controller removes it");
        }
        return Optional.of(after.qualifiedName() + " v" + after.entityVersion() + " is now "
                + StatusStyle.displayName(after.status()));
    }

    @Override
    public void eventsApplied(List<DeploymentEvent> events) {
        DeploymentEvent newest = events.get(events.size() - 1);
        activity.set(events.size() == 1 ? describe(newest)
                : NumberFormat.getIntegerInstance().format(events.size()) + " changes arrived; latest: "
                        + describe(newest));
    }

    @Override
    public void liveStateChanged(State before, State now) {
        followConnection(now);
        if (now == State.LIVE) {
            if (everLive && (before == State.RECONNECTING || before == State.OFFLINE)) {
                activity.set("Connection restored; caught up with every change made meanwhile");
            }
            everLive = true;
        } else if (now == State.OFFLINE) {
            activity.set("The server can't be reached; changes will show once it is back");
        }
    }

    /**
     * The offline banner and the stale mark: shown once the stream is offline (several attempts
     * failed), saying since when the server was not reachable and how old the data shown is.
     */
    private void followConnection(State now) {
        if (now == State.LIVE || now == State.CLOSED) {
            connectionLostAt = null;
            accessRefused = false;
            dataAsOf.set(null);
            stale.set(false);
            offlineText.set("");
            return;
        }
        if (connectionLostAt == null && (now == State.RECONNECTING || now == State.OFFLINE)) {
            connectionLostAt = session.clock().instant();
        }
        if (now == State.OFFLINE && !stale.get()) {
            dataAsOf.set(everLive ? connectionLostAt : session.fleetLoadedAtProperty().get());
            stale.set(true);
            showOfflineText();
        }
    }

    private void showOfflineText() {
        Instant asOf = dataAsOf.get();
        String why = accessRefused ? "The server refuses this console's token since " : "Server not reachable since ";
        offlineText.set(why + TimeFormat.clockTime(connectionLostAt, zone)
                + " \u2014 retrying; " + (asOf == null ? "no data loaded yet"
                        : "showing data as of " + TimeFormat.minutes(asOf, zone)));
    }

    @Override
    public void writeRefused(ApiException refusal) {
        activity.set("The server refused a change (" + refusal.status() + "): this console is read-only now");
    }

    @Override
    public void resynced(ResyncReason reason) {
        activity.set("Reloading everything: " + ErrorTexts.resync(reason));
    }

    @Override
    public void accessDenied(ApiException denial) {
        accessRefused = true;
        if (stale.get()) {
            showOfflineText();
        }
        activity.set("Live changes are off: " + ErrorTexts.message(denial));
    }

    @Override
    public void fleetLoadFailed(ApiException error) {
        activity.set("Refresh failed: " + ErrorTexts.message(error));
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
                : DeploymentCopies.newestEntry(d);
        if (entry.isPresent() && entry.get().actor() != null) {
            ChangeSource source = entry.get().source();
            text += " \u00B7 " + entry.get().actor() + (source == ChangeSource.GUI ? " in a console"
                    : source == ChangeSource.API ? " via the API" : "");
        }
        return text;
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

    /** "Live · last change 14:03:27", "Reconnecting…", "Offline · retrying". */
    public StringBinding liveTextProperty() {
        return liveText;
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** True when this console may not change anything (a viewer token, or a change refused with 403). */
    public BooleanBinding readOnlyProperty() {
        return readOnly;
    }

    /** "read-only: viewer token"; empty while the console may write. */
    public StringBinding readOnlyTextProperty() {
        return readOnlyText;
    }

    /** "Server not reachable since 10:05:12 — retrying; showing data as of 10:05"; empty while reachable. */
    public ReadOnlyStringProperty offlineTextProperty() {
        return offlineText.getReadOnlyProperty();
    }

    /** The data shown may be out of date: the server has not been reachable for a while. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The moment the data shown was last known current; null unless stale (or nothing was loaded). */
    public ReadOnlyObjectProperty<Instant> dataAsOfProperty() {
        return dataAsOf.getReadOnlyProperty();
    }

    /** "3 selected" while more than one deployment is selected; empty otherwise. */
    public StringBinding selectionTextProperty() {
        return selectionText;
    }

    /** "1,204 deployments" or "Showing 12 of 1,204 deployments". */
    public StringBinding countTextProperty() {
        return countText;
    }
}
