package io.modeldeploy.server.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs work from several threads released at once, for the tests that race requests. */
final class Concurrently {
    private Concurrently() {
    }

    /** {@code work} for every item, spread over {@code threads} threads; rethrows the first failure. */
    static <T> void run(int threads, List<T> items, Consumer<T> work) throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = thread; i < items.size(); i += threads) {
                    work.accept(items.get(i));
                }
            });
        }
        run(tasks);
    }

    /** Every task in a thread of its own, released together; rethrows the first failure. */
    static void run(List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : tasks) {
                running.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : running) {
                future.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
