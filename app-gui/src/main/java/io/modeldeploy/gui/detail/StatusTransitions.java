package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the status drop-down offers, mirroring the one transition rule the server enforces
 * (see {@link DeploymentStatus#allowsTransitionTo}): a version marked for deletion (DELETING)
 * can only become DELETED. The server checks that rule before anything else, so while a version
 * is DELETING even "DELETING with a new message" is refused.
 */
public final class StatusTransitions {

    /** Shown on every status the server would refuse for a version that is DELETING. */
    public static final String MARKED_FOR_DELETION =
            "A deployment marked for deletion can only become DELETED";

    private StatusTransitions() {
    }

    /** Why the server would refuse {@code next} for a version now in {@code current}; empty when it accepts it. */
    public static Optional<String> refusalReason(DeploymentStatus current, DeploymentStatus next) {
        if (current == null || next == null) {
            return Optional.empty();
        }
        return current.allowsTransitionTo(next) ? Optional.empty() : Optional.of(MARKED_FOR_DELETION);
    }

    /** All statuses in their declared order, each marked allowed or refused for a version in {@code current}. */
    public static List<StatusChoice> choicesFrom(DeploymentStatus current) {
        return Arrays.stream(DeploymentStatus.values())
                .map(next -> refusalReason(current, next)
                        .map(reason -> new StatusChoice(next, false, reason))
                        .orElseGet(() -> new StatusChoice(next, true, null)))
                .toList();
    }
}
