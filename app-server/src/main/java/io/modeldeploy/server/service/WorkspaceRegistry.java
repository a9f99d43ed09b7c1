package io.modeldeploy.server.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.modeldeploy.server.persistence.WorkspaceRepository;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Workspaces come into being with their first deployment. */
@Singleton
public class WorkspaceRegistry {
    private final WorkspaceRepository workspaces;
    private final Clock clock;

    public WorkspaceRegistry(WorkspaceRepository workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * Makes sure the workspace exists, committed in a transaction of its own so that concurrent
     * first deployments of a new workspace do not fail: whoever loses the insert race finds the
     * winner's row.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void ensureExists(String workspace) {
        if (workspaces.exists(workspace)) {
            return;
        }
        try {
            workspaces.insert(workspace, clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (DataAccessException e) {
            if (!workspaces.exists(workspace)) {
                throw e;
            }
        }
    }

    public boolean exists(String workspace) {
        return workspaces.exists(workspace);
    }
}
