package io.modeldeploy.gui.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock the test moves, and a scheduler whose waits run when the test moves it past them. */
final class ManualTime extends Clock implements ToastQueue.Scheduler {

    private record Wait(Instant due, Runnable action, long order) {
    }

    private Instant now = Instant.parse("2026-07-02T09:00:00Z");
    private final List<Wait> waits = new ArrayList<>();
    private long order;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public Runnable schedule(Duration delay, Runnable action) {
        Wait wait = new Wait(now.plus(delay), action, order++);
        waits.add(wait);
        return () -> waits.remove(wait);
    }

    /** Moves time on, running each wait that falls due on the way, at its moment. */
    void advance(Duration step) {
        Instant end = now.plus(step);
        while (true) {
            Wait next = waits.stream().filter(w -> !w.due().isAfter(end))
                    .min(Comparator.comparing(Wait::due).thenComparingLong(Wait::order)).orElse(null);
            if (next == null) {
                break;
            }
            waits.remove(next);
            now = next.due().isAfter(now) ? next.due() : now;
            next.action().run();
        }
        now = end;
    }

    int waiting() {
        return waits.size();
    }
}
