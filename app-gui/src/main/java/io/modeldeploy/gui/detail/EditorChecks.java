package io.modeldeploy.gui.detail;

import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;

/**
 * What the status editor's input amounts to, as read-only properties the editor view binds to:
 * whether it changes anything (dirty), whether the server would accept it (valid, with the reason
 * per field), and so whether Apply, Revert and Apply anyway are possible. The rules are the
 * server's: the message length in characters, the model provider reference, the allowed status
 * transitions.
 */
public final class EditorChecks {

    private final ObservableList<StatusChoice> choices =
            FXCollections.observableArrayList(StatusTransitions.choicesFrom(null));
    private final ObservableList<StatusChoice> choicesView = FXCollections.unmodifiableObservableList(choices);
    private DeploymentStatus choicesFrom;
    private final ReadOnlyIntegerWrapper messageLength = new ReadOnlyIntegerWrapper(this, "messageLength");
    private final ReadOnlyStringWrapper messageCounter = new ReadOnlyStringWrapper(this, "messageCounter");
    private final ReadOnlyBooleanWrapper messageOverLimit = new ReadOnlyBooleanWrapper(this, "messageOverLimit");
    private final ReadOnlyStringWrapper messageProblem = new ReadOnlyStringWrapper(this, "messageProblem", "");
    private final ReadOnlyStringWrapper modelProviderIdProblem =
            new ReadOnlyStringWrapper(this, "modelProviderIdProblem", "");
    private final ReadOnlyStringWrapper statusProblem = new ReadOnlyStringWrapper(this, "statusProblem", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ReadOnlyBooleanWrapper canRevert = new ReadOnlyBooleanWrapper(this, "canRevert");
    private final ReadOnlyBooleanWrapper canApplyAnyway = new ReadOnlyBooleanWrapper(this, "canApplyAnyway");
    private final ReadOnlyStringWrapper applyAnywayProblem = new ReadOnlyStringWrapper(this, "applyAnywayProblem", "");

    /**
     * Checks the input against {@code current} (the state the edits started from; null: nothing
     * edited) and, during a conflict, what Apply anyway would send ({@code merged}) against the
     * version's state now ({@code conflictCurrent}).
     */
    void update(ModelDeployment current, ModelDeployment conflictCurrent, EditorValues merged,
                DeploymentStatus status, String message, String provider, boolean busy, boolean hasError) {
        DeploymentStatus baseline = current == null ? null : statusOf(current);
        if (baseline != choicesFrom || current == null) {
            choicesFrom = baseline;
            choices.setAll(StatusTransitions.choicesFrom(baseline));
        }
        String text = message == null ? "" : message;
        int length = FieldRule.length(text);
        int max = FieldRule.STATUS_MESSAGE.maxLength();
        messageLength.set(length);
        messageCounter.set(length + "/" + max);
        boolean overLimit = length > max;
        messageOverLimit.set(overLimit);
        messageProblem.set(messageProblem(text).orElse(""));
        if (current == null) {
            modelProviderIdProblem.set("");
            statusProblem.set("");
            dirty.set(false);
            valid.set(false);
            canApply.set(false);
            canRevert.set(false);
            canApplyAnyway.set(false);
            applyAnywayProblem.set("");
            return;
        }
        DeploymentStatus before = statusOf(current);
        boolean isDirty = changes(current, status, text, provider);
        dirty.set(isDirty);
        Optional<String> providerProblem = ModelProviderIdRule.problem(provider, current.modelProviderId());
        modelProviderIdProblem.set(providerProblem.orElse(""));
        String refusal = "";
        if (status == null) {
            refusal = isDirty ? "Choose a status" : "";
        } else if (isDirty) {
            // The server checks the transition before anything else, so even a message-only change
            // of a DELETING version is refused.
            refusal = StatusTransitions.refusalReason(before, status).orElse("");
        }
        statusProblem.set(refusal);
        boolean isValid = !overLimit && providerProblem.isEmpty() && refusal.isEmpty() && status != null;
        valid.set(isValid);
        boolean inConflict = conflictCurrent != null;
        canApply.set(isDirty && isValid && !busy && !inConflict);
        canRevert.set((isDirty || hasError || inConflict) && !busy);

        String anywayProblem = "";
        if (inConflict) {
            if (merged.status() == null) {
                anywayProblem = "Choose a status";
            } else {
                anywayProblem = messageProblem(merged.message())
                        .or(() -> ModelProviderIdRule.problem(merged.modelProviderId(), conflictCurrent.modelProviderId()))
                        .or(() -> changes(conflictCurrent, merged.status(), merged.message(), merged.modelProviderId())
                                ? StatusTransitions.refusalReason(statusOf(conflictCurrent), merged.status())
                                : Optional.empty())
                        .orElse("");
            }
        }
        applyAnywayProblem.set(anywayProblem);
        canApplyAnyway.set(inConflict && anywayProblem.isEmpty() && !busy);
    }

    private static final String MESSAGE_HAS_NUL = "The message can't contain the NUL character (U+0000).";

    private static Optional<String> messageProblem(String text) {
        if (text.indexOf('\0') >= 0) {
            return Optional.of(MESSAGE_HAS_NUL);
        }
        int max = FieldRule.STATUS_MESSAGE.maxLength();
        int excess = FieldRule.length(text) - max;
        return excess > 0
                ? Optional.of("The message is " + excess + (excess == 1 ? " character" : " characters")
                        + " over the limit of " + max)
                : Optional.empty();
    }

    /** True when the input differs from {@code version}'s values. */
    static boolean changes(ModelDeployment version, DeploymentStatus status, String message, String provider) {
        return status != statusOf(version)
                || !message.equals(version.statusMessage() == null ? "" : version.statusMessage())
                || ModelProviderIdRule.isChanged(provider, version.modelProviderId());
    }

    static DeploymentStatus statusOf(ModelDeployment version) {
        return version.status() == null ? DeploymentStatus.UNKNOWN : version.status();
    }

    /** The eight statuses in declared order, each allowed or refused from the status edited. */
    public ObservableList<StatusChoice> choices() {
        return choicesView;
    }

    /** The choice for {@code value} (allowed or refused, with the reason). */
    public StatusChoice choiceFor(DeploymentStatus value) {
        return choices.stream().filter(c -> c.status() == value).findFirst().orElse(new StatusChoice(value, true, null));
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

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRevertProperty() {
        return canRevert.getReadOnlyProperty();
    }

    /** Whether Apply anyway can send the edits on top of the current state. */
    public ReadOnlyBooleanProperty canApplyAnywayProperty() {
        return canApplyAnyway.getReadOnlyProperty();
    }

    /** Why the edits can't be applied on top of the current state; "" when they can. */
    public ReadOnlyStringProperty applyAnywayProblemProperty() {
        return applyAnywayProblem.getReadOnlyProperty();
    }
}
