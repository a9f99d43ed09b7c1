package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.BackgroundTask;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentCopies;
import io.modeldeploy.gui.session.Freshness;
import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * State and rules of the status editor of one deployment version: the chosen status, message
 * and model provider reference; whether they differ from the version's current values (dirty)
 * and are acceptable to the server (valid); applying them; reverting them.
 *
 * <p>No silent overwrites: an update carries {@code If-Match} with the entity tag of the state the
 * edits started from. When the version changes meanwhile (the server answers 412, or a newer state
 * arrives while there are unsaved edits) the editor keeps the edits and reports an
 * {@link EditConflict}, offering {@link #reload()} (take the current state, drop the edits) and
 * {@link #applyAnyway()} (send the fields the admin changed on top of the current state; for a field
 * the other change set too, the admin {@linkplain #clashes() chooses} whose value). Without unsaved
 * edits a newer state simply becomes the one shown.
 *
 * <p>All properties are meant to be used on one thread (the FX thread in the application). The
 * update goes through the session, whose store takes in the answer.
 */
public final class StatusEditorViewModel {

    /** Prefix of the inline message when an update fails. */
    public static final String APPLY_FAILED = "Couldn't apply the change";

    private final ConsoleSession session;

    private final ReadOnlyObjectWrapper<ModelDeployment> deployment = new ReadOnlyObjectWrapper<>(this, "deployment");
    private final ObjectProperty<DeploymentStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty modelProviderId = new SimpleStringProperty(this, "modelProviderId", "");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<EditConflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final EditorChecks checks = new EditorChecks();
    private final ConflictText conflictText = new ConflictText();
    private final ObservableList<EditConflict.Clash> clashes = FXCollections.observableArrayList();
    private final ObservableList<EditConflict.Clash> clashesView = FXCollections.unmodifiableObservableList(clashes);
    /** The clashing fields for which the admin chose the other change's value over their own. */
    private final Set<EditorValues.Field> takeTheirs = EnumSet.noneOf(EditorValues.Field.class);
    private final ReadOnlyStringWrapper keyboardHint = new ReadOnlyStringWrapper(this, "keyboardHint", "");

    private final Clock clock;
    /** The update being sent; cancelled when another version is edited (its answer goes to the store anyway). */
    private BackgroundTask sending = BackgroundTask.NONE;
    /** The last update was refused with 412 but without the current state: the next newer state explains it. */
    private boolean rejectedWithoutState;

    public StatusEditorViewModel(ConsoleSession session) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = session.clock();
        status.addListener((obs, was, now) -> recompute());
        message.addListener((obs, was, now) -> recompute());
        modelProviderId.addListener((obs, was, now) -> recompute());
        busy.addListener((obs, was, now) -> recompute());
        error.addListener((obs, was, now) -> recompute());
        deployment.addListener((obs, was, now) -> recompute());
        session.canWriteProperty().addListener((obs, was, now) -> recompute());
        conflict.addListener((obs, was, now) -> {
            if (now == null) {
                takeTheirs.clear();
            }
            tick();
            recompute();
        });
        recompute();
    }

    // ------------------------------------------------------------------ commands

    /**
     * Makes {@code version} the one being edited, or brings in a newer state of the version being
     * edited. For another version (or none) the fields show its current values and any earlier
     * error or conflict is cleared. For the same version:
     * <ul>
     *   <li>an older state than the one known is ignored;</li>
     *   <li>without unsaved edits a newer state simply becomes the one shown;</li>
     *   <li>with unsaved edits a newer state is a {@linkplain #conflictProperty() conflict}: the edits and
     *       the state they started from stay until the admin chooses Reload or Apply anyway;</li>
     *   <li>the same state read again (e.g. after a refresh) replaces the baseline and keeps the edits.</li>
     * </ul>
     */
    public void setDeployment(ModelDeployment version) {
        load(version, false);
    }

    private void load(ModelDeployment version, boolean discardEdits) {
        ModelDeployment before = deployment.get();
        boolean sameVersion = before != null && version != null && Objects.equals(before.id(), version.id())
                && before.entityVersion() == version.entityVersion();
        if (!sameVersion) {
            sending.cancel();
            busy.set(false);
            error.set("");
            rejectedWithoutState = false;
            conflict.set(null);
            takeBaseline(version, true);
            return;
        }
        if (discardEdits) {
            conflict.set(null);
            takeBaseline(version, true);
            return;
        }
        if (busy.get()) {
            return; // an update is on its way: its answer decides, then the store's newest copy is taken
        }
        EditConflict open = conflict.get();
        ModelDeployment newestKnown = open != null ? open.current() : before;
        if (Freshness.isNewer(newestKnown, version)) {
            return; // an older copy (e.g. the list's, read before a change applied here)
        }
        if (open != null) {
            if (Freshness.isNewer(version, open.current())) {
                conflict.set(open.withCurrent(version));
            }
            return;
        }
        boolean changed = Freshness.isNewer(version, before);
        if (changed && isDirty()) {
            EditConflict.Cause cause = rejectedWithoutState ? EditConflict.Cause.REJECTED
                    : EditConflict.Cause.CHANGED_WHILE_EDITING;
            rejectedWithoutState = false;
            error.set("");
            conflict.set(new EditConflict(before, version, cause));
            return;
        }
        takeBaseline(version, !isDirty());
    }

    private void takeBaseline(ModelDeployment version, boolean resetFields) {
        deployment.set(version);
        if (resetFields) {
            resetFields();
        }
        recompute();
    }

    /** Restores the version's current values and clears the inline error; during a conflict, {@link #reload()}s. */
    public void revert() {
        if (busy.get()) {
            return;
        }
        if (conflict.get() != null) {
            reload();
            return;
        }
        resetFields();
        error.set("");
        recompute();
    }

    /**
     * Fills the status and message with a past state of this version (a history entry), to restore
     * it with Apply; nothing is sent. The model provider reference is left as it is: history entries
     * do not record it. Does nothing while an update is on its way or with a read-only token.
     */
    public boolean useStatus(StatusHistoryEntry entry) {
        if (entry == null || entry.status() == null || busy.get() || !session.canWriteProperty().get()
                || deployment.get() == null) {
            return false;
        }
        status.set(entry.status());
        message.set(entry.statusMessage() == null ? "" : entry.statusMessage());
        error.set("");
        return true;
    }

    /** Resolves a conflict by taking the version's current state; the unsaved edits are dropped. */
    public void reload() {
        EditConflict open = conflict.get();
        if (open == null || busy.get()) {
            return;
        }
        error.set("");
        load(open.current(), true);
    }

    /**
     * Resolves a conflict by sending the fields the admin changed on top of the version's current
     * state (with its entity tag): untouched fields keep their current values, and a field both
     * changed gets the admin's value unless they {@linkplain #takeTheirs chose theirs}. The fields
     * then show what was sent. When that equals the current state there is nothing to send and the
     * conflict just ends. Answers whether the conflict was resolved this way (false while the current
     * state refuses the edits, see {@link EditorChecks#applyAnywayProblemProperty()}).
     */
    public boolean applyAnyway() {
        EditConflict open = conflict.get();
        if (open == null || busy.get() || !checks.canApplyAnywayProperty().get() || !canWriteProperty().get()) {
            return false;
        }
        EditorValues merged = open.merge(formValues(), takeTheirs);
        conflict.set(null);
        takeBaseline(open.current(), false);
        setFields(merged);
        if (isDirty()) {
            apply();
        }
        return true;
    }

    /**
     * For a {@linkplain #clashes() clashing} field: whether Apply anyway keeps the other change's value
     * ({@code true}) or sends the admin's (the default).
     */
    public void takeTheirs(EditorValues.Field field, boolean theirs) {
        if (theirs) {
            takeTheirs.add(field);
        } else {
            takeTheirs.remove(field);
        }
        recompute();
    }

    /** Whether Apply anyway keeps the other change's value of {@code field}. */
    public boolean takesTheirs(EditorValues.Field field) {
        return takeTheirs.contains(field);
    }

    /**
     * Sends the change to the selected version, on condition that it is still in the state the edits
     * started from. Does nothing (and answers false) unless something changed, the input is valid,
     * no update is already running and there is no open conflict.
     */
    public boolean apply() {
        recompute();
        if (!canApply() || !canWriteProperty().get()) {
            return false;
        }
        ModelDeployment target = deployment.get();
        StatusUpdateRequest request = toRequest();
        busy.set(true);
        error.set("");
        rejectedWithoutState = false;
        sending = session.updateStatus(target, request,
                updated -> {
                    busy.set(false);
                    error.set("");
                    // The answer is the new baseline; the sent edits are now its values.
                    load(updated, true);
                    newestHeld(target).ifPresent(newest -> load(newest, false));
                },
                failure -> {
                    busy.set(false);
                    Optional<ModelDeployment> newer = newestHeld(target).filter(d -> Freshness.isNewer(d, target));
                    if (failure.isPreconditionFailed() && newer.isPresent()) {
                        conflict.set(new EditConflict(target, newer.get(), EditConflict.Cause.REJECTED));
                    } else {
                        // A 412 that didn't say what changed: the re-read that follows will.
                        rejectedWithoutState = failure.isPreconditionFailed();
                        error.set(ErrorTexts.describe(APPLY_FAILED, failure));
                        newer.ifPresent(newest -> load(newest, false));
                    }
                });
        return true;
    }

    /** The store's copy of {@code version} (the answer of a refused update is in it already). */
    private Optional<ModelDeployment> newestHeld(ModelDeployment version) {
        return session.store().get(VersionKey.of(version)).filter(d -> DeploymentCopies.sameVersion(d, version));
    }

    /** Moves "now" forward for the conflict's relative time. */
    public void tick() {
        conflictText.describe(conflict.get(), clock.instant());
    }

    /** The request {@link #apply()} would send for the current input. */
    public StatusUpdateRequest toRequest() {
        ModelDeployment current = deployment.get();
        String provider = current != null && ModelProviderIdRule.isChanged(modelProviderId.get(), current.modelProviderId())
                ? ModelProviderIdRule.normalize(modelProviderId.get())
                : null;
        return new StatusUpdateRequest(status.get(), message.get() == null ? "" : message.get(), provider);
    }

    private void resetFields() {
        ModelDeployment current = deployment.get();
        setFields(current == null ? new EditorValues(null, "", "") : EditorValues.of(current));
    }

    private void setFields(EditorValues values) {
        status.set(values.status());
        message.set(values.message());
        modelProviderId.set(values.modelProviderId());
    }

    private EditorValues formValues() {
        return new EditorValues(status.get(), message.get(), modelProviderId.get());
    }

    private void recompute() {
        EditConflict open = conflict.get();
        EditorValues mine = formValues();
        List<EditConflict.Clash> nowClashing = open == null ? List.of() : open.clashes(mine);
        takeTheirs.retainAll(nowClashing.stream().map(EditConflict.Clash::field).toList());
        if (!nowClashing.equals(clashes)) {
            clashes.setAll(nowClashing);
        }
        checks.update(deployment.get(), open == null ? null : open.current(),
                open == null ? null : open.merge(mine, takeTheirs), status.get(), message.get(),
                modelProviderId.get(), busy.get(), !error.get().isEmpty());
        keyboardHint.set(!canWriteProperty().get() ? "Read-only: this token may not change statuses"
                : open == null ? "Ctrl+Enter applies \u00B7 Esc reverts"
                : checks.canApplyAnywayProperty().get() ? "Ctrl+Enter twice applies anyway \u00B7 Esc reloads"
                : "Esc reloads");
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<ModelDeployment> deploymentProperty() {
        return deployment.getReadOnlyProperty();
    }

    public ObjectProperty<DeploymentStatus> statusProperty() {
        return status;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty modelProviderIdProperty() {
        return modelProviderId;
    }

    /** What the input amounts to: dirty, valid, the problems per field, what can be done. */
    public EditorChecks checks() {
        return checks;
    }

    /** An update is being sent. */
    /** Whether this console may change anything (not with a viewer token): Apply is off otherwise. */
    public ReadOnlyBooleanProperty canWriteProperty() {
        return session.canWriteProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The open conflict: the version changed on the server since the edits started; null when there is none. */
    public ReadOnlyObjectProperty<EditConflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public EditConflict getConflict() {
        return conflict.get();
    }

    /** The fields both the admin and the other change set, to different values (empty without a conflict). */
    public ObservableList<EditConflict.Clash> clashes() {
        return clashesView;
    }

    /**
     * What Ctrl+Enter and Esc do now: "Ctrl+Enter applies · Esc reverts", or during a conflict
     * "Ctrl+Enter twice applies anyway · Esc reloads" (the first press only goes to Apply anyway).
     */
    public ReadOnlyStringProperty keyboardHintProperty() {
        return keyboardHint.getReadOnlyProperty();
    }

    /** The words of the open conflict. */
    public ConflictText conflictText() {
        return conflictText;
    }

    /** The last failure, ready to show; "" when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return checks.dirtyProperty().get();
    }

    /** Edits are in progress: unsaved, being sent, or in conflict. */
    public boolean isEditing() {
        return isDirty() || busy.get() || conflict.get() != null;
    }

    public boolean canApply() {
        return checks.canApplyProperty().get();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public String getError() {
        return error.get();
    }
}
