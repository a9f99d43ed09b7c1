package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;

import java.util.Objects;

/**
 * One entry of the status drop-down: a status and whether the server would accept it as the
 * next status of the version being edited; {@code reason} says why not (null when allowed).
 */
public record StatusChoice(DeploymentStatus status, boolean allowed, String reason) {

    public StatusChoice {
        Objects.requireNonNull(status, "status");
        if (allowed && reason != null) {
            throw new IllegalArgumentException("an allowed choice has no refusal reason");
        }
        if (!allowed && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a refused choice needs a reason");
        }
    }

    @Override
    public String toString() {
        return status.name();
    }
}
