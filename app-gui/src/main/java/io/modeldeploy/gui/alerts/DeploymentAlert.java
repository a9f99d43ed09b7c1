package io.modeldeploy.gui.alerts;

import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.model.DeploymentStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert: a deployment version ({@code key}) moved into {@code status}, or has been in
 * {@code status} longer than its stuck limit ({@code stuck}); {@code what} says it in words
 * ("ERROR: CUDA out of memory", "stuck in PENDING for 40 min"); {@code at} is when it happened
 * (server time), {@code actor} who made the change (null when not known).
 */
public record DeploymentAlert(VersionKey key, DeploymentStatus status, boolean stuck, String what, Instant at,
                              String actor) {

    public DeploymentAlert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(at, "at");
    }

    /** "team-nlp/llama v3". */
    public String deployment() {
        return key.toString();
    }

    /** What kind of alert it is, as grouped in a toast: the status ("LOST") or "stuck". */
    public String kind() {
        return stuck ? "stuck" : status.name();
    }
}
