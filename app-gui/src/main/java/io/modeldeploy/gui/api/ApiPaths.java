package io.modeldeploy.gui.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The paths of the server's resources below its base URL, path segments percent-encoded. */
public final class ApiPaths {

    /** The ModelDeploy API. */
    public static final String MODELS = "/apis/models/v2";
    /** The console's own extension API (demo mode). */
    public static final String DEMO = "/apis/modeldeploy/v1/demo";
    /** Who the server takes this client for (the console's extension API). */
    public static final String WHOAMI = "/apis/modeldeploy/v1/whoami";
    /** Status changes of many versions in one transaction (the console's extension API). */
    public static final String STATUS_BATCHES = "/apis/modeldeploy/v1/status-batches";
    /** What needs attention and the server's stuck limits (the console's extension API). */
    public static final String ATTENTION = "/apis/modeldeploy/v1/attention";
    /** The fleet's status history for a time range, streamed (the console's extension API). */
    public static final String HISTORY_EXPORT = "/apis/modeldeploy/v1/history-export";
    /** The health check; needs no token. */
    public static final String HEALTH = "/health";

    private ApiPaths() {
    }

    /** The deployments of {@code workspace} ({@code "-"}: every workspace). */
    public static String deployments(String workspace) {
        return MODELS + "/workspaces/" + segment(workspace) + "/deployments";
    }

    /** One deployment (its latest version; {@code /versions/...} below it for the others). */
    public static String deployment(String workspace, String name) {
        return deployments(workspace) + "/" + segment(name);
    }

    /** The event stream of {@code workspace} ({@code "-"}: every workspace). */
    public static String deploymentEvents(String workspace) {
        return MODELS + "/workspaces/" + segment(workspace) + "/deployment-events";
    }

    /** Percent-encodes one path segment (spaces as %20, '/' encoded, '-' '.' '_' kept). */
    public static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
