package io.modeldeploy.gui.alerts;

import io.modeldeploy.model.DeploymentStatus;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which changes raise an alert (View ▸ Notification rules…): a move into one of {@code statuses},
 * a deployment becoming stuck ({@code stuck}), in every workspace or only in {@code workspaces};
 * {@code desktop} also sends each toast to the desktop's notifications.
 */
public record AlertRules(Set<DeploymentStatus> statuses, boolean allWorkspaces, Set<String> workspaces,
                         boolean stuck, boolean desktop) {

    /** Error and Lost, stuck deployments, every workspace, desktop notifications on. */
    public static final AlertRules DEFAULT = new AlertRules(EnumSet.of(DeploymentStatus.ERROR, DeploymentStatus.LOST),
            true, Set.of(), true, true);

    public AlertRules {
        statuses = statuses == null || statuses.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(DeploymentStatus.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        workspaces = workspaces == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(workspaces));
    }

    /** Whether a move into {@code status} raises an alert (workspace aside). */
    public boolean watches(DeploymentStatus status) {
        return status != null && statuses.contains(status);
    }

    /** Whether changes in {@code workspace} raise alerts. */
    public boolean watchesWorkspace(String workspace) {
        return allWorkspaces || workspaces.contains(Objects.requireNonNullElse(workspace, ""));
    }
}
