package io.modeldeploy.gui;

import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;

import java.time.Instant;
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
                null, T0, updatedAt, version, "cfg", 1, status, message, List.of(), null, null);
    }
}
