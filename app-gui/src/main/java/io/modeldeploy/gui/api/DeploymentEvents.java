package io.modeldeploy.gui.api;

import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applying stream events to the versions the console holds. An event carries the version after
 * the change, but its {@code status_history} holds only the entry that change added; joined with
 * the copy the console already has, it becomes a complete resource again (newest
 * {@value ApiLimits#HISTORY_WINDOW} entries, oldest first), so lists, detail and timeline keep
 * working on whole {@link ModelDeployment}s.
 *
 * <p>The server keeps {@code updated_at} strictly increasing per version, so of two copies of
 * one version the one updated later is the newer one, and equal times mean the same state.
 */
public final class DeploymentEvents {

    private DeploymentEvents() {
    }

    /** True when both are the same version of the same deployment (same id, same number). */
    public static boolean sameVersion(ModelDeployment a, ModelDeployment b) {
        return a != null && b != null && Objects.equals(a.id(), b.id()) && a.entityVersion() == b.entityVersion()
                && Objects.equals(a.workspace(), b.workspace()) && Objects.equals(a.name(), b.name());
    }

    /** True when {@code a} is a later state than {@code b} (both of one version). */
    public static boolean isNewer(ModelDeployment a, ModelDeployment b) {
        Instant ta = a.updatedAt();
        Instant tb = b.updatedAt();
        return ta != null && (tb == null || ta.isAfter(tb));
    }

    /** The entity tag of a version's state, or null when it has no {@code updated_at} to compute one from. */
    public static String etagOf(ModelDeployment deployment) {
        if (deployment == null || deployment.id() == null || deployment.updatedAt() == null) {
            return null;
        }
        return deployment.etag();
    }

    /** True when both copies are the same state of the same version (equal entity tags). */
    public static boolean sameState(ModelDeployment a, ModelDeployment b) {
        String ea = etagOf(a);
        return ea != null && ea.equals(etagOf(b)) && sameVersion(a, b);
    }

    /**
     * Whether a copy carries its history. Every version has at least the entry of its creation, so
     * a copy without any was read without it (lists are read with {@code history_limit=0}).
     */
    public static boolean hasHistory(ModelDeployment deployment) {
        return deployment != null && deployment.statusHistory() != null && !deployment.statusHistory().isEmpty();
    }

    /** The newest history entry of a version, if it has any. */
    public static Optional<StatusHistoryEntry> newestEntry(ModelDeployment deployment) {
        List<StatusHistoryEntry> history = deployment == null ? null : deployment.statusHistory();
        return history == null || history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /**
     * Whether an event's deployment is a complete resource by itself: a new deployment or a new
     * version has exactly the one history entry the event carries.
     */
    public static boolean isComplete(DeploymentEvent event) {
        return event.type() == DeploymentEventType.CREATED || event.type() == DeploymentEventType.VERSION_CREATED;
    }

    /**
     * The version after {@code event}, as a complete resource:
     * <ul>
     *   <li>{@code base} (the copy held so far) when the event is not newer than it (a duplicate or a replay);</li>
     *   <li>the event's deployment with {@code base}'s history plus the entry the event added;</li>
     *   <li>the event's deployment without history when {@code base} has none (it was read without);</li>
     *   <li>the event's deployment as it is for a new deployment or version;</li>
     *   <li>empty when the history can't be completed: no copy of the version is held (or a copy of
     *       a different version, e.g. an earlier deployment of the same name). The caller reads it instead.</li>
     * </ul>
     */
    public static Optional<ModelDeployment> apply(ModelDeployment base, DeploymentEvent event) {
        ModelDeployment after = event.deployment();
        if (after == null) {
            return Optional.ofNullable(base);
        }
        boolean baseUsable = base != null && sameVersion(base, after);
        if (baseUsable && !isNewer(after, base)) {
            return Optional.of(base);
        }
        if (!baseUsable) {
            return isComplete(event) ? Optional.of(after) : Optional.empty();
        }
        if (!hasHistory(base)) {
            // The history was never read (a list copy): one entry on its own would pass for all of it.
            return Optional.of(withHistory(after, List.of()));
        }
        List<StatusHistoryEntry> history = new ArrayList<>(base.statusHistory() == null ? List.of()
                : base.statusHistory());
        List<StatusHistoryEntry> added = after.statusHistory() == null ? List.of() : after.statusHistory();
        for (StatusHistoryEntry entry : added) {
            if (!endsWith(history, entry)) {
                history.add(entry);
            }
        }
        if (history.size() > ApiLimits.HISTORY_WINDOW) {
            history = new ArrayList<>(history.subList(history.size() - ApiLimits.HISTORY_WINDOW, history.size()));
        }
        return Optional.of(withHistory(after, List.copyOf(history)));
    }

    /** True when {@code entry} is already among the newest entries of {@code history}. */
    private static boolean endsWith(List<StatusHistoryEntry> history, StatusHistoryEntry entry) {
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - 4); i--) {
            if (history.get(i).equals(entry)) {
                return true;
            }
        }
        return false;
    }

    static ModelDeployment withHistory(ModelDeployment d, List<StatusHistoryEntry> history) {
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), history,
                d.modelProviderId(), d.authContext());
    }
}
