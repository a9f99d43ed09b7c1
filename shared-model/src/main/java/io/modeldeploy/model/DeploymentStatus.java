package io.modeldeploy.model;

import io.micronaut.serde.annotation.Serdeable;

/** Lifecycle status of one deployment version, as in NeMo's {@code ModelDeploymentStatus}. */
@Serdeable
public enum DeploymentStatus {
    UNKNOWN,
    CREATED,
    PENDING,
    READY,
    ERROR,
    DELETING,
    DELETED,
    LOST;

    /**
     * The one transition rule the server enforces: a version marked for deletion may only
     * become DELETED.
     */
    public boolean allowsTransitionTo(DeploymentStatus next) {
        return this != DELETING || next == DELETED;
    }
}
