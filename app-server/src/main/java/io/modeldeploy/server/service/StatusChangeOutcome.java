package io.modeldeploy.server.service;

import io.modeldeploy.model.ModelDeployment;

/**
 * What became of one status change in a group: the deployment after it with its history snapshot,
 * or why it was refused.
 */
public record StatusChangeOutcome(ModelDeployment deployment, HistorySnapshot history, RuntimeException refusal) {

    static StatusChangeOutcome applied(ModelDeployment deployment, HistorySnapshot history) {
        return new StatusChangeOutcome(deployment, history, null);
    }

    static StatusChangeOutcome refused(RuntimeException refusal) {
        return new StatusChangeOutcome(null, null, refusal);
    }

    ModelDeployment deploymentOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return deployment;
    }
}
