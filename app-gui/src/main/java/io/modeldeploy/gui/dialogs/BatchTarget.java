package io.modeldeploy.gui.dialogs;

import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.model.DeploymentStatus;

import java.util.Objects;

/**
 * One line of the status batch preview: a version, its status now and after the batch, and what the
 * server would do with it ({@link Outcome}); {@code reason} says why it would refuse (null otherwise).
 */
public record BatchTarget(VersionKey version, DeploymentStatus current, DeploymentStatus next, Outcome outcome,
                          String reason) {

    /** What the batch would do to one target. */
    public enum Outcome {
        /** Its status, message or provider reference changes. */
        CHANGES,
        /** Same status and message already: reported, nothing written. */
        UNCHANGED,
        /** The server would refuse it, and with it the whole batch. */
        REFUSED
    }

    public BatchTarget {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.REFUSED) != (reason != null)) {
            throw new IllegalArgumentException("a reason exactly for a refused target");
        }
    }

    /** "workspace/name v3". */
    public String label() {
        return version.toString();
    }
}
