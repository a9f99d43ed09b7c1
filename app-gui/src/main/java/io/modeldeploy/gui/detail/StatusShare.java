package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;

import java.time.Duration;
import java.util.Locale;

/**
 * One segment of the status strip: the time a version spent in {@code status} and its share of the
 * version's life (0..1). A null status stands for the stretch whose history is not loaded yet.
 * {@code shownTenths} is the share as shown, in tenths of a percent; {@link TimelineModel#shares}
 * rounds the segments of a strip together so that the shown percentages add up to 100.
 */
public record StatusShare(DeploymentStatus status, Duration duration, double fraction, int shownTenths) {

    /** A share rounded on its own (to a tenth of a percent). */
    public StatusShare(DeploymentStatus status, Duration duration, double fraction) {
        this(status, duration, fraction, (int) Math.round(fraction * 1000));
    }

    public boolean notLoaded() {
        return status == null;
    }

    /** False when the share rounds to 0 as shown: the legend leaves it out. */
    public boolean shown() {
        return shownTenths > 0;
    }

    /** The share as shown, e.g. "42%", "99.5%" or "0.4%"; "under 0.1%" for a share that rounds to 0. */
    public String percentText() {
        if (shownTenths == 0 && fraction > 0) {
            return "under 0.1%";
        }
        if (shownTenths % 10 == 0) {
            return shownTenths / 10 + "%";
        }
        return String.format(Locale.ROOT, "%.1f%%", shownTenths / 10.0);
    }
}
