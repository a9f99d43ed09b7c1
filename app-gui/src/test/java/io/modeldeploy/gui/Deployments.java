package io.modeldeploy.gui;

import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds deployment records for view-model tests. */
public final class Deployments {

    public static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

    private Deployments() {
    }

    public static ModelDeployment of(String workspace, String name, DeploymentStatus status, String message) {
        return of(workspace, name, 1, status, message, T0);
    }

    public static ModelDeployment of(String workspace, String name, int version, DeploymentStatus status,
                                     String message, Instant updatedAt) {
        return new ModelDeployment("model-deployment-" + workspace + "-" + name + "-" + version, name, workspace,
                null, T0, updatedAt, version, "cfg", 1, status, message, List.of(), null, null, null);
    }

    /** A history entry by {@code actor} via the API. */
    public static StatusHistoryEntry entry(DeploymentStatus status, String message, Instant at, String actor) {
        return new StatusHistoryEntry(at, status, message, actor, ChangeSource.API);
    }

    /** {@code d} with this history (oldest first); status, message and updated_at follow its newest entry. */
    public static ModelDeployment withHistory(ModelDeployment d, StatusHistoryEntry... entries) {
        List<StatusHistoryEntry> history = List.of(entries);
        StatusHistoryEntry newest = history.get(history.size() - 1);
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), newest.timestamp(),
                d.entityVersion(), d.config(), d.configVersion(), newest.status(), newest.statusMessage(), history,
                d.modelProviderId(), d.authContext(), null);
    }

    /**
     * The event a server sends for a status change of {@code before}: the version after the change
     * with only the added entry in its history.
     */
    public static DeploymentEvent statusChanged(long id, ModelDeployment before, DeploymentStatus status,
                                                String message, Instant at, String actor) {
        StatusHistoryEntry added = entry(status, message, at, actor);
        ModelDeployment after = new ModelDeployment(before.id(), before.name(), before.workspace(), before.project(),
                before.createdAt(), at, before.entityVersion(), before.config(), before.configVersion(), status,
                message, List.of(added), before.modelProviderId(), before.authContext(), null);
        return new DeploymentEvent(id, DeploymentEventType.STATUS_CHANGED, before.workspace(), before.name(),
                before.entityVersion(), at, after);
    }

    /** An event of {@code type} carrying {@code deployment} as it is (its history as given). */
    public static DeploymentEvent event(long id, DeploymentEventType type, ModelDeployment deployment) {
        return new DeploymentEvent(id, type, deployment.workspace(), deployment.name(), deployment.entityVersion(),
                deployment.updatedAt(), deployment);
    }

    /** {@code before} plus the state of {@code event} as a complete resource (what a GET would answer). */
    public static ModelDeployment after(ModelDeployment before, DeploymentEvent event) {
        List<StatusHistoryEntry> history = new ArrayList<>(before.statusHistory());
        history.addAll(event.deployment().statusHistory());
        ModelDeployment d = event.deployment();
        return new ModelDeployment(d.id(), d.name(), d.workspace(), d.project(), d.createdAt(), d.updatedAt(),
                d.entityVersion(), d.config(), d.configVersion(), d.status(), d.statusMessage(), history,
                d.modelProviderId(), d.authContext(), null);
    }
}
