package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.BackgroundTask;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentCopies;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.DeploymentStore;
import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The detail pane of one deployment: which version is shown, its fields, and the status editor
 * and timeline of that version. It reads the session's store and follows its changes: a newer
 * state of the shown version is shown (the editor turns it into a conflict if it has unsaved
 * edits), the version selector lists every version the store holds, a new version is followed
 * while the latest was shown and nothing is being edited, and a purged version gives way to the
 * latest one left.
 *
 * <p>{@link #show} takes the list's selection and shows it at once, then has the session read the
 * deployment's versions (for the selector) and the shown version with its history when the copy
 * held lacks it. Each kind of read supersedes the one before (it is cancelled).
 */
public final class DeploymentDetailViewModel {

    /** Prefixes of inline load errors. */
    public static final String VERSIONS_FAILED = "Couldn't load the versions";
    public static final String VERSION_FAILED = "Couldn't load this version";

    private final ConsoleSession session;
    private final DeploymentStore store;
    private final Clock clock;
    private final StatusEditorViewModel editor;
    private final StatusTimelineViewModel timeline;

    private final ReadOnlyObjectWrapper<ModelDeployment> deployment = new ReadOnlyObjectWrapper<>(this, "deployment");
    private final ObservableList<VersionChoice> versions = FXCollections.observableArrayList();
    private final ObservableList<VersionChoice> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ReadOnlyObjectWrapper<VersionChoice> selectedVersion = new ReadOnlyObjectWrapper<>(this, "selectedVersion");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    /** Set while the server is not reachable: how current the shown data is known to be. */
    private final ObjectProperty<Instant> staleAsOf = new SimpleObjectProperty<>(this, "staleAsOf");
    private final ShownFields fields = new ShownFields();

    /** The version chosen to be shown; null in the empty state. */
    private VersionKey shownKey;
    private BackgroundTask versionsRead = BackgroundTask.NONE;
    private BackgroundTask versionRead = BackgroundTask.NONE;

    public DeploymentDetailViewModel(ConsoleSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.store = session.store();
        this.clock = session.clock();
        this.editor = new StatusEditorViewModel(session);
        this.timeline = new StatusTimelineViewModel(session);
        timeline.staleAsOfProperty().bind(staleAsOf);
        now.set(clock.instant());
        store.addListener(changes -> {
            if (shownKey != null && changes.stream().anyMatch(c -> c.deployment().equals(shownKey.deployment()))) {
                storeChanged();
            }
        });
    }

    // ------------------------------------------------------------------ commands

    /**
     * Shows the deployment of {@code selection} (normally the list's row: its latest version); null
     * shows the empty state. The deployment already shown stays as it is: the chosen version and
     * edits in progress stay, and the store tells of its changes.
     */
    public void show(ModelDeployment selection) {
        if (selection == null) {
            shownKey = null;
            cancelReads();
            loadError.set("");
            versions.clear();
            selectedVersion.set(null);
            display(null);
            return;
        }
        ModelDeployment shown = deployment.get();
        boolean sameDeployment = shownKey != null && shownKey.deployment().equals(DeploymentKey.of(selection))
                && (shown == null || Objects.equals(shown.id(), selection.id())
                || selection.entityVersion() != shown.entityVersion());
        if (sameDeployment) {
            // The store tells of what is new in it; an older copy changes nothing.
            store.merge(selection, DeploymentStore.Origin.LOAD);
            return;
        }
        // Into the store while the old deployment is still the one followed: its change is not ours to handle.
        store.merge(selection, DeploymentStore.Origin.LOAD);
        shownKey = VersionKey.of(selection);
        cancelReads();
        loadError.set("");
        rebuildVersionChoices();
        display(store.get(shownKey).orElse(selection));
        readVersions();
    }

    /** Shows version {@code number} of the shown deployment: what is known at once, then a fresh read. */
    public void selectVersion(int number) {
        if (shownKey == null || shownKey.version() == number) {
            return;
        }
        shownKey = shownKey.deployment().version(number);
        loadError.set("");
        ModelDeployment known = store.get(shownKey).orElse(null);
        if (known != null) {
            display(known);
        } else {
            // Nothing to show yet: at least make sure no edit goes to the version shown before.
            selectedVersion.set(choiceFor(number));
            editor.setDeployment(null);
        }
        readShownVersion();
    }

    /** Reads the shown version and the version list again. */
    public void reload() {
        if (shownKey != null) {
            readShownVersion();
            readVersions();
        }
    }

    /** Moves "now" forward for relative times and ongoing durations. */
    public void tick() {
        now.set(clock.instant());
        timeline.tick();
        editor.tick();
    }

    // ------------------------------------------------------------------ following the store

    private void storeChanged() {
        DeploymentKey key = shownKey.deployment();
        ModelDeployment shown = deployment.get();
        int latestBefore = latestChoice();
        rebuildVersionChoices();
        ModelDeployment current = store.get(shownKey).orElse(null);
        ModelDeployment latest = store.latest(key).orElse(null);
        if (current == null && shown != null) {
            // The shown version is gone (purged): the latest one left takes its place.
            if (latest == null) {
                // What is shown stays readable (and an editor's refusal with it); nothing else to show.
                loadError.set(VERSIONS_FAILED + ": the deployment no longer exists on the server.");
                return;
            }
            shownKey = VersionKey.of(latest);
            display(latest);
            readVersions();
            return;
        }
        if (latest != null && shown != null && latest.entityVersion() > shownKey.version()
                && shownKey.version() >= latestBefore && !editor.isEditing()) {
            shownKey = VersionKey.of(latest); // the latest was shown: follow the new one
            current = latest;
        }
        if (current != null && current != shown) {
            display(current);
        }
    }

    private void readVersions() {
        versionsRead.cancel();
        versionsRead = session.readVersions(shownKey.deployment(), this::updateLoading, error -> {
            loadError.set(ErrorTexts.describe(VERSIONS_FAILED, error));
            updateLoading();
        });
        updateLoading();
    }

    private void readShownVersion() {
        VersionKey key = shownKey;
        versionRead.cancel();
        versionRead = session.readVersion(key, () -> {
            if (key.equals(shownKey) && !DeploymentCopies.hasHistory(deployment.get())) {
                timeline.noHistoryRecorded(); // read with its history, and it has none (NeMo, right after create)
            }
            updateLoading();
        }, error -> {
            if (key.equals(shownKey) && !DeploymentCopies.hasHistory(deployment.get())) {
                loadError.set(ErrorTexts.describe(VERSION_FAILED, error));
            }
            updateLoading();
        });
        updateLoading();
    }

    private void cancelReads() {
        versionsRead.cancel();
        versionRead.cancel();
        updateLoading();
    }

    private void updateLoading() {
        loading.set(!versionsRead.isFinished() || !versionRead.isFinished());
    }

    private void rebuildVersionChoices() {
        List<ModelDeployment> held = store.versions(shownKey.deployment());
        List<VersionChoice> choices = new ArrayList<>(held.size());
        for (ModelDeployment version : held) {
            choices.add(VersionChoice.of(version, choices.isEmpty()));
        }
        if (!choices.equals(versions)) {
            versions.setAll(choices);
        }
        selectedVersion.set(choiceFor(shownKey.version()));
    }

    private int latestChoice() {
        return versions.isEmpty() ? 0 : versions.get(0).version();
    }

    private VersionChoice choiceFor(int number) {
        return versions.stream().filter(c -> c.version() == number).findFirst()
                .orElse(new VersionChoice(number, false, null));
    }

    /** Makes {@code version} the shown one; a copy without history has its version read with it. */
    private void display(ModelDeployment version) {
        ModelDeployment before = deployment.get();
        deployment.set(version);
        empty.set(version == null);
        now.set(clock.instant());
        fields.show(version);
        editor.setDeployment(version);
        boolean sameVersion = DeploymentCopies.sameVersion(before, version);
        if (version == null) {
            timeline.show(null);
            return;
        }
        if (!DeploymentCopies.hasHistory(version)) {
            // The timeline keeps what it shows, or awaits the history being read.
            if (!sameVersion) {
                timeline.show(version);
            }
            loadUpdatedVersionOnce(version);
        } else if (sameVersion) {
            timeline.merge(version);
        } else {
            timeline.show(version);
        }
        selectedVersion.set(choiceFor(version.entityVersion()));
    }

    /** A copy without history is shown: read the version with it (once per state). */
    private void loadUpdatedVersionOnce(ModelDeployment copy) {
        if (versionRead.isFinished() || !VersionKey.of(copy).equals(shownKey)) {
            readShownVersion();
        }
    }

    // ------------------------------------------------------------------ properties

    public StatusEditorViewModel editor() {
        return editor;
    }

    public StatusTimelineViewModel timeline() {
        return timeline;
    }

    /** The shown version; null in the empty state. */
    public ReadOnlyObjectProperty<ModelDeployment> deploymentProperty() {
        return deployment.getReadOnlyProperty();
    }

    public ModelDeployment getDeployment() {
        return deployment.get();
    }

    /** Every version of the shown deployment, newest first. */
    public ObservableList<VersionChoice> versions() {
        return versionsView;
    }

    public ReadOnlyObjectProperty<VersionChoice> selectedVersionProperty() {
        return selectedVersion.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** A read of versions is running. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** The shown version's fields as text. */
    public ShownFields fields() {
        return fields;
    }

    public ObjectProperty<Instant> staleAsOfProperty() {
        return staleAsOf;
    }

    /** "3 min ago" for the shown version's creation ("as of 10:05" while the data is stale). */
    public String createdRelative() {
        ModelDeployment shown = deployment.get();
        return shown == null ? TimeFormat.NONE : relative(shown.createdAt());
    }

    public String updatedRelative() {
        ModelDeployment shown = deployment.get();
        return shown == null ? TimeFormat.NONE : relative(shown.updatedAt());
    }

    private String relative(Instant time) {
        Instant asOf = staleAsOf.get();
        return asOf == null ? TimeFormat.relative(time, now.get()) : TimeFormat.relativeAsOf(time, asOf, now.get());
    }

    public String createdExact() {
        ModelDeployment shown = deployment.get();
        return shown == null ? TimeFormat.NONE : TimeFormat.exact(shown.createdAt());
    }

    public String updatedExact() {
        ModelDeployment shown = deployment.get();
        return shown == null ? TimeFormat.NONE : TimeFormat.exact(shown.updatedAt());
    }
}
