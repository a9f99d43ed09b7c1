package io.modeldeploy.gui.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Turns new alerts into toasts: at most one toast per {@link #WINDOW}, and the alerts that arrive
 * meanwhile grouped into it, so a node failure gives one "12 deployments LOST" instead of twelve.
 * The first alert after a quiet spell waits {@link #GATHER} for the rest of its burst. Time comes
 * from the clock and the waits from the scheduler, both given (the FX timeline in the console,
 * hand-run ones in tests). For one thread (the FX thread).
 */
public final class ToastQueue {

    /** At most one toast in this much time. */
    public static final Duration WINDOW = Duration.ofSeconds(1);
    /** How long a first alert waits for the others that arrive with it. */
    public static final Duration GATHER = Duration.ofMillis(250);

    /** Runs an action after a delay, on the queue's thread; the returned handle cancels it. */
    @FunctionalInterface
    public interface Scheduler {
        Runnable schedule(Duration delay, Runnable action);
    }

    private final Clock clock;
    private final Scheduler scheduler;
    private final List<Consumer<Toast>> listeners = new CopyOnWriteArrayList<>();
    private final List<DeploymentAlert> pending = new ArrayList<>();
    private Instant lastShown;
    private Runnable cancelFlush;

    public ToastQueue(Clock clock, Scheduler scheduler) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Told of each toast to show. */
    public void addListener(Consumer<Toast> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** New alerts, oldest first: they go into the next toast. */
    public void offer(List<DeploymentAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        pending.addAll(alerts);
        if (cancelFlush == null) {
            Duration delay = GATHER;
            if (lastShown != null) {
                Duration windowLeft = WINDOW.minus(Duration.between(lastShown, clock.instant()));
                if (windowLeft.compareTo(delay) > 0) {
                    delay = windowLeft;
                }
            }
            cancelFlush = scheduler.schedule(delay, this::flush);
        }
    }

    private void flush() {
        cancelFlush = null;
        if (pending.isEmpty()) {
            return;
        }
        Toast toast = Toast.of(pending);
        pending.clear();
        lastShown = clock.instant();
        listeners.forEach(listener -> listener.accept(toast));
    }

    /** Drops what is waiting (the console leaves this server). */
    public void close() {
        if (cancelFlush != null) {
            cancelFlush.run();
            cancelFlush = null;
        }
        pending.clear();
    }
}
