package io.modeldeploy.gui.session;

import io.modeldeploy.gui.api.ApiException;
import javafx.application.Platform;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs blocking API calls off the FX thread and hands their outcome back on it, each as a
 * {@link BackgroundTask} that can be cancelled: a cancelled task's callbacks never run, and a call
 * still running is interrupted (the HTTP client gives up the request). A {@link TaskSlot} holds
 * the one task of a kind a view-model has running: a new one cancels the one it supersedes, so no
 * view-model counts "generations" to drop stale answers.
 *
 * <p>The application uses a small daemon pool and {@link Platform#runLater}; view-model tests use
 * {@link #direct()} (everything at once, on the calling thread) or an executor that runs calls
 * only when the test says, so that it can interleave answers as it likes.
 */
public final class TaskRunner {

    /** A blocking call that may fail with an {@link ApiException}. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws ApiException;
    }

    private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());

    private final Executor background;
    private final Executor ui;

    public TaskRunner(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Background work on {@code background}, outcomes on the FX application thread. */
    public static TaskRunner onFx(Executor background) {
        return new TaskRunner(background, Platform::runLater);
    }

    /** Everything on the calling thread, at once: for tests of view-models. */
    public static TaskRunner direct() {
        return new TaskRunner(Runnable::run, Runnable::run);
    }

    /** The console's worker pool: a few daemon threads, so they never keep the JVM alive. */
    public static ExecutorService newWorkerPool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "modeldeploy-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Executor ui() {
        return ui;
    }

    /**
     * Runs {@code call} in the background, then {@code onSuccess} or {@code onFailure} on the UI
     * executor unless the task was cancelled first. An unexpected runtime failure is reported as an
     * {@link ApiException} with status 0.
     */
    public <T> BackgroundTask run(Call<T> call, Consumer<? super T> onSuccess, Consumer<? super ApiException> onFailure) {
        BackgroundTask task = new BackgroundTask();
        start(task, call, onSuccess, onFailure);
        return task;
    }

    <T> void start(BackgroundTask task, Call<T> call, Consumer<? super T> onSuccess,
                   Consumer<? super ApiException> onFailure) {
        try {
            background.execute(() -> work(task, call, onSuccess, onFailure));
        } catch (RejectedExecutionException e) {
            // The worker pool is shut down: the console is closing, nobody waits for the answer.
            LOG.log(System.Logger.Level.DEBUG, "Background call dropped: workers are shut down");
            task.cancel();
        }
    }

    private <T> void work(BackgroundTask task, Call<T> call, Consumer<? super T> onSuccess,
                          Consumer<? super ApiException> onFailure) {
        if (!task.begin()) {
            return;
        }
        T result;
        try {
            result = call.call();
        } catch (ApiException e) {
            task.end();
            deliver(task, () -> onFailure.accept(e));
            return;
        } catch (RuntimeException e) {
            task.end();
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure in a background call", e);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ApiException wrapped = new ApiException(0, "Unexpected error: " + why, List.of(), e);
            deliver(task, () -> onFailure.accept(wrapped));
            return;
        }
        task.end();
        deliver(task, () -> onSuccess.accept(result));
    }

    private void deliver(BackgroundTask task, Runnable outcome) {
        if (task.isCancelled()) {
            return;
        }
        ui.execute(() -> {
            // Cancelled while the outcome was on its way to the UI thread: still dropped.
            if (!task.isCancelled()) {
                task.delivered();
                outcome.run();
            }
        });
    }
}
