package io.modeldeploy.gui.session;

import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts about the copies of deployment versions the console holds, and how a stream event turns
 * the copy held into the next one. An event carries the version after the change, but its
 * {@code status_history} holds only the entry that change added; joined with the copy held, it is
 * a complete resource again (newest {@value ApiLimits#HISTORY_WINDOW} entries, oldest first).
 */
public final class DeploymentCopies {

    private DeploymentCopies() {
    }

    /** True when both are the same version of the same deployment (same id, same number). */
    public static boolean sameVersion(ModelDeployment a, ModelDeployment b) {
        return a != null && b != null && Objects.equals(a.id(), b.id()) && a.entityVersion() == b.entityVersion()
                && Objects.equals(a.workspace(), b.workspace()) && Objects.equals(a.name(), b.name());
    }

    /** The entity tag of a version's state, or null when it has no {@code updated_at} to compute one from. */
    public static String etagOf(ModelDeployment deployment) {
        if (deployment == null || deployment.id() == null || deployment.updatedAt() == null) {
            return null;
        }
        return deployment.etag();
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
     * The version after {@code event} (of a status change, deletion, new deployment or new version):
     * <ul>
     *   <li>{@code held} itself when the event is not newer than it (a duplicate or a replay);</li>
     *   <li>for a new deployment or version, the event's copy as it is (its one entry is all of its history);</li>
     *   <li>the event's copy with {@code held}'s history plus the entry the event added;</li>
     *   <li>the event's copy without history when no copy with history of this version is held: one
     *       entry on its own would pass for all of it.</li>
     * </ul>
     */
    public static ModelDeployment join(ModelDeployment held, DeploymentEvent event) {
        ModelDeployment after = event.deployment();
        boolean complete = event.type() == DeploymentEventType.CREATED
                || event.type() == DeploymentEventType.VERSION_CREATED;
        boolean heldUsable = held != null && sameVersion(held, after);
        if (heldUsable && !Freshness.isNewer(after, held)) {
            return held;
        }
        if (complete) {
            return after;
        }
        if (!heldUsable || !hasHistory(held)) {
            return withHistory(after, List.of());
        }
        List<StatusHistoryEntry> history = new ArrayList<>(held.statusHistory());
        List<StatusHistoryEntry> added = after.statusHistory() == null ? List.of() : after.statusHistory();
        for (StatusHistoryEntry entry : added) {
            if (!endsWith(history, entry)) {
                history.add(entry);
            }
        }
        if (history.size() > ApiLimits.HISTORY_WINDOW) {
            history = new ArrayList<>(history.subList(history.size() - ApiLimits.HISTORY_WINDOW, history.size()));
        }
        return withHistory(after, List.copyOf(history));
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

    public static ModelDeployment withHistory(ModelDeployment d, List<StatusHistoryEntry> history) {
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), history,
                d.modelProviderId(), d.authContext(), d.statusSince());
    }
}
