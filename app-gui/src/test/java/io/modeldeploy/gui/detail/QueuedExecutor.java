package io.modeldeploy.gui.detail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only runs its tasks when told to, so tests can look at the state in between. */
final class QueuedExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    int pending() {
        return tasks.size();
    }

    /** Runs queued tasks, including ones queued meanwhile, until none is left. */
    void runAll() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }
}
