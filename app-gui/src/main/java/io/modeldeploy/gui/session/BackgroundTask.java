package io.modeldeploy.gui.session;

/**
 * One call started by a {@link TaskRunner}. {@link #cancel()} guarantees that neither of its
 * callbacks runs afterwards and interrupts the call if it is running. Thread-safe.
 */
public final class BackgroundTask {

    /** A task that was never started: cancelling it does nothing. */
    public static final BackgroundTask NONE = new BackgroundTask();

    static {
        NONE.cancel();
    }

    private Thread runner;
    private boolean cancelled;
    private boolean done;
    private Runnable onCancel;

    BackgroundTask() {
    }

    /** Stops the task: its outcome is dropped, and a call in progress is interrupted. */
    public synchronized void cancel() {
        if (cancelled || done) {
            cancelled = true;
            return;
        }
        cancelled = true;
        if (runner != null) {
            runner.interrupt();
        }
        if (onCancel != null) {
            onCancel.run();
        }
    }

    /**
     * Runs {@code cleanUp} on the cancelling thread if the task is cancelled before it delivered its
     * outcome (at once if it already was): for work the outcome would have finished.
     */
    public BackgroundTask onCancel(Runnable cleanUp) {
        boolean now;
        synchronized (this) {
            now = cancelled && !done;
            if (!now) {
                onCancel = cleanUp;
            }
        }
        if (now) {
            cleanUp.run();
        }
        return this;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** True once the outcome was handed to a callback, or the task was cancelled. */
    public synchronized boolean isFinished() {
        return done || cancelled;
    }

    synchronized boolean begin() {
        if (cancelled) {
            return false;
        }
        runner = Thread.currentThread();
        return true;
    }

    synchronized void end() {
        runner = null;
        // A cancel that came while the call ran may have set the interrupt flag of this pool thread.
        Thread.interrupted();
    }

    synchronized void delivered() {
        done = true;
    }
}
