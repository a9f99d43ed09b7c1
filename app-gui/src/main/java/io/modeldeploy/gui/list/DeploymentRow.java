package io.modeldeploy.gui.list;

import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the deployment list: the latest version of a deployment plus what filtering needs,
 * computed once (the key and the lower-cased search text), so that filtering 10,000 rows stays cheap.
 */
public final class DeploymentRow {

    private final ModelDeployment deployment;
    private final String key;
    private final String searchText;

    public DeploymentRow(ModelDeployment deployment) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.key = keyOf(deployment.workspace(), deployment.name());
        String message = deployment.statusMessage() == null ? "" : deployment.statusMessage();
        this.searchText = (deployment.name() + "\n" + message).toLowerCase(Locale.ROOT);
    }

    /** {@code workspace/name}: identifies a deployment across workspaces. */
    public static String keyOf(String workspace, String name) {
        return workspace + "/" + name;
    }

    public ModelDeployment deployment() {
        return deployment;
    }

    public String key() {
        return key;
    }

    /** Lower-cased name and status message. */
    String searchText() {
        return searchText;
    }

    public String workspace() {
        return deployment.workspace();
    }

    public String name() {
        return deployment.name();
    }

    public int version() {
        return deployment.entityVersion();
    }

    public DeploymentStatus status() {
        return deployment.status() == null ? DeploymentStatus.UNKNOWN : deployment.status();
    }

    public String message() {
        return deployment.statusMessage() == null ? "" : deployment.statusMessage();
    }

    public Instant updatedAt() {
        return deployment.updatedAt();
    }

    public String modelProviderId() {
        return deployment.modelProviderId();
    }

    @Override
    public String toString() {
        return key + " v" + version() + " " + status();
    }
}
