package io.modeldeploy.gui.session;

import io.modeldeploy.model.ModelDeployment;

/** A deployment, all of its versions: workspace and name. */
public record DeploymentKey(String workspace, String name) {

    public static DeploymentKey of(ModelDeployment deployment) {
        return new DeploymentKey(deployment.workspace(), deployment.name());
    }

    public VersionKey version(int number) {
        return new VersionKey(workspace, name, number);
    }

    /** "workspace/name". */
    @Override
    public String toString() {
        return workspace + "/" + name;
    }
}
