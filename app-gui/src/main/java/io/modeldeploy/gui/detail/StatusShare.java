package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;

import java.time.Duration;

/**
 * One segment of the status strip: the time a version spent in {@code status} and its share of the
 * version's life (0..1). A null status stands for the stretch whose history is not loaded yet.
 */
public record StatusShare(DeploymentStatus status, Duration duration, double fraction) {

    public boolean notLoaded() {
        return status == null;
    }

    /** The share as a whole-or-one-decimal percentage, e.g. "42%" or "0.4%". */
    public String percentText() {
        double percent = fraction * 100.0;
        if (percent > 0 && percent < 1) {
            return String.format(java.util.Locale.ROOT, "%.1f%%", percent);
        }
        return Math.round(percent) + "%";
    }
}
