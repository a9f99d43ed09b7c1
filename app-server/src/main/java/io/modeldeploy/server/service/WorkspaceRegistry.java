package io.modeldeploy.server.service;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.modeldeploy.server.persistence.WorkspaceRepository;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Workspaces come into being with their first deployment. */
@Singleton
public class WorkspaceRegistry {
    private final WorkspaceRepository workspaces;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public WorkspaceRegistry(WorkspaceRepository workspaces, TransactionOperations<Connection> transactions,
                             Clock clock) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Makes sure the workspace exists, committed in a transaction of its own so that concurrent
     * first deployments of a new workspace do not fail: whoever loses the insert race finds the
     * winner's row. The loser looks in a new transaction: on PostgreSQL a failed statement spoils
     * the rest of its transaction.
     */
    public void ensureExists(String workspace) {
        if (exists(workspace)) {
            return;
        }
        try {
            transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                    status -> {
                        workspaces.insert(workspace, clock.instant().truncatedTo(ChronoUnit.MICROS));
                        return null;
                    });
        } catch (DataAccessException e) {
            if (!exists(workspace)) {
                throw e;
            }
        }
    }

    public boolean exists(String workspace) {
        return workspaces.exists(workspace);
    }
}
