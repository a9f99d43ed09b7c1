package io.modeldeploy.server.webhooks;

import io.modeldeploy.model.DeploymentStatus;

import java.net.URI;
import java.util.Set;

/**
 * One receiver of webhooks ({@code MODELDEPLOY_WEBHOOKS}): where to POST, the secret that signs the
 * body, and which changes it wants. Empty {@code statuses} or {@code workspaces} mean all.
 *
 * @param stuck whether it is also told when a deployment stays in a status longer than its stuck limit
 */
public record WebhookEndpoint(String name, URI url, String secret, Set<DeploymentStatus> statuses,
                              Set<String> workspaces, boolean stuck) {

    public WebhookEndpoint {
        statuses = Set.copyOf(statuses);
        workspaces = Set.copyOf(workspaces);
    }

    /** Whether a version of {@code workspace} that moved into {@code status} is reported here. */
    public boolean wants(String workspace, DeploymentStatus status) {
        return (statuses.isEmpty() || statuses.contains(status)) && wantsWorkspace(workspace);
    }

    /** Whether a stuck version of {@code workspace} is reported here (whatever its status: stuck is its own rule). */
    public boolean wantsStuck(String workspace) {
        return stuck && wantsWorkspace(workspace);
    }

    private boolean wantsWorkspace(String workspace) {
        return workspaces.isEmpty() || workspaces.contains(workspace);
    }

    /**
     * Where it points, fit for a log line or an error: scheme, host and port only. Webhook URLs often
     * carry a token in the path, the query or the user part, none of which may be written anywhere.
     */
    public String safeTarget() {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getScheme() + "://" + url.getHost() + ":" + port;
    }

    /** Never the URL or the secret: a record's default text would print both. */
    @Override
    public String toString() {
        return "WebhookEndpoint[" + name + " -> " + safeTarget() + "]";
    }
}
