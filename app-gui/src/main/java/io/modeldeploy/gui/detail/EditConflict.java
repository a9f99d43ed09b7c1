package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.session.DeploymentCopies;
import io.modeldeploy.gui.style.StatusStyle;
import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The version being edited changed on the server after the admin started editing it: {@code base}
 * is the state the edits started from, {@code current} the state the server has now.
 *
 * @param cause whether the server refused an update because of it (412) or a streamed change showed it
 */
public record EditConflict(ModelDeployment base, ModelDeployment current, Cause cause) {

    /** How the console learned about the change. */
    public enum Cause {
        /** The server answered an update with 412: it was based on an outdated state. */
        REJECTED,
        /** A change arrived (live or by a re-read) while the editor had unsaved edits. */
        CHANGED_WHILE_EDITING
    }

    public EditConflict {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(cause, "cause");
    }

    /** The same conflict with a still newer state of the version. */
    public EditConflict withCurrent(ModelDeployment newer) {
        return new EditConflict(base, newer, cause);
    }

    /**
     * A field both the admin and the other change set, to different values: the admin chooses which
     * one Apply anyway sends. {@code theirs} and {@code mine} are the values as the editor shows them.
     */
    public record Clash(EditorValues.Field field, String theirs, String mine) {
    }

    /** The fields the admin changed that the other change set to another value, in field order. */
    public List<Clash> clashes(EditorValues mine) {
        EditorValues started = EditorValues.of(base);
        EditorValues now = EditorValues.of(current);
        List<Clash> clashes = new ArrayList<>();
        for (EditorValues.Field field : EditorValues.Field.values()) {
            if (started.differsIn(field, mine) && started.differsIn(field, now) && now.differsIn(field, mine)) {
                clashes.add(new Clash(field, shown(field, now), shown(field, mine)));
            }
        }
        return clashes;
    }

    /**
     * What Apply anyway sends: the current state with the fields the admin changed taken from
     * {@code mine}, except the clashing fields in {@code takeTheirs}, which keep the current value.
     * A field the admin did not touch is never sent from the stale state the edits started from.
     */
    public EditorValues merge(EditorValues mine, Set<EditorValues.Field> takeTheirs) {
        EditorValues started = EditorValues.of(base);
        EditorValues merged = EditorValues.of(current);
        for (EditorValues.Field field : EditorValues.Field.values()) {
            if (started.differsIn(field, mine) && !takeTheirs.contains(field)) {
                merged = merged.with(field, mine);
            }
        }
        return merged;
    }

    private static String shown(EditorValues.Field field, EditorValues values) {
        return switch (field) {
            case STATUS -> StatusStyle.displayName(values.status());
            case MESSAGE -> values.message().isBlank() ? "No message" : "\u201C" + values.message() + "\u201D";
            case MODEL_PROVIDER -> orNone(ModelProviderIdRule.normalize(values.modelProviderId()));
        };
    }

    /**
     * The history entry of the change: the newest entry of the current state, if it was written after
     * the state the edits started from. Empty for a change that wrote no entry (a new model provider only).
     */
    public Optional<StatusHistoryEntry> change() {
        Optional<StatusHistoryEntry> newest = DeploymentCopies.newestEntry(current);
        if (newest.isEmpty() || newest.get().timestamp() == null) {
            return newest;
        }
        Instant since = base.updatedAt();
        Optional<StatusHistoryEntry> before = DeploymentCopies.newestEntry(base);
        if (before.isPresent() && before.get().equals(newest.get())) {
            return Optional.empty();
        }
        return since == null || newest.get().timestamp().isAfter(since) ? newest : Optional.empty();
    }

    /** "Not applied: someone else changed this version first" or "This version changed while you were editing". */
    public String title() {
        return cause == Cause.REJECTED
                ? "Not applied: this version was changed by someone else first"
                : "This version changed while you were editing";
    }

    /**
     * Who changed it, when and to what: "alice set it to Ready at 2026-07-01 14:03:27 (3 min ago), via the API",
     * or for a change without history entry "Changed at 2026-07-01 14:03:27 (3 min ago)".
     */
    public String who(Instant now) {
        Optional<StatusHistoryEntry> entry = change();
        if (entry.isPresent()) {
            StatusHistoryEntry e = entry.get();
            String actor = e.actor() == null || e.actor().isBlank() ? "Someone" : e.actor();
            DeploymentStatus status = e.status() == null ? DeploymentStatus.UNKNOWN : e.status();
            return actor + " set it to " + StatusStyle.displayName(status) + " at " + when(e.timestamp(), now)
                    + via(e.source());
        }
        return "Changed at " + when(current.updatedAt(), now);
    }

    /** What it says now: the message of the change, and a new model provider. Empty when there is nothing to add. */
    public String what() {
        StringBuilder text = new StringBuilder();
        Optional<StatusHistoryEntry> entry = change();
        String message = entry.map(StatusHistoryEntry::statusMessage)
                .orElse(entry.isPresent() ? null : current.statusMessage());
        if (entry.isPresent() || !Objects.equals(blankToEmpty(base.statusMessage()), blankToEmpty(current.statusMessage()))) {
            text.append(message == null || message.isBlank() ? "No message" : "Message: \u201C" + message + "\u201D");
        }
        if (entry.isEmpty() && base.status() != current.status()) {
            prefix(text).append("Status: ").append(StatusStyle.displayName(statusOf(current)));
        }
        if (!Objects.equals(blankToEmpty(base.modelProviderId()), blankToEmpty(current.modelProviderId()))) {
            prefix(text).append("Model provider: ").append(orNone(base.modelProviderId())).append(" \u2192 ")
                    .append(orNone(current.modelProviderId()));
        }
        return text.toString();
    }

    private static StringBuilder prefix(StringBuilder text) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        return text;
    }

    private static String when(Instant at, Instant now) {
        if (at == null) {
            return "an unknown time";
        }
        return TimeFormat.exact(at) + " (" + TimeFormat.relative(at, now) + ")";
    }

    private static String via(ChangeSource source) {
        if (source == null) {
            return "";
        }
        return source == ChangeSource.GUI ? ", from a console" : ", via the API";
    }

    private static DeploymentStatus statusOf(ModelDeployment d) {
        return d.status() == null ? DeploymentStatus.UNKNOWN : d.status();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}
