package io.modeldeploy.gui.util;

import io.modeldeploy.gui.api.ApiException;
import javafx.application.Platform;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs blocking API calls off the FX thread and hands their results back on it. View-models get
 * one of these injected: the application uses a small daemon thread pool and
 * {@link Platform#runLater}; unit tests use {@link #direct()} so everything happens synchronously.
 */
public final class Async {

    /** A blocking call that may fail with an {@link ApiException}. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws ApiException;
    }

    private static final System.Logger LOG = System.getLogger(Async.class.getName());

    private final Executor background;
    private final Executor ui;

    public Async(Executor background, Executor ui) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Background work on {@code background}, results on the FX application thread. */
    public static Async onFx(Executor background) {
        return new Async(background, Platform::runLater);
    }

    /** Everything on the calling thread: for tests of view-models. */
    public static Async direct() {
        return new Async(Runnable::run, Runnable::run);
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

    public Executor background() {
        return background;
    }

    public Executor ui() {
        return ui;
    }

    /**
     * Runs {@code call} in the background, then {@code onSuccess} or {@code onFailure} on the UI
     * executor. An unexpected runtime failure is reported as an {@link ApiException} with status 0.
     */
    public <T> void run(Call<T> call, Consumer<? super T> onSuccess, Consumer<? super ApiException> onFailure) {
        try {
            background.execute(() -> work(call, onSuccess, onFailure));
        } catch (RejectedExecutionException e) {
            // The worker pool is shut down: the console is closing, nobody waits for the answer.
            LOG.log(System.Logger.Level.DEBUG, "Background call dropped: workers are shut down");
        }
    }

    private <T> void work(Call<T> call, Consumer<? super T> onSuccess, Consumer<? super ApiException> onFailure) {
        T result;
        try {
            result = call.call();
        } catch (ApiException e) {
            ui.execute(() -> onFailure.accept(e));
            return;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Unexpected failure in a background call", e);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            ApiException wrapped = new ApiException(0, "Unexpected error: " + why, List.of(), e);
            ui.execute(() -> onFailure.accept(wrapped));
            return;
        }
        ui.execute(() -> onSuccess.accept(result));
    }
}
