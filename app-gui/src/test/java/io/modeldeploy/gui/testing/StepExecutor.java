package io.modeldeploy.gui.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * Runs background calls only when the test says, one round at a time: the calls queued so far,
 * not the ones they queue. A session that polls then takes one round for its wait and one for its
 * read, so a test can step through polls without a clock.
 */
public final class StepExecutor implements Executor {

    private final Deque<Runnable> queued = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        queued.add(command);
    }

    /** Runs the calls queued so far. */
    public void round() {
        for (int n = queued.size(); n > 0; n--) {
            queued.poll().run();
        }
    }
}
