package io.modeldeploy.gui.detail;

import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StatusHistoryEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pure functions behind the status timeline: rows with their durations, newest first, merging a
 * fresh history window into what is shown, and the strip of time shares per status.
 */
public final class TimelineModel {

    private TimelineModel() {
    }

    /**
     * The rows for {@code chronological} (oldest first): newest first, each lasting until the next
     * newer entry; the newest is ongoing.
     */
    public static List<TimelineItem> newestFirst(List<StatusHistoryEntry> chronological) {
        return newestFirst(chronological, null);
    }

    /**
     * Like {@link #newestFirst(List)} for a stretch of history followed by newer entries: the
     * newest row of the stretch lasts until {@code untilOfNewest} (null = it is ongoing).
     */
    public static List<TimelineItem> newestFirst(List<StatusHistoryEntry> chronological, Instant untilOfNewest) {
        List<TimelineItem> rows = new ArrayList<>(chronological.size());
        Instant until = untilOfNewest;
        for (int i = chronological.size() - 1; i >= 0; i--) {
            StatusHistoryEntry entry = chronological.get(i);
            rows.add(new TimelineItem(entry, until));
            until = entry.timestamp();
        }
        return rows;
    }

    /**
     * Where {@code window} (the newest entries as a resource embeds them, oldest first) continues
     * {@code shown} (oldest first): the index in {@code window} of the first entry that is newer
     * than everything shown, or -1 when the window doesn't contain the newest shown entry (then
     * the two can't be joined and the window replaces what is shown).
     */
    public static int continuationIndex(List<StatusHistoryEntry> shown, List<StatusHistoryEntry> window) {
        if (shown.isEmpty()) {
            return -1;
        }
        StatusHistoryEntry newestShown = shown.get(shown.size() - 1);
        int at = window.lastIndexOf(newestShown);
        return at < 0 ? -1 : at + 1;
    }

    /**
     * The share of a version's life spent in each status, in the order of {@link DeploymentStatus}.
     *
     * @param chronological the loaded entries, oldest first
     * @param complete      whether {@code chronological} is the whole history of the version
     * @param createdAt     when the version was created (may be null)
     * @param current       the version's current status, used when there is no history at all
     * @param now           the end of the ongoing state
     * @return the segments with a positive share (first the not-loaded stretch, if any); their
     *         fractions add up to 1. Empty only when there is nothing to show.
     */
    public static List<StatusShare> shares(List<StatusHistoryEntry> chronological, boolean complete,
                                           Instant createdAt, DeploymentStatus current, Instant now) {
        if (chronological.isEmpty()) {
            if (current == null) {
                return List.of();
            }
            Duration life = positive(createdAt, now);
            return List.of(new StatusShare(current, life, 1.0));
        }
        Map<DeploymentStatus, Duration> byStatus = new EnumMap<>(DeploymentStatus.class);
        Duration notLoaded = Duration.ZERO;

        StatusHistoryEntry first = chronological.get(0);
        Duration lead = positive(createdAt, first.timestamp());
        if (complete) {
            // Before the first recorded entry the version was already in that entry's state.
            byStatus.merge(statusOf(first), lead, Duration::plus);
        } else {
            notLoaded = lead;
        }
        for (int i = 0; i < chronological.size(); i++) {
            StatusHistoryEntry entry = chronological.get(i);
            Instant end = i + 1 < chronological.size() ? chronological.get(i + 1).timestamp() : now;
            byStatus.merge(statusOf(entry), positive(entry.timestamp(), end), Duration::plus);
        }

        double total = seconds(notLoaded);
        for (Duration d : byStatus.values()) {
            total += seconds(d);
        }
        List<StatusShare> shares = new ArrayList<>();
        if (total <= 0) {
            // Everything happened within the same instant: the version has been in its newest state all along.
            StatusHistoryEntry newest = chronological.get(chronological.size() - 1);
            shares.add(new StatusShare(statusOf(newest), Duration.ZERO, 1.0));
            return shares;
        }
        if (!notLoaded.isZero()) {
            shares.add(new StatusShare(null, notLoaded, seconds(notLoaded) / total));
        }
        for (DeploymentStatus status : DeploymentStatus.values()) {
            Duration d = byStatus.get(status);
            if (d != null && !d.isZero()) {
                shares.add(new StatusShare(status, d, seconds(d) / total));
            }
        }
        return roundedTogether(shares);
    }

    /**
     * The shares with their shown percentages rounded so that they add up to exactly 100
     * (largest remainder). Whole percents, unless a share would show as 0% only because of that
     * precision (under 0.5% but at least 0.05%): then the strip is shown to a tenth of a percent.
     */
    static List<StatusShare> roundedTogether(List<StatusShare> shares) {
        boolean tenths = shares.stream().anyMatch(s -> s.fraction() >= 0.0005 && s.fraction() < 0.005);
        int units = tenths ? 1000 : 100;
        int[] shown = new int[shares.size()];
        Integer[] byRemainder = new Integer[shares.size()];
        int left = units;
        for (int i = 0; i < shown.length; i++) {
            shown[i] = (int) Math.floor(shares.get(i).fraction() * units);
            left -= shown[i];
            byRemainder[i] = i;
        }
        // Stable sort: of equal remainders (to rounding noise), the first segment gets the unit.
        Arrays.sort(byRemainder, Comparator.comparingLong(
                (Integer i) -> Math.round((shares.get(i).fraction() * units - shown[i]) * 1e9)).reversed());
        for (int k = 0; k < left && k < byRemainder.length; k++) {
            shown[byRemainder[k]]++;
        }
        List<StatusShare> rounded = new ArrayList<>(shares.size());
        for (int i = 0; i < shown.length; i++) {
            StatusShare share = shares.get(i);
            rounded.add(new StatusShare(share.status(), share.duration(), share.fraction(), shown[i] * (1000 / units)));
        }
        return rounded;
    }

    static DeploymentStatus statusOf(StatusHistoryEntry entry) {
        return entry.status() == null ? DeploymentStatus.UNKNOWN : entry.status();
    }

    private static Duration positive(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            return Duration.ZERO;
        }
        return Duration.between(from, to);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
