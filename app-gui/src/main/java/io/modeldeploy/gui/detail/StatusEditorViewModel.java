package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.DeploymentApiClient;
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

    private Consumer<ModelDeployment> onApplied = applied -> { };
    private Consumer<Throwable> onApplyFailed = failure -> { };
    /** Counts baselines of other versions, so that a late answer for one no longer shown is not mixed in. */
    private long session;

    public StatusEditorViewModel(DeploymentApiClient client, Executor background, Executor ui) {
        this.client = Objects.requireNonNull(client, "client");
        this.async = new Async(background, ui);
        status.addListener((obs, was, now) -> recompute());
        message.addListener((obs, was, now) -> recompute());
        modelProviderId.addListener((obs, was, now) -> recompute());
        busy.addListener((obs, was, now) -> recompute());
        error.addListener((obs, was, now) -> recompute());
        deployment.addListener((obs, was, now) -> recompute());
        recompute();
    }

    // ------------------------------------------------------------------ commands

    /**
     * Makes {@code version} the one being edited. Edits in progress survive when it is the same
     * version read again (e.g. after a refresh); for another version (or none) the fields show its
     * current values and any earlier error is cleared.
     */
    public void setDeployment(ModelDeployment version) {
        load(version, false);
    }

    private void load(ModelDeployment version, boolean discardEdits) {
        ModelDeployment before = deployment.get();
        boolean sameVersion = before != null && version != null && Objects.equals(before.id(), version.id())
                && before.entityVersion() == version.entityVersion();
        boolean keepEdits = sameVersion && dirty.get() && !discardEdits;
        if (!sameVersion) {
            session++;
            busy.set(false);
            error.set("");
        }
        deployment.set(version);
        choices.setAll(StatusTransitions.choicesFrom(version == null ? null : currentStatus(version)));
        if (!keepEdits) {
            resetFields();
        }
        recompute();
    }

    /** Restores the version's current values and clears the inline error. */
    public void revert() {
        if (busy.get()) {
            return;
        }
        resetFields();
        error.set("");
        recompute();
    }

    /**
     * Sends the change to the selected version. Does nothing (and answers false) unless something
     * changed, the input is valid and no update is already running.
     */
    public boolean apply() {
        recompute();
        if (!canApply.get()) {
            return false;
        }
        ModelDeployment target = deployment.get();
        StatusUpdateRequest request = toRequest();
        long requestSession = session;
        busy.set(true);
        error.set("");
        async.run(
                () -> client.updateStatus(target.workspace(), target.name(), target.entityVersion(), request),
                updated -> {
                    if (requestSession == session) {
                        busy.set(false);
                        error.set("");
                        // The answer is the new baseline; the sent edits are now its values.
                        load(updated, true);
                    }
                    onApplied.accept(updated);
                },
                failure -> {
                    if (requestSession != session) {
                        return;
                    }
                    busy.set(false);
                    error.set(ErrorMessages.describe(APPLY_FAILED, failure));
                    onApplyFailed.accept(failure);
                });
        return true;
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
        canApply.set(isDirty && isValid && !busy.get());
        canRevert.set((isDirty || !error.get().isEmpty()) && !busy.get());
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
