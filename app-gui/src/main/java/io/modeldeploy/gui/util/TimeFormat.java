package io.modeldeploy.gui.util;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How the console writes times: relative ("just now", "3 min ago", "2 h ago", "5 d ago"),
 * exact with the name of its time zone ("2026-12-04 10:05:12 CET"; local, or UTC when View ▸ Times in
 * UTC is on), and durations ("2 h 5 min").
 * Missing values are shown as an em dash.
 */
public final class TimeFormat {

    /** Shown for a missing time. */
    public static final String NONE = "\u2014";

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_AND_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final long RELATIVE_DAYS_LIMIT = 30;

    private static volatile Clock clock = Clock.systemDefaultZone();
    /** View ▸ Times in UTC; read on the FX thread, where every exact time is written. */
    private static final BooleanProperty utc = new SimpleBooleanProperty(TimeFormat.class, "utc", false);

    private TimeFormat() {
    }

    /** For tests: the clock "now" and the local zone come from. */
    public static void useClock(Clock newClock) {
        clock = newClock == null ? Clock.systemDefaultZone() : newClock;
    }

    public static Clock clock() {
        return clock;
    }

    /** {@code time} relative to now. */
    public static String relative(Instant time) {
        return relative(time, clock.instant());
    }

    /**
     * {@code time} relative to {@code now}: under a minute "just now", then "N min ago", "N h ago",
     * "N d ago" up to 30 days, and the local date after that. Times in the future (clock skew)
     * read "in N min" etc.
     */
    public static String relative(Instant time, Instant now) {
        if (time == null) {
            return NONE;
        }
        Duration age = Duration.between(time, now);
        boolean future = age.isNegative();
        long seconds = Math.abs(age.getSeconds());
        if (seconds < 60) {
            return "just now";
        }
        String amount;
        if (seconds < 3600) {
            amount = (seconds / 60) + " min";
        } else if (seconds < 86_400) {
            amount = (seconds / 3600) + " h";
        } else if (seconds / 86_400 <= RELATIVE_DAYS_LIMIT) {
            amount = (seconds / 86_400) + " d";
        } else {
            return DATE.format(time.atZone(clock.getZone()));
        }
        return future ? "in " + amount : amount + " ago";
    }

    /**
     * {@code time} relative to now while the data is only known to be current up to {@code asOf}
     * (the server is not reachable): what would read "just now" reads "as of 10:05" instead.
     */
    public static String relativeAsOf(Instant time, Instant asOf) {
        return relativeAsOf(time, asOf, clock.instant());
    }

    public static String relativeAsOf(Instant time, Instant asOf, Instant now) {
        if (time != null && Duration.between(time, now).abs().getSeconds() < 60) {
            return "as of " + minutes(asOf, clock.getZone());
        }
        return relative(time, now);
    }

    /** True while exact times are shown in UTC instead of the local time zone. */
    public static BooleanProperty utcProperty() {
        return utc;
    }

    /** The zone times are shown in: UTC while {@link #utcProperty()} is set, else {@code local}. */
    public static ZoneId shown(ZoneId local) {
        return utc.get() ? UTC : local;
    }

    /** "10:05:12" in the zone times are shown in ({@code local} unless UTC is chosen). */
    public static String clockTime(Instant time, ZoneId local) {
        return SECONDS.format(time.atZone(shown(local)));
    }

    /** "10:05" in the zone times are shown in ({@code local} unless UTC is chosen). */
    public static String minutes(Instant time, ZoneId local) {
        return MINUTES.format(time.atZone(shown(local)));
    }

    /**
     * "10:05" for a time of today, else "2026-12-03 10:05", in the zone times are shown in (the
     * local one of the clock unless UTC is chosen).
     */
    public static String minutesOrDate(Instant time) {
        if (time == null) {
            return NONE;
        }
        ZoneId zone = shown(clock.getZone());
        boolean today = time.atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return (today ? MINUTES : DATE_AND_MINUTES).format(time.atZone(zone));
    }

    /** The exact date and time in the chosen zone, named: {@code 2026-07-01 14:03:27 CEST} or {@code ... UTC}. */
    public static String exact(Instant time) {
        return exact(time, shown(clock.getZone()));
    }

    public static String exact(Instant time, ZoneId zone) {
        return time == null ? NONE : EXACT.format(time.atZone(zone));
    }

    /** Exact time plus the relative one, for tooltips: {@code 2026-07-01 14:03:27 (3 min ago)}. */
    public static String exactWithRelative(Instant time) {
        return time == null ? NONE : exact(time) + " (" + relative(time) + ")";
    }

    /**
     * A duration with its two largest units, zero parts left out: "45 s", "3 min 20 s",
     * "2 h 5 min", "2 h", "3 d 4 h". Negative durations are shown by their size.
     */
    public static String duration(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        long total = Math.abs(duration.getSeconds());
        if (total < 60) {
            if (total == 0 && duration.abs().toMillis() > 0) {
                return duration.abs().toMillis() + " ms";
            }
            return total + " s";
        }
        long days = total / 86_400;
        long hours = (total % 86_400) / 3600;
        long minutes = (total % 3600) / 60;
        long seconds = total % 60;
        if (days > 0) {
            return join(days, "d", hours, "h");
        }
        if (hours > 0) {
            return join(hours, "h", minutes, "min");
        }
        return join(minutes, "min", seconds, "s");
    }

    /**
     * How long something has lasted, to the minute: "under 1 min", "47 min", "2 h 5 min", "3 d 4 h"
     * (the console refreshes such texts every few seconds, not every second).
     */
    public static String elapsed(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        Duration size = duration.abs();
        return size.getSeconds() < 60 ? "under 1 min" : duration(size.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    private static String join(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + " " + bigUnit : big + " " + bigUnit + " " + small + " " + smallUnit;
    }
}
