package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.DeploymentEvents;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.modeldeploy.gui.util.Async;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The detail pane of one deployment: which version is shown, its fields, and the status editor
 * and timeline of that version.
 *
 * <p>{@link #show} takes the list's selection (the latest version of a deployment) and shows it at
 * once, then reads the deployment's versions for the version selector. Choosing another version
 * shows what is already known of it and reads it fresh. An applied status update becomes the shown
 * state right away, from the server's answer, and is passed on to the listener set with
 * {@link #setOnDeploymentChanged} so that the list can update its row.
 *
 * <p>Changes made anywhere arrive through {@link #applyEvents}: the shown version, its timeline
 * (new entries on top), the version selector and the editor follow them. While the shown version
 * is the latest and nothing is being edited, a new version is followed.
 */
public final class DeploymentDetailViewModel {

    /** Prefixes of inline load errors. */
    public static final String VERSIONS_FAILED = "Couldn't load the versions";
    public static final String VERSION_FAILED = "Couldn't load this version";

    private final DeploymentApiClient client;
    private final Async async;
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

    private final ReadOnlyStringWrapper workspace = new ReadOnlyStringWrapper(this, "workspace", "");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id", "");
    private final ReadOnlyStringWrapper config = new ReadOnlyStringWrapper(this, "config", "");
    private final ReadOnlyStringWrapper project = new ReadOnlyStringWrapper(this, "project", "");
    private final ReadOnlyStringWrapper modelProviderId = new ReadOnlyStringWrapper(this, "modelProviderId", "");
    private final ReadOnlyStringWrapper createdBy = new ReadOnlyStringWrapper(this, "createdBy", "");
    private final ReadOnlyObjectWrapper<DeploymentStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");

    /** What is known of each version, by number: from the version list or a later read. */
    private final Map<Integer, ModelDeployment> knownVersions = new HashMap<>();
    private final Clock clock;
    /** Counts shown deployments; answers for an earlier one are dropped. */
    private long deploymentSession;
    /** Counts version switches; answers for an earlier choice are dropped. */
    private long versionSession;
    private int pendingLoads;
    private Consumer<ModelDeployment> onDeploymentChanged = changed -> { };
    private Consumer<ModelDeployment> onFreshState = fresh -> { };

    public DeploymentDetailViewModel(DeploymentApiClient client, Executor background, Executor ui, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.async = new Async(background, ui);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.editor = new StatusEditorViewModel(client, background, ui, clock);
        this.timeline = new StatusTimelineViewModel(client, background, ui, clock);
        editor.setOnApplied(this::applied);
        editor.setOnApplyFailed(this::applyFailed);
        timeline.setOnNewerVersion(this::fresherRead);
        now.set(clock.instant());
    }

    // ------------------------------------------------------------------ commands

    /**
     * Shows {@code selection} (normally the latest version of a deployment, as the list has it);
     * null shows the empty state. Showing the deployment that is already shown refreshes it in
     * place: edits in progress and the chosen version stay.
     */
    public void show(ModelDeployment selection) {
        ModelDeployment shown = deployment.get();
        if (selection == null) {
            deploymentSession++;
            versionSession++;
            pendingLoads = 0;
            loading.set(false);
            loadError.set("");
            knownVersions.clear();
            versions.clear();
            selectedVersion.set(null);
            display(null, false);
            return;
        }
        if (shown != null && sameDeployment(shown, selection)
                && (shown.entityVersion() != selection.entityVersion() || Objects.equals(shown.id(), selection.id()))) {
            if (shown.entityVersion() == selection.entityVersion()) {
                // The list may hand over an older copy than the one shown (e.g. read before an update
                // applied here): only a newer one replaces it.
                if (isNewer(selection, shown)) {
                    boolean hadHistory = DeploymentEvents.hasHistory(shown);
                    display(selection, true);
                    if (hadHistory && !DeploymentEvents.hasHistory(selection)) {
                        rereadShownVersion(); // for the entries the list's copy doesn't carry
                    }
                }
                return;
            }
            int latestBefore = Math.max(latestKnown(), shown.entityVersion());
            ModelDeployment known = knownVersions.get(selection.entityVersion());
            if (known == null || isNewer(selection, known)) {
                knownVersions.put(selection.entityVersion(), selection);
                rebuildVersionChoices(Math.max(latestBefore, selection.entityVersion()));
            }
            if (selection.entityVersion() > shown.entityVersion() && shown.entityVersion() >= latestBefore) {
                followNewVersion(selection);
            }
            if (known == null) {
                loadVersions();
            }
            return;
        }
        startOver(selection);
    }

    /** Shows another deployment (or another deployment of the same name): everything is read anew. */
    private void startOver(ModelDeployment selection) {
        deploymentSession++;
        versionSession++;
        pendingLoads = 0;
        loading.set(false);
        loadError.set("");
        knownVersions.clear();
        knownVersions.put(selection.entityVersion(), selection);
        versions.setAll(List.of(VersionChoice.of(selection, true)));
        display(selection, false);
        loadVersions();
    }

    /** The shown version was the latest and a newer one appeared: show it, unless edits are in progress. */
    private void followNewVersion(ModelDeployment newer) {
        if (editor.isDirty() || editor.isBusy() || editor.getConflict() != null) {
            return;
        }
        versionSession++;
        loadError.set("");
        display(newer, false);
        if (!DeploymentEvents.hasHistory(newer)) {
            rereadShownVersion();
        }
    }

    // ------------------------------------------------------------------ live changes

    /**
     * Applies changes streamed from the server (in commit order). Only changes of the shown
     * deployment matter: a newer state of the shown version is shown (the editor turns it into a
     * conflict if it has unsaved edits), other versions update the version selector, a new
     * version is followed when the latest was shown, and a purged version disappears.
     */
    public void applyEvents(List<DeploymentEvent> events) {
        for (DeploymentEvent event : events) {
            applyEvent(event);
        }
    }

    private void applyEvent(DeploymentEvent event) {
        ModelDeployment shown = deployment.get();
        ModelDeployment after = event.deployment();
        if (shown == null || after == null || event.type() == null
                || !Objects.equals(shown.workspace(), event.workspace()) || !Objects.equals(shown.name(), event.name())) {
            return;
        }
        int number = event.entityVersion();
        switch (event.type()) {
            case CREATED -> {
                if (!Objects.equals(shown.id(), after.id()) && number == 1 && knownVersions.values().stream()
                        .noneMatch(known -> Objects.equals(known.id(), after.id()))) {
                    // A new deployment of the same name: the one shown was purged.
                    startOver(after);
                }
            }
            case VERSION_CREATED -> {
                int latestBefore = Math.max(latestKnown(), shown.entityVersion());
                ModelDeployment known = knownVersions.get(number);
                if (known != null && !isNewer(after, known)) {
                    return;
                }
                knownVersions.put(number, after);
                rebuildVersionChoices(Math.max(latestBefore, number));
                if (number > shown.entityVersion() && shown.entityVersion() >= latestBefore) {
                    followNewVersion(after);
                }
            }
            case STATUS_CHANGED, DELETED -> {
                boolean isShown = shown.entityVersion() == number;
                ModelDeployment base = isShown ? shown : knownVersions.get(number);
                Optional<ModelDeployment> merged = DeploymentEvents.apply(base, event);
                if (merged.isEmpty()) {
                    // Not enough known to complete the history: read it.
                    if (isShown) {
                        rereadShownVersion();
                    } else {
                        loadVersions();
                    }
                    return;
                }
                if (merged.get() == base) {
                    return;
                }
                if (isShown) {
                    display(merged.get(), true);
                } else {
                    remember(merged.get());
                }
            }
            case PURGED -> purged(number, after);
            default -> {
                // nothing else changes a version
            }
        }
    }

    private void purged(int number, ModelDeployment last) {
        ModelDeployment known = knownVersions.get(number);
        ModelDeployment shown = deployment.get();
        boolean shownGone = shown.entityVersion() == number && Objects.equals(shown.id(), last.id());
        if (known != null && Objects.equals(known.id(), last.id())) {
            knownVersions.remove(number);
        }
        if (!shownGone) {
            rebuildVersionChoices(knownVersions.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
            return;
        }
        versionSession++;
        ModelDeployment remaining = knownVersions.keySet().stream().max(Integer::compare).map(knownVersions::get)
                .orElse(null);
        if (remaining != null) {
            rebuildVersionChoices(remaining.entityVersion());
            display(remaining, false);
            loadVersions();
        } else {
            knownVersions.remove(number);
            loadError.set(VERSIONS_FAILED + ": the deployment no longer exists on the server.");
            editor.setDeployment(null);
        }
    }

    /** Shows version {@code number} of the shown deployment: what is known at once, then a fresh read. */
    public void selectVersion(int number) {
        ModelDeployment shown = deployment.get();
        if (shown == null || shown.entityVersion() == number) {
            return;
        }
        versionSession++;
        loadError.set("");
        ModelDeployment known = knownVersions.get(number);
        if (known != null) {
            display(known, false);
        } else {
            // Nothing to show yet: at least make sure no edit goes to the version shown before.
            selectedVersion.set(choiceFor(number));
            editor.setDeployment(null);
        }
        long requestDeployment = deploymentSession;
        long requestVersion = versionSession;
        started();
        async.run(() -> client.getVersion(shown.workspace(), shown.name(), number),
                fresh -> {
                    if (requestDeployment != deploymentSession) {
                        return;
                    }
                    finished();
                    remember(fresh);
                    if (requestVersion == versionSession) {
                        ModelDeployment current = deployment.get();
                        display(fresh, current != null && current.entityVersion() == fresh.entityVersion());
                    }
                },
                failure -> {
                    if (requestDeployment != deploymentSession) {
                        return;
                    }
                    finished();
                    if (requestVersion == versionSession) {
                        loadError.set(ErrorTexts.describe(VERSION_FAILED, failure));
                    }
                });
    }

    /** Reads the shown version and the version list again. */
    public void reload() {
        ModelDeployment shown = deployment.get();
        if (shown == null) {
            return;
        }
        rereadShownVersion();
        loadVersions();
    }

    /** Moves "now" forward for relative times and ongoing durations. */
    public void tick() {
        now.set(clock.instant());
        timeline.tick();
        editor.tick();
    }

    /** Called on the UI thread with every version the server answered an applied status update with. */
    public void setOnDeploymentChanged(Consumer<ModelDeployment> listener) {
        this.onDeploymentChanged = listener == null ? changed -> { } : listener;
    }

    /**
     * Called on the UI thread with a newer state of a version learned from a refused update (412),
     * so that the list can show it too even if the event stream is down.
     */
    public void setOnFreshState(Consumer<ModelDeployment> listener) {
        this.onFreshState = listener == null ? fresh -> { } : listener;
    }

    // ------------------------------------------------------------------ internals

    private void loadVersions() {
        ModelDeployment shown = deployment.get();
        long requestDeployment = deploymentSession;
        started();
        async.run(() -> client.listVersions(shown.workspace(), shown.name()),
                list -> {
                    if (requestDeployment != deploymentSession) {
                        return;
                    }
                    finished();
                    setVersions(list);
                },
                failure -> {
                    if (requestDeployment != deploymentSession) {
                        return;
                    }
                    finished();
                    loadError.set(ErrorTexts.describe(VERSIONS_FAILED, failure));
                });
    }

    private void setVersions(List<ModelDeployment> newestFirst) {
        if (newestFirst.isEmpty()) {
            loadError.set(VERSIONS_FAILED + ": the deployment no longer exists on the server.");
            return;
        }
        int latest = newestFirst.stream().mapToInt(ModelDeployment::entityVersion).max().orElse(0);
        ModelDeployment shown = deployment.get();
        ModelDeployment shownFresher = null;
        for (ModelDeployment version : newestFirst) {
            ModelDeployment known = knownVersions.get(version.entityVersion());
            // Keep a newer read (e.g. an update answered meanwhile) over the list's copy.
            if (known == null || !isNewer(known, version)) {
                knownVersions.put(version.entityVersion(), version);
            }
            if (shown != null && version.entityVersion() == shown.entityVersion() && isNewer(version, shown)) {
                shownFresher = version;
            }
        }
        rebuildVersionChoices(latest);
        boolean shownStillExists = shown == null || newestFirst.stream()
                .anyMatch(v -> v.entityVersion() == shown.entityVersion() && Objects.equals(v.id(), shown.id()));
        if (!shownStillExists) {
            // The shown version was purged meanwhile: show the latest one instead.
            versionSession++;
            knownVersions.remove(shown.entityVersion());
            ModelDeployment newest = newestFirst.stream().max((a, b) -> Integer.compare(a.entityVersion(),
                    b.entityVersion())).orElseThrow();
            rebuildVersionChoices(latest);
            display(newest, false);
            return;
        }
        if (shownFresher != null) {
            // The shown version changed on the server since it was read: show the list's newer copy.
            display(shownFresher, true);
        } else if (shown != null && !DeploymentEvents.hasHistory(shown)) {
            historyRead(newestFirst.stream().filter(v -> v.entityVersion() == shown.entityVersion()).findFirst()
                    .orElseThrow());
        }
    }

    /**
     * A read of the shown version with its history, which the shown copy lacks: shown, unless the
     * version changed again meanwhile (then it is read once more).
     */
    private void historyRead(ModelDeployment fresh) {
        if (isNewer(deployment.get(), fresh)) {
            rereadShownVersion();
        } else {
            display(fresh, true);
        }
    }

    private void rebuildVersionChoices(int latest) {
        List<Integer> numbers = new ArrayList<>(knownVersions.keySet());
        numbers.sort((a, b) -> Integer.compare(b, a));
        int newest = Math.max(latest, numbers.isEmpty() ? 0 : numbers.get(0));
        List<VersionChoice> choices = new ArrayList<>();
        for (int n : numbers) {
            choices.add(VersionChoice.of(knownVersions.get(n), n == newest));
        }
        versions.setAll(choices);
        ModelDeployment shown = deployment.get();
        if (shown != null) {
            selectedVersion.set(choiceFor(shown.entityVersion()));
        }
    }

    private int latestKnown() {
        return versions.stream().filter(VersionChoice::latest).mapToInt(VersionChoice::version).findFirst()
                .orElse(knownVersions.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    private VersionChoice choiceFor(int number) {
        for (VersionChoice choice : versions) {
            if (choice.version() == number) {
                return choice;
            }
        }
        ModelDeployment known = knownVersions.get(number);
        return known != null ? VersionChoice.of(known, number >= latestKnown())
                : new VersionChoice(number, false, null);
    }

    /** Makes {@code version} the shown one; {@code sameVersionReread} joins it with what is shown. */
    private void display(ModelDeployment version, boolean sameVersionReread) {
        deployment.set(version);
        empty.set(version == null);
        now.set(clock.instant());
        if (version == null) {
            workspace.set("");
            name.set("");
            id.set("");
            config.set("");
            project.set("");
            modelProviderId.set("");
            createdBy.set("");
            status.set(null);
            statusMessage.set("");
            editor.setDeployment(null);
            timeline.show(null);
            return;
        }
        remember(version);
        workspace.set(version.workspace());
        name.set(version.name());
        id.set(orNone(version.id()));
        config.set(version.config() == null ? TimeFormat.NONE : version.config() + "@" + version.configVersion());
        project.set(orNone(version.project()));
        modelProviderId.set(orNone(version.modelProviderId()));
        createdBy.set(version.authContext() == null ? TimeFormat.NONE : orNone(version.authContext().principalId()));
        status.set(version.status() == null ? DeploymentStatus.UNKNOWN : version.status());
        statusMessage.set(version.statusMessage() == null ? "" : version.statusMessage());
        editor.setDeployment(version);
        if (!DeploymentEvents.hasHistory(version)) {
            // A list copy: the timeline keeps what it shows, or awaits the history being read.
            if (!sameVersionReread) {
                timeline.show(version);
            }
        } else if (sameVersionReread) {
            timeline.merge(version);
        } else {
            timeline.show(version);
        }
        selectedVersion.set(choiceFor(version.entityVersion()));
    }

    private void remember(ModelDeployment version) {
        ModelDeployment before = knownVersions.put(version.entityVersion(), version);
        boolean statusChanged = before == null || before.status() != version.status();
        if (statusChanged && !versions.isEmpty()) {
            rebuildVersionChoices(latestKnown());
        }
    }

    private void applied(ModelDeployment updated) {
        ModelDeployment shown = deployment.get();
        if (shown != null && sameDeployment(shown, updated)) {
            if (shown.entityVersion() == updated.entityVersion()) {
                if (!isNewer(shown, updated)) { // a change streamed in meanwhile is newer still
                    display(updated, true);
                }
            } else {
                remember(updated);
            }
        }
        onDeploymentChanged.accept(updated);
    }

    private void applyFailed(Throwable failure) {
        // A refused change usually means the version changed elsewhere (e.g. it was marked for
        // deletion): read it again so the editor offers what the server now accepts. Edits stay.
        if (failure instanceof ApiException api) {
            if (api.isPreconditionFailed()) {
                ModelDeployment shown = deployment.get();
                Optional<ModelDeployment> current = api.currentDeployment()
                        .filter(d -> shown != null && sameDeployment(shown, d) && d.entityVersion() == shown.entityVersion());
                if (current.isPresent()) {
                    if (isNewer(current.get(), shown)) {
                        display(current.get(), true);
                    }
                    onFreshState.accept(current.get());
                } else {
                    rereadShownVersion();
                }
            } else if (api.isConflict()) {
                rereadShownVersion();
            } else if (api.isNotFound()) {
                loadVersions();
            }
        }
    }

    private void fresherRead(ModelDeployment fresh) {
        ModelDeployment shown = deployment.get();
        if (shown != null && sameDeployment(shown, fresh) && shown.entityVersion() == fresh.entityVersion()) {
            display(fresh, true);
        } else {
            timeline.merge(fresh);
        }
    }

    private void rereadShownVersion() {
        ModelDeployment shown = deployment.get();
        if (shown == null) {
            return;
        }
        long requestDeployment = deploymentSession;
        long requestVersion = versionSession;
        started();
        async.run(() -> client.getVersion(shown.workspace(), shown.name(), shown.entityVersion()),
                fresh -> {
                    if (requestDeployment != deploymentSession) {
                        return;
                    }
                    finished();
                    if (requestVersion != versionSession) {
                        remember(fresh);
                    } else if (!DeploymentEvents.hasHistory(deployment.get())) {
                        historyRead(fresh);
                    } else {
                        display(fresh, true);
                    }
                },
                failure -> {
                    if (requestDeployment == deploymentSession) {
                        finished();
                        if (requestVersion == versionSession && !DeploymentEvents.hasHistory(deployment.get())) {
                            loadError.set(ErrorTexts.describe(VERSION_FAILED, failure));
                        }
                    }
                });
    }

    private void started() {
        pendingLoads++;
        loading.set(true);
    }

    private void finished() {
        pendingLoads = Math.max(0, pendingLoads - 1);
        loading.set(pendingLoads > 0);
    }

    private static boolean isNewer(ModelDeployment a, ModelDeployment b) {
        return a.updatedAt() != null && b.updatedAt() != null && a.updatedAt().isAfter(b.updatedAt());
    }

    private static boolean sameDeployment(ModelDeployment a, ModelDeployment b) {
        return Objects.equals(a.workspace(), b.workspace()) && Objects.equals(a.name(), b.name());
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? TimeFormat.NONE : value;
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

    public ReadOnlyStringProperty workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    /** "config@config_version". */
    public ReadOnlyStringProperty configProperty() {
        return config.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty projectProperty() {
        return project.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelProviderIdProperty() {
        return modelProviderId.getReadOnlyProperty();
    }

    /** The creating principal ({@code auth_context.principal_id}). */
    public ReadOnlyStringProperty createdByProperty() {
        return createdBy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DeploymentStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** "3 min ago" for the shown version's creation. */
    public String createdRelative() {
        ModelDeployment shown = deployment.get();
        return shown == null ? TimeFormat.NONE : TimeFormat.relative(shown.createdAt(), now.get());
    }

    public String updatedRelative() {
        ModelDeployment shown = deployment.get();
        return shown == null ? TimeFormat.NONE : TimeFormat.relative(shown.updatedAt(), now.get());
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
