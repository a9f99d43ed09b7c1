package io.modeldeploy.gui.session;

import io.modeldeploy.model.ModelDeployment;

import java.time.Instant;
import java.util.Objects;

/**
 * The one rule for which of two copies of a deployment version is newer. Every part of the console
 * that holds copies (the store, and through it the list, detail, editor and timeline) decides by
 * it.
 *
 * <ul>
 *   <li>Copies of the same version ({@code id} and number equal): the server keeps
 *       {@code updated_at} strictly increasing per version, so the one updated later is newer; a
 *       copy without {@code updated_at} is older than any copy with one; equal times are the same
 *       state.</li>
 *   <li>Copies with different ids under the same workspace, name and number: the deployment was
 *       deleted and created again; the one created later is newer (no {@code created_at} = older).</li>
 * </ul>
 * Of two copies of the same state, the one that carries its history is preferred.
 */
public final class Freshness {

    private Freshness() {
    }

    /** True when {@code a} is a later state than {@code b} (copies of one version key). */
    public static boolean isNewer(ModelDeployment a, ModelDeployment b) {
        if (!Objects.equals(a.id(), b.id())) {
            return later(a.createdAt(), b.createdAt());
        }
        return later(a.updatedAt(), b.updatedAt());
    }

    /**
     * Which copy to keep when {@code incoming} arrives while {@code held} is held (either may be
     * null): the newer one; for the same state the one with history, else the one held.
     */
    public static ModelDeployment preferred(ModelDeployment held, ModelDeployment incoming) {
        if (held == null) {
            return incoming;
        }
        if (incoming == null || isNewer(held, incoming)) {
            return held;
        }
        if (isNewer(incoming, held)) {
            return incoming;
        }
        return !DeploymentCopies.hasHistory(held) && DeploymentCopies.hasHistory(incoming) ? incoming : held;
    }

    private static boolean later(Instant a, Instant b) {
        return a != null && (b == null || a.isAfter(b));
    }
}
