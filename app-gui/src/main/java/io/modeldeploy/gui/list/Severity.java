package io.modeldeploy.gui.list;

import io.modeldeploy.gui.session.AttentionRule.Attention;
import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;

/**
 * How much a deployment version asks for attention, most first: the order the Status column sorts
 * in. A version is {@link #STUCK} when the {@linkplain io.modeldeploy.gui.session.AttentionRule
 * attention rule} says so: longer in its status than the server's limit for it.
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

    /** The severity of a version in {@code status}, given what the attention rule said of it (null: nothing). */
    public static Severity of(DeploymentStatus status, Attention attention) {
        if (attention != null && attention.reason() == AttentionReason.STUCK) {
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

    /** Error, Lost and stuck: what an administrator has to look at. */
    public boolean needsAttention() {
        return this == ERROR || this == LOST || this == STUCK;
    }

    /** Worse than {@code other}: asks for attention first. */
    public boolean isWorseThan(Severity other) {
        return compareTo(other) < 0;
    }
}
