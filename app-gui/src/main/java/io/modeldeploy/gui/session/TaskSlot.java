package io.modeldeploy.gui.session;

import java.util.function.Consumer;

/**
 * The one running task of a kind (loading the list, reading the shown version, …): starting a
 * new one cancels the one before, whose answer could only be stale. Use it on the UI thread.
 */
public final class TaskSlot {

    private final TaskRunner runner;
    private BackgroundTask current = BackgroundTask.NONE;

    public TaskSlot(TaskRunner runner) {
        this.runner = runner;
    }

    /** Cancels the task in this slot, if any, and starts {@code call} in its place. */
    public <T> BackgroundTask run(TaskRunner.Call<T> call, Consumer<? super T> onSuccess,
                                  Consumer<? super io.modeldeploy.gui.api.ApiException> onFailure) {
        current.cancel();
        // The slot holds the task before it starts: a direct runner answers at once, and an answer
        // may start the next task of this slot.
        BackgroundTask task = new BackgroundTask();
        current = task;
        runner.start(task, call, onSuccess, onFailure);
        return task;
    }

    /** Cancels the task in this slot, if any. */
    public void cancel() {
        current.cancel();
    }

    /** True while the task of this slot has not delivered its outcome and was not cancelled. */
    public boolean isRunning() {
        return !current.isFinished();
    }
}
