package io.modeldeploy.server.api;

import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.FieldRule;
import io.modeldeploy.server.error.RequestValidationException;
import io.modeldeploy.model.ValidationError;

import java.util.List;
import java.util.Map;

final class PathSegments {
    private PathSegments() {
    }

    /** A workspace is created by its first deployment, so its name must follow the name rule. */
    static void requireWorkspaceName(String workspace) {
        if (!FieldRule.WORKSPACE.accepts(workspace) || ApiLimits.ALL_WORKSPACES.equals(workspace)) {
            throw new RequestValidationException(new ValidationError("string_pattern_mismatch",
                    List.of("path", "workspace"),
                    "Workspace names use letters, digits, '_', '-' and '.' (at most " + FieldRule.WORKSPACE.maxLength()
                            + " characters); '-' alone means all workspaces and cannot hold deployments",
                    workspace, Map.of("pattern", FieldRule.WORKSPACE.regex())));
        }
    }
}
