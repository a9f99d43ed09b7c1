package io.modeldeploy.server.service;

import io.micronaut.context.annotation.Value;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.server.error.HttpErrorException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit of status updates. Callers queue their change and wait; one committer thread
 * applies everything queued so far in one transaction, so a burst of N updates costs one durable
 * commit instead of N (the commit, a synchronous write of the database file, is what dominates a
 * lone update). Each caller is answered only after the transaction holding its change committed.
 * If that shared transaction fails as a whole, every change of the group is retried alone, so
 * one bad change cannot take the others down with it.
 */
@Singleton
public class StatusUpdateCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusUpdateCommitter.class);
    private static final long POLL_MILLIS = 200;

    private final DeploymentService deployments;
    private final HistoryWindowCache historyCache;
    private final int maxGroupSize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean closed;

    public StatusUpdateCommitter(DeploymentService deployments, HistoryWindowCache historyCache,
                                 @Value("${modeldeploy.group-commit.max-size:256}") int maxGroupSize) {
        this.deployments = deployments;
        this.historyCache = historyCache;
        this.maxGroupSize = Math.max(1, maxGroupSize);
        this.committer = new Thread(this::commitLoop, "status-group-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** Applies one change (see {@link DeploymentService#updateStatuses}) and answers once it is durable. */
    public ModelDeployment apply(StatusChange change) {
        // Read outside the group's transaction, in the caller's thread: usually still current when
        // the change is applied, and then the committer need not read the history itself.
        HistorySnapshot readBefore = deployments.readHistory(change.workspace(), change.name(), change.version());
        Pending pending = new Pending(change, readBefore);
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            throw shuttingDown();
        }
        try {
            return pending.result.get().deploymentOrThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the status update to commit", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        }
    }

    /**
     * Applies a status batch all or none (see {@link DeploymentService#updateStatusesAtomically}) and
     * answers once it is durable. Not queued: a batch is one transaction of its own, in the caller's
     * thread, since a refused target must roll back only the batch and not the changes grouped with it.
     */
    public List<ModelDeployment> applyAtomically(List<StatusChange> changes) {
        if (closed) {
            throw shuttingDown();
        }
        List<StatusChangeOutcome> outcomes = deployments.updateStatusesAtomically(changes);
        outcomes.forEach(outcome -> historyCache.put(outcome.history()));
        return outcomes.stream().map(StatusChangeOutcome::deployment).toList();
    }

    private void commitLoop() {
        List<Pending> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            Pending first;
            try {
                // Polled, not interrupted on close: an interrupt inside JDBC work could close the database file.
                first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            group.add(first);
            queue.drainTo(group, maxGroupSize - 1);
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Pending> group) {
        List<StatusChangeOutcome> outcomes;
        try {
            outcomes = deployments.updateStatuses(group.stream().map(Pending::change).toList(),
                    group.stream().map(Pending::readBefore).toList());
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(groupFailure);
                return;
            }
            LOG.warn("A group of {} status updates failed to commit ({}); applying them one by one",
                    group.size(), groupFailure.toString());
            group.forEach(this::commitAlone);
            return;
        }
        complete(group, outcomes);
    }

    /** Committed: the new history windows may be cached now, and every caller answered. */
    private void complete(List<Pending> group, List<StatusChangeOutcome> outcomes) {
        for (int i = 0; i < group.size(); i++) {
            StatusChangeOutcome outcome = outcomes.get(i);
            if (outcome.history() != null) {
                historyCache.put(outcome.history());
            }
            group.get(i).result.complete(outcome);
        }
    }

    private void commitAlone(Pending pending) {
        try {
            complete(List.of(pending), deployments.updateStatuses(List.of(pending.change()),
                    Collections.singletonList(pending.readBefore())));
        } catch (RuntimeException e) {
            pending.result.completeExceptionally(e);
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        closed = true;
        committer.join(5_000);
        Pending left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(shuttingDown());
        }
    }

    private static HttpErrorException shuttingDown() {
        return HttpErrorException.serviceUnavailable("The server is shutting down; the status update was not applied");
    }

    private record Pending(StatusChange change, HistorySnapshot readBefore,
                           CompletableFuture<StatusChangeOutcome> result) {
        Pending(StatusChange change, HistorySnapshot readBefore) {
            this(change, readBefore, new CompletableFuture<>());
        }
    }
}
