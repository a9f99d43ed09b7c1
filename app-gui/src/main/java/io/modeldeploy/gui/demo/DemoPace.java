package io.modeldeploy.gui.demo;

import java.util.Optional;

/** The demo controller's paces offered in the Demo menu: how often it acts. */
public enum DemoPace {
    SLOW("Slow", 10),
    NORMAL("Normal", 3),
    FAST("Fast", 1);

    private final String label;
    private final double seconds;

    DemoPace(String label, double seconds) {
        this.label = label;
        this.seconds = seconds;
    }

    public double seconds() {
        return seconds;
    }

    /** "Slow (every 10 s)". */
    public String menuText() {
        return label + " (every " + (seconds == Math.rint(seconds) ? Long.toString((long) seconds)
                : Double.toString(seconds)) + " s)";
    }

    /** The pace with exactly these seconds; empty for a pace set otherwise (e.g. over the API). */
    public static Optional<DemoPace> of(Double seconds) {
        if (seconds == null) {
            return Optional.empty();
        }
        for (DemoPace pace : values()) {
            if (Math.abs(pace.seconds - seconds) < 1e-6) {
                return Optional.of(pace);
            }
        }
        return Optional.empty();
    }
}
