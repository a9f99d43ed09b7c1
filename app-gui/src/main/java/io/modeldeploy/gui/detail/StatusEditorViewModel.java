package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.api.DeploymentEvents;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusUpdateRequest;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import io.modeldeploy.gui.util.Async;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * State and rules of the status editor of one deployment version: the chosen status, message
 * and model provider reference; whether they differ from the version's current values (dirty)
 * and are acceptable to the server (valid); applying them; reverting them.
 *
 * <p>No silent overwrites: an update carries {@code If-Match} with the entity tag of the state the
 * edits started from. When the version changes meanwhile (the server answers 412, or a newer state
 * arrives while there are unsaved edits) the editor keeps the edits and reports an
 * {@link EditConflict}, offering {@link #reload()} (take the current state, drop the edits) and
 * {@link #applyAnyway()} (send the edits on top of the current state). Without unsaved edits a newer
 * state simply becomes the one shown.
 *
 * <p>All properties are meant to be used on one thread (the FX thread in the application). The
 * HTTP call runs on the background executor and its outcome is handed back through the UI executor.
 */
public final class StatusEditorViewModel {

    /** Prefix of the inline message when an update fails. */
    public static final String APPLY_FAILED = "Couldn't apply the change";

    private final DeploymentApiClient client;
    private final Async async;

    private final ReadOnlyObjectWrapper<ModelDeployment> deployment = new ReadOnlyObjectWrapper<>(this, "deployment");
    private final ObjectProperty<DeploymentStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty modelProviderId = new SimpleStringProperty(this, "modelProviderId", "");
    private final ObservableList<StatusChoice> choices =
            FXCollections.observableArrayList(StatusTransitions.choicesFrom(null));
    private final ObservableList<StatusChoice> choicesView = FXCollections.unmodifiableObservableList(choices);

    private final ReadOnlyIntegerWrapper messageLength = new ReadOnlyIntegerWrapper(this, "messageLength");
    private final ReadOnlyStringWrapper messageCounter = new ReadOnlyStringWrapper(this, "messageCounter");
    private final ReadOnlyBooleanWrapper messageOverLimit = new ReadOnlyBooleanWrapper(this, "messageOverLimit");
    private final ReadOnlyStringWrapper messageProblem = new ReadOnlyStringWrapper(this, "messageProblem", "");
    private final ReadOnlyStringWrapper modelProviderIdProblem =
            new ReadOnlyStringWrapper(this, "modelProviderIdProblem", "");
    private final ReadOnlyStringWrapper statusProblem = new ReadOnlyStringWrapper(this, "statusProblem", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ReadOnlyBooleanWrapper canRevert = new ReadOnlyBooleanWrapper(this, "canRevert");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final ReadOnlyObjectWrapper<EditConflict> conflict = new ReadOnlyObjectWrapper<>(this, "conflict");
    private final ReadOnlyStringWrapper conflictTitle = new ReadOnlyStringWrapper(this, "conflictTitle", "");
    private final ReadOnlyStringWrapper conflictWho = new ReadOnlyStringWrapper(this, "conflictWho", "");
    private final ReadOnlyStringWrapper conflictWhat = new ReadOnlyStringWrapper(this, "conflictWhat", "");
    private final ReadOnlyBooleanWrapper canApplyAnyway = new ReadOnlyBooleanWrapper(this, "canApplyAnyway");
    private final ReadOnlyStringWrapper applyAnywayProblem = new ReadOnlyStringWrapper(this, "applyAnywayProblem", "");

    private final Clock clock;
    private Consumer<ModelDeployment> onApplied = applied -> { };
    private Consumer<Throwable> onApplyFailed = failure -> { };
    /** Counts baselines of other versions, so that a late answer for one no longer shown is not mixed in. */
    private long session;
    /** The newest state of the edited version that arrived while an update was being sent. */
    private ModelDeployment heldWhileBusy;
    /** The last update was refused with 412 but without the current state: the next newer state explains it. */
    private boolean rejectedWithoutState;

    public StatusEditorViewModel(DeploymentApiClient client, Executor background, Executor ui) {
        this(client, background, ui, Clock.systemDefaultZone());
    }

    public StatusEditorViewModel(DeploymentApiClient client, Executor background, Executor ui, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.async = new Async(background, ui);
        this.clock = Objects.requireNonNull(clock, "clock");
        status.addListener((obs, was, now) -> recompute());
        message.addListener((obs, was, now) -> recompute());
        modelProviderId.addListener((obs, was, now) -> recompute());
        busy.addListener((obs, was, now) -> recompute());
        error.addListener((obs, was, now) -> recompute());
        deployment.addListener((obs, was, now) -> recompute());
        conflict.addListener((obs, was, now) -> {
            describeConflict();
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
            session++;
            busy.set(false);
            error.set("");
            heldWhileBusy = null;
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
            // An update is on its way; its answer decides. Keep the newest state for afterwards.
            if (heldWhileBusy == null || DeploymentEvents.isNewer(version, heldWhileBusy)) {
                heldWhileBusy = version;
            }
            return;
        }
        EditConflict open = conflict.get();
        ModelDeployment newestKnown = open != null ? open.current() : before;
        if (DeploymentEvents.isNewer(newestKnown, version)) {
            return; // an older copy (e.g. the list's, read before a change applied here)
        }
        if (open != null) {
            if (DeploymentEvents.isNewer(version, open.current())) {
                conflict.set(open.withCurrent(version));
            }
            return;
        }
        boolean changed = DeploymentEvents.isNewer(version, before);
        if (changed && dirty.get()) {
            EditConflict.Cause cause = rejectedWithoutState ? EditConflict.Cause.REJECTED
                    : EditConflict.Cause.CHANGED_WHILE_EDITING;
            rejectedWithoutState = false;
            error.set("");
            conflict.set(new EditConflict(before, version, cause));
            return;
        }
        takeBaseline(version, !dirty.get());
    }

    private void takeBaseline(ModelDeployment version, boolean resetFields) {
        deployment.set(version);
        choices.setAll(StatusTransitions.choicesFrom(version == null ? null : currentStatus(version)));
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
     * Resolves a conflict by sending the edits on top of the version's current state (with its entity
     * tag). When the edits equal the current state there is nothing to send and the conflict just
     * ends. Answers whether the conflict was resolved this way (false while the current state refuses
     * the edits, see {@link #applyAnywayProblemProperty()}).
     */
    public boolean applyAnyway() {
        EditConflict open = conflict.get();
        if (open == null || busy.get() || !canApplyAnyway.get()) {
            return false;
        }
        conflict.set(null);
        takeBaseline(open.current(), false);
        if (dirty.get()) {
            apply();
        }
        return true;
    }

    /**
     * Sends the change to the selected version, on condition that it is still in the state the edits
     * started from. Does nothing (and answers false) unless something changed, the input is valid,
     * no update is already running and there is no open conflict.
     */
    public boolean apply() {
        recompute();
        if (!canApply.get()) {
            return false;
        }
        ModelDeployment target = deployment.get();
        StatusUpdateRequest request = toRequest();
        String ifMatch = DeploymentEvents.etagOf(target);
        long requestSession = session;
        busy.set(true);
        error.set("");
        heldWhileBusy = null;
        rejectedWithoutState = false;
        async.run(
                () -> client.updateStatus(target.workspace(), target.name(), target.entityVersion(), request, ifMatch),
                updated -> {
                    if (requestSession == session) {
                        busy.set(false);
                        error.set("");
                        // The answer is the new baseline; the sent edits are now its values.
                        load(updated, true);
                        catchUpWithHeld();
                    }
                    onApplied.accept(updated);
                },
                failure -> {
                    if (requestSession != session) {
                        return;
                    }
                    busy.set(false);
                    if (failure.isPreconditionFailed()) {
                        Optional<ModelDeployment> current = failure.currentDeployment()
                                .filter(d -> DeploymentEvents.sameVersion(d, target));
                        ModelDeployment held = heldWhileBusy;
                        heldWhileBusy = null;
                        if (current.isPresent()) {
                            ModelDeployment newest = held != null && DeploymentEvents.isNewer(held, current.get())
                                    ? held : current.get();
                            conflict.set(new EditConflict(target, newest, EditConflict.Cause.REJECTED));
                        } else if (held != null && DeploymentEvents.isNewer(held, target)) {
                            conflict.set(new EditConflict(target, held, EditConflict.Cause.REJECTED));
                        } else {
                            // The answer didn't say what changed: the re-read that follows will.
                            rejectedWithoutState = true;
                            error.set(ErrorTexts.describe(APPLY_FAILED, failure));
                        }
                    } else {
                        error.set(ErrorTexts.describe(APPLY_FAILED, failure));
                        catchUpWithHeld();
                    }
                    onApplyFailed.accept(failure);
                });
        return true;
    }

    private void catchUpWithHeld() {
        ModelDeployment held = heldWhileBusy;
        heldWhileBusy = null;
        if (held != null) {
            load(held, false);
        }
    }

    /** Moves "now" forward for the conflict's relative time. */
    public void tick() {
        describeConflict();
    }

    /** The request {@link #apply()} would send for the current input. */
    public StatusUpdateRequest toRequest() {
        ModelDeployment current = deployment.get();
        String provider = current != null && ModelProviderIdRule.isChanged(modelProviderId.get(), current.modelProviderId())
                ? ModelProviderIdRule.normalize(modelProviderId.get())
                : null;
        return new StatusUpdateRequest(status.get(), message.get() == null ? "" : message.get(), provider);
    }

    /** Called with the server's answer after every applied update (also when another version is shown by then). */
    public void setOnApplied(Consumer<ModelDeployment> listener) {
        this.onApplied = listener == null ? applied -> { } : listener;
    }

    /** Called after an update failed, once the inline error is set. */
    public void setOnApplyFailed(Consumer<Throwable> listener) {
        this.onApplyFailed = listener == null ? failure -> { } : listener;
    }

    /** The choice for {@code value} in the current state (allowed or refused, with the reason). */
    public StatusChoice choiceFor(DeploymentStatus value) {
        for (StatusChoice choice : choices) {
            if (choice.status() == value) {
                return choice;
            }
        }
        return new StatusChoice(value, true, null);
    }

    // ------------------------------------------------------------------ rules

    private void resetFields() {
        ModelDeployment current = deployment.get();
        if (current == null) {
            status.set(null);
            message.set("");
            modelProviderId.set("");
            return;
        }
        status.set(currentStatus(current));
        message.set(current.statusMessage() == null ? "" : current.statusMessage());
        modelProviderId.set(current.modelProviderId() == null ? "" : current.modelProviderId());
    }

    private void recompute() {
        ModelDeployment current = deployment.get();
        String text = message.get() == null ? "" : message.get();
        int length = ApiLimits.characterCount(text);
        messageLength.set(length);
        messageCounter.set(length + "/" + ApiLimits.MAX_STATUS_MESSAGE_LENGTH);
        boolean overLimit = length > ApiLimits.MAX_STATUS_MESSAGE_LENGTH;
        messageOverLimit.set(overLimit);
        int excess = length - ApiLimits.MAX_STATUS_MESSAGE_LENGTH;
        messageProblem.set(overLimit
                ? "The message is " + excess + (excess == 1 ? " character" : " characters")
                        + " over the limit of " + ApiLimits.MAX_STATUS_MESSAGE_LENGTH
                : "");

        if (current == null) {
            modelProviderIdProblem.set("");
            statusProblem.set("");
            dirty.set(false);
            valid.set(false);
            canApply.set(false);
            canRevert.set(false);
            return;
        }
        DeploymentStatus before = currentStatus(current);
        boolean statusChanged = status.get() != before;
        boolean messageChanged = !text.equals(current.statusMessage() == null ? "" : current.statusMessage());
        boolean providerChanged = ModelProviderIdRule.isChanged(modelProviderId.get(), current.modelProviderId());
        boolean isDirty = statusChanged || messageChanged || providerChanged;
        dirty.set(isDirty);

        Optional<String> providerProblem = ModelProviderIdRule.problem(modelProviderId.get(), current.modelProviderId());
        modelProviderIdProblem.set(providerProblem.orElse(""));

        String refusal = "";
        if (status.get() == null) {
            refusal = isDirty ? "Choose a status" : "";
        } else if (isDirty) {
            // The server checks the transition before anything else, so even a message-only change
            // of a DELETING version is refused.
            refusal = StatusTransitions.refusalReason(before, status.get()).orElse("");
        }
        statusProblem.set(refusal);

        boolean isValid = !overLimit && providerProblem.isEmpty() && refusal.isEmpty() && status.get() != null;
        valid.set(isValid);
        EditConflict open = conflict.get();
        canApply.set(isDirty && isValid && !busy.get() && open == null);
        canRevert.set((isDirty || !error.get().isEmpty() || open != null) && !busy.get());

        String anywayProblem = "";
        if (open != null) {
            ModelDeployment now = open.current();
            DeploymentStatus nowStatus = currentStatus(now);
            if (status.get() == null) {
                anywayProblem = "Choose a status";
            } else if (overLimit) {
                anywayProblem = messageProblem.get();
            } else {
                Optional<String> provider = ModelProviderIdRule.problem(modelProviderId.get(), now.modelProviderId());
                boolean changesSomething = status.get() != nowStatus
                        || !text.equals(now.statusMessage() == null ? "" : now.statusMessage())
                        || ModelProviderIdRule.isChanged(modelProviderId.get(), now.modelProviderId());
                anywayProblem = provider.orElse(changesSomething
                        ? StatusTransitions.refusalReason(nowStatus, status.get()).orElse("") : "");
            }
        }
        applyAnywayProblem.set(anywayProblem);
        canApplyAnyway.set(open != null && anywayProblem.isEmpty() && !busy.get());
    }

    private void describeConflict() {
        EditConflict open = conflict.get();
        if (open == null) {
            conflictTitle.set("");
            conflictWho.set("");
            conflictWhat.set("");
            return;
        }
        Instant now = clock.instant();
        conflictTitle.set(open.title());
        conflictWho.set(open.who(now));
        conflictWhat.set(open.what());
    }

    private static DeploymentStatus currentStatus(ModelDeployment version) {
        return version.status() == null ? DeploymentStatus.UNKNOWN : version.status();
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

    /** The eight statuses in declared order, each allowed or refused for the current status. */
    public ObservableList<StatusChoice> choices() {
        return choicesView;
    }

    public ReadOnlyIntegerProperty messageLengthProperty() {
        return messageLength.getReadOnlyProperty();
    }

    /** "n/1000". */
    public ReadOnlyStringProperty messageCounterProperty() {
        return messageCounter.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageOverLimitProperty() {
        return messageOverLimit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProblemProperty() {
        return messageProblem.getReadOnlyProperty();
    }

    /** Why the model provider field can't be sent; "" when it can. */
    public ReadOnlyStringProperty modelProviderIdProblemProperty() {
        return modelProviderIdProblem.getReadOnlyProperty();
    }

    /** Why the chosen status would be refused by the server; "" when it wouldn't. */
    public ReadOnlyStringProperty statusProblemProperty() {
        return statusProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** An update is being sent. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRevertProperty() {
        return canRevert.getReadOnlyProperty();
    }

    /** The open conflict: the version changed on the server since the edits started; null when there is none. */
    public ReadOnlyObjectProperty<EditConflict> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public EditConflict getConflict() {
        return conflict.get();
    }

    /** Headline of the open conflict; "" when there is none. */
    public ReadOnlyStringProperty conflictTitleProperty() {
        return conflictTitle.getReadOnlyProperty();
    }

    /** Who changed the version, when and to what status: "alice set it to Ready at … (3 min ago), via the API". */
    public ReadOnlyStringProperty conflictWhoProperty() {
        return conflictWho.getReadOnlyProperty();
    }

    /** The message of that change and a changed model provider; may be "". */
    public ReadOnlyStringProperty conflictWhatProperty() {
        return conflictWhat.getReadOnlyProperty();
    }

    /** Whether {@link #applyAnyway()} can send the edits on top of the current state. */
    public ReadOnlyBooleanProperty canApplyAnywayProperty() {
        return canApplyAnyway.getReadOnlyProperty();
    }

    /** Why the edits can't be applied on top of the current state; "" when they can. */
    public ReadOnlyStringProperty applyAnywayProblemProperty() {
        return applyAnywayProblem.getReadOnlyProperty();
    }

    /** The last failure, ready to show; "" when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public boolean isValid() {
        return valid.get();
    }

    public boolean canApply() {
        return canApply.get();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public String getError() {
        return error.get();
    }
}
