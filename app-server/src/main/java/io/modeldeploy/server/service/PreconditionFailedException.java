package io.modeldeploy.server.service;

import io.modeldeploy.model.ModelDeployment;

/** An If-Match named a state the deployment version is no longer in; carries the current state. */
public final class PreconditionFailedException extends RuntimeException {
    private final transient ModelDeployment current;

    public PreconditionFailedException(ModelDeployment current) {
        super("The deployment changed since the given ETag", null, false, false);
        this.current = current;
    }

    public ModelDeployment current() {
        return current;
    }
}
