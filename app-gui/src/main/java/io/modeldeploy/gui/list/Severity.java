package io.modeldeploy.gui.list;

import io.modeldeploy.model.DeploymentStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * How much a deployment version asks for attention, most first: the order the Status column sorts
 * in. A version is {@link #STUCK} when it has stayed Created, Pending or Deleting for longer than
 * {@link #STUCK_AFTER}: nothing has moved it on.
 */
public enum Severity {
    ERROR,
    LOST,
    STUCK,
    PENDING,
    CREATED,
    UNKNOWN,
    DELETING,
    READY,
    DELETED;

    /** Like Kubernetes' default progress deadline: a rollout not done in 10 minutes has stalled. */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(10);

    public static Severity of(DeploymentStatus status, Instant updatedAt, Instant now) {
        if (isStuck(status, updatedAt, now)) {
            return STUCK;
        }
        return switch (status == null ? DeploymentStatus.UNKNOWN : status) {
            case ERROR -> ERROR;
            case LOST -> LOST;
            case PENDING -> PENDING;
            case CREATED -> CREATED;
            case UNKNOWN -> UNKNOWN;
            case DELETING -> DELETING;
            case READY -> READY;
            case DELETED -> DELETED;
        };
    }

    /** Created, Pending or Deleting, unchanged for longer than {@link #STUCK_AFTER}. */
    public static boolean isStuck(DeploymentStatus status, Instant updatedAt, Instant now) {
        return stuckFrom(status, updatedAt) != null && !now.isBefore(stuckFrom(status, updatedAt));
    }

    /** When a version in {@code status} since {@code updatedAt} counts as stuck; null for a status that never does. */
    static Instant stuckFrom(DeploymentStatus status, Instant updatedAt) {
        boolean inProgress = status == DeploymentStatus.CREATED || status == DeploymentStatus.PENDING
                || status == DeploymentStatus.DELETING;
        return inProgress && updatedAt != null ? updatedAt.plus(STUCK_AFTER) : null;
    }

    /** Error, Lost and stuck: what an administrator has to look at. */
    public boolean needsAttention() {
        return this == ERROR || this == LOST || this == STUCK;
    }

    /** Worse than {@code other}: asks for attention first. */
    public boolean isWorseThan(Severity other) {
        return compareTo(other) < 0;
    }
}
