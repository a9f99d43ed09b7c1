package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;

/** One entry of the version selector: an entity version, whether it is the newest, and its status. */
public record VersionChoice(int version, boolean latest, DeploymentStatus status) {

    static VersionChoice of(ModelDeployment deployment, boolean latest) {
        return new VersionChoice(deployment.entityVersion(), latest, deployment.status());
    }

    /** "Version 3 (latest)" or "Version 2". */
    public String label() {
        return "Version " + version + (latest ? " (latest)" : "");
    }

    @Override
    public String toString() {
        return label();
    }
}
