package io.modeldeploy.gui.session;

import io.modeldeploy.model.ModelDeployment;

/** One version of a deployment: workspace, name and version number. */
public record VersionKey(String workspace, String name, int version) {

    public static VersionKey of(ModelDeployment deployment) {
        return new VersionKey(deployment.workspace(), deployment.name(), deployment.entityVersion());
    }

    public DeploymentKey deployment() {
        return new DeploymentKey(workspace, name);
    }

    /** "workspace/name v3". */
    @Override
    public String toString() {
        return workspace + "/" + name + " v" + version;
    }
}
