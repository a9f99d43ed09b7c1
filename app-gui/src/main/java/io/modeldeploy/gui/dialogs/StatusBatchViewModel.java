package io.modeldeploy.gui.dialogs;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modeldeploy.gui.api.ApiPaths;
import io.modeldeploy.gui.api.Json;
import io.modeldeploy.gui.dialogs.BatchTarget.Outcome;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentCopies;
import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.FieldRule;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusBatchRequest;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.model.StatusBatchTarget;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * "Change status of the selection…": one status and message (and optionally a model provider) for
 * many versions, sent as one batch that the server applies to all of them or to none. Before
 * anything is sent the {@link #preview()} shows every target with its status now and after, and
 * marks the ones the server would refuse (a version marked for deletion may only become Deleted; a
 * message or provider reference the field rules refuse) and the ones already in that state. Apply
 * is offered only when the server would take the batch and it changes something.
 *
 * <p>The preview is made from the copies the session holds; their entity tags go with the batch
 * ({@code if_match}), so a version changed since the preview makes the server refuse the batch
 * (412): {@link #previewOutdatedProperty()} then asks for {@link #refreshPreview()}.
 */
public final class StatusBatchViewModel {

    private final ConsoleSession session;
    private final List<VersionKey> versions;
    private final List<ModelDeployment> selected;
    private final ObjectProperty<DeploymentStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty providerId = new SimpleStringProperty(this, "providerId", "");
    private final ObservableList<BatchTarget> preview = FXCollections.observableArrayList();
    private final ObservableList<BatchTarget> previewView = FXCollections.unmodifiableObservableList(preview);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper inputProblem = new ReadOnlyStringWrapper(this, "inputProblem", "");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ReadOnlyBooleanWrapper previewOutdated = new ReadOnlyBooleanWrapper(this, "previewOutdated");
    private final SubmitState submit = new SubmitState();
    /** The copies the preview shows, in target order: what the batch is conditional on. */
    private List<ModelDeployment> held = List.of();

    /** For {@code targets}: the versions the list shows of the selected deployments, in the list's order. */
    public StatusBatchViewModel(ConsoleSession session, Collection<ModelDeployment> targets) {
        this.session = Objects.requireNonNull(session, "session");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a status batch needs at least one target");
        }
        Map<VersionKey, ModelDeployment> byVersion = new LinkedHashMap<>();
        targets.forEach(target -> byVersion.putIfAbsent(VersionKey.of(target), target));
        this.selected = List.copyOf(byVersion.values());
        this.versions = List.copyOf(byVersion.keySet());
        status.set(commonStatus(selected));
        status.addListener((obs, old, now) -> inputChanged());
        message.addListener((obs, old, now) -> inputChanged());
        providerId.addListener((obs, old, now) -> inputChanged());
        session.canWriteProperty().addListener((obs, old, now) -> updatePreview());
        submit.submittingProperty().addListener((obs, old, now) -> updatePreview());
        refreshPreview();
    }

    /** The first target's status: the choice starts as "unchanged" for it, so nothing is chosen for the admin. */
    private static DeploymentStatus commonStatus(List<ModelDeployment> targets) {
        DeploymentStatus first = targets.get(0).status();
        return first == null ? DeploymentStatus.UNKNOWN : first;
    }

    private void inputChanged() {
        submit.clearGeneralError();
        updatePreview();
    }

    /** Makes the preview again from the copies the session holds now (after a refusal for a changed target). */
    public void refreshPreview() {
        List<ModelDeployment> copies = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            ModelDeployment fallback = selected.get(i);
            copies.add(session.store().get(versions.get(i)).orElse(fallback));
        }
        held = List.copyOf(copies);
        previewOutdated.set(false);
        submit.clearGeneralError();
        updatePreview();
    }

    private void updatePreview() {
        DeploymentStatus next = status.get();
        String fieldProblem = fieldProblem();
        inputProblem.set(fieldProblem == null ? "" : fieldProblem);
        List<BatchTarget> lines = new ArrayList<>(held.size());
        int changes = 0;
        int unchanged = 0;
        int refused = 0;
        for (ModelDeployment copy : held) {
            BatchTarget line = judge(copy, next, fieldProblem);
            lines.add(line);
            switch (line.outcome()) {
                case CHANGES -> changes++;
                case UNCHANGED -> unchanged++;
                case REFUSED -> refused++;
            }
        }
        preview.setAll(lines);
        summary.set(summary(changes, unchanged, refused));
        canApply.set(next != null && refused == 0 && changes > 0 && held.size() <= ApiLimits.MAX_BATCH_TARGETS
                && !previewOutdated.get() && !submit.isSubmitting() && session.canWriteProperty().get());
    }

    private BatchTarget judge(ModelDeployment copy, DeploymentStatus next, String fieldProblem) {
        VersionKey key = VersionKey.of(copy);
        DeploymentStatus current = copy.status() == null ? DeploymentStatus.UNKNOWN : copy.status();
        if (fieldProblem != null) {
            return new BatchTarget(key, current, next, Outcome.REFUSED, fieldProblem);
        }
        if (!current.allowsTransitionTo(next)) {
            return new BatchTarget(key, current, next, Outcome.REFUSED, "marked for deletion: it can only become "
                    + StatusStyle.displayName(DeploymentStatus.DELETED));
        }
        String provider = provider();
        boolean same = current == next && message.get().equals(copy.statusMessage() == null ? "" : copy.statusMessage())
                && (provider == null || provider.equals(copy.modelProviderId()));
        return new BatchTarget(key, current, next, same ? Outcome.UNCHANGED : Outcome.CHANGES, null);
    }

    /** What the field rules (the server's) say about the message and provider: it applies to every target. */
    private String fieldProblem() {
        var messageViolation = FieldRule.STATUS_MESSAGE.check(message.get());
        if (messageViolation.isPresent()) {
            return "the message is " + messageViolation.get().length() + " characters; at most "
                    + FieldRule.STATUS_MESSAGE.maxLength() + " are allowed";
        }
        String provider = provider();
        if (provider != null && !FieldRule.MODEL_PROVIDER_ID.accepts(provider)) {
            return "the model provider is longer than " + FieldRule.MODEL_PROVIDER_ID.maxLength() + " characters";
        }
        if (held.size() > ApiLimits.MAX_BATCH_TARGETS) {
            return "at most " + ApiLimits.MAX_BATCH_TARGETS + " deployments can be changed at once";
        }
        return null;
    }

    private static String summary(int changes, int unchanged, int refused) {
        NumberFormat numbers = NumberFormat.getIntegerInstance();
        List<String> parts = new ArrayList<>();
        if (changes > 0) {
            parts.add(numbers.format(changes) + " will change");
        }
        if (unchanged > 0) {
            parts.add(numbers.format(unchanged) + " unchanged");
        }
        if (refused > 0) {
            parts.add(numbers.format(refused) + " refused: the server would change none of them");
        }
        return String.join(", ", parts);
    }

    /** The provider reference to send, or null to leave each target's as it is. */
    private String provider() {
        String text = providerId.get() == null ? "" : providerId.get().strip();
        return text.isEmpty() ? null : text;
    }

    // ------------------------------------------------------------------ what is sent

    /** The batch Apply sends: every target's version, conditional on the copy the preview shows. */
    public StatusBatchRequest toRequest() {
        List<StatusBatchTarget> targets = new ArrayList<>(held.size());
        for (ModelDeployment copy : held) {
            targets.add(new StatusBatchTarget(copy.workspace(), copy.name(), copy.entityVersion(),
                    DeploymentCopies.etagOf(copy)));
        }
        return new StatusBatchRequest(status.get(), message.get(), provider(), targets);
    }

    /**
     * The same batch as a command for a POSIX shell, a runbook step: the token is read from
     * {@code $MODELDEPLOY_TOKEN} (never this console's own), the JSON body single-quoted.
     */
    public String curlCommand() {
        String body;
        try {
            body = Json.mapper().writeValueAsString(toRequest());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a status batch always encodes", e);
        }
        String url = session.connection().baseUrl().toString().replaceAll("/+$", "") + ApiPaths.STATUS_BATCHES;
        return "curl -X POST " + shellQuoted(url) + " \\\n"
                + "  -H \"Authorization: Bearer $MODELDEPLOY_TOKEN\" \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d " + shellQuoted(body);
    }

    /** {@code text} in single quotes, each quote in it written {@code '\''}: the shell expands nothing. */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * Sends the batch. On success the store holds every target as the server answered and
     * {@code onDone} gets what changed ("4 changed, 1 already in that state"); on a refusal the
     * dialog stays as it is and {@link #generalErrorProperty()} says which target and why.
     */
    public void apply(Consumer<String> onDone) {
        if (!canApply.get()) {
            return;
        }
        StatusBatchRequest request = toRequest();
        List<ModelDeployment> before = held;
        List<String> names = before.stream().map(d -> VersionKey.of(d).toString()).toList();
        submit.start();
        session.changeStatuses(request, result -> {
            submit.succeeded();
            onDone.accept(resultText(before, result));
        }, error -> {
            submit.failed(ErrorTexts.batchRefused(error, names));
            if (error.isPreconditionFailed()) {
                previewOutdated.set(true);
                updatePreview();
            }
        });
    }

    /** "4 changed, 1 already in that state": a target changed when the server's copy is newer than the one sent. */
    static String resultText(List<ModelDeployment> before, StatusBatchResult result) {
        List<ModelDeployment> after = result.results() == null ? List.of() : result.results();
        int changed = 0;
        for (int i = 0; i < after.size(); i++) {
            ModelDeployment was = i < before.size() ? before.get(i) : null;
            if (was == null || !Objects.equals(was.updatedAt(), after.get(i).updatedAt())) {
                changed++;
            }
        }
        int already = after.size() - changed;
        NumberFormat numbers = NumberFormat.getIntegerInstance();
        if (changed == 0) {
            return "Nothing changed: " + (already == 1 ? "it was" : "all " + numbers.format(already) + " were")
                    + " already in that state";
        }
        return numbers.format(changed) + " changed" + (already == 0 ? ""
                : ", " + numbers.format(already) + " already in that state");
    }

    // ------------------------------------------------------------------ properties

    /** The status every target gets. */
    public ObjectProperty<DeploymentStatus> statusProperty() {
        return status;
    }

    /** The status message every target gets (empty: none). */
    public StringProperty messageProperty() {
        return message;
    }

    /** A model provider reference (any text; NeMo's controller writes workspace/name) for every target; empty leaves each target's as it is. */
    public StringProperty providerIdProperty() {
        return providerId;
    }

    /** Every target: workspace/name vN, current → new status, and what the server would do. */
    public ObservableList<BatchTarget> preview() {
        return previewView;
    }

    /** "4 will change, 1 unchanged". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What is wrong with the message or provider for every target; empty when nothing is. */
    public ReadOnlyStringProperty inputProblemProperty() {
        return inputProblem.getReadOnlyProperty();
    }

    /** True when Apply would send a batch the server takes and that changes something. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** True after the server refused the batch because a target changed since the preview was made. */
    public ReadOnlyBooleanProperty previewOutdatedProperty() {
        return previewOutdated.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty submittingProperty() {
        return submit.submittingProperty();
    }

    /** Why the last Apply changed nothing: which target and why; null or empty otherwise. */
    public ReadOnlyStringProperty generalErrorProperty() {
        return submit.generalErrorProperty();
    }

    public int targetCount() {
        return versions.size();
    }
}
