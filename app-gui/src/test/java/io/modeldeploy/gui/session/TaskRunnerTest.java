package io.modeldeploy.gui.session;

import io.modeldeploy.gui.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancellation: a cancelled task's callbacks never run, wherever it was; a newer task of a slot cancels the older. */
class TaskRunnerTest {

    /** Runs calls only when told to; outcomes at once. */
    private static final class Queued {
        final List<Runnable> waiting = new ArrayList<>();
        final TaskRunner runner = new TaskRunner(waiting::add, Runnable::run);

        void runAll() {
            while (!waiting.isEmpty()) {
                waiting.remove(0).run();
            }
        }
    }

    @Test
    void aTaskCancelledBeforeItRanNeverCallsBackNorRuns() {
        Queued queued = new Queued();
        TaskRunner runner = queued.runner;
        AtomicInteger calls = new AtomicInteger();
        List<String> outcomes = new ArrayList<>();
        BackgroundTask task = runner.run(() -> calls.incrementAndGet(), n -> outcomes.add("ok"), e -> outcomes.add("failed"));
        task.cancel();
        queued.runAll();
        assertEquals(0, calls.get());
        assertTrue(outcomes.isEmpty());
        assertTrue(task.isFinished());
    }

    @Test
    void aTaskCancelledWhileItsOutcomeIsOnTheWayToTheUiIsDropped() {
        List<Runnable> ui = new ArrayList<>();
        TaskRunner runner = new TaskRunner(Runnable::run, ui::add);
        List<String> outcomes = new ArrayList<>();
        BackgroundTask task = runner.run(() -> "answer", outcomes::add, e -> outcomes.add("failed"));
        assertEquals(1, ui.size(), "the call ran; its outcome waits for the UI thread");
        task.cancel();
        ui.forEach(Runnable::run);
        assertTrue(outcomes.isEmpty());
    }

    @Test
    void cancellingARunningCallInterruptsIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            TaskRunner runner = new TaskRunner(pool, Runnable::run);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            AtomicBoolean calledBack = new AtomicBoolean();
            BackgroundTask task = runner.run(() -> {
                started.countDown();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw ApiException.connectionFailure("interrupted", e);
                }
                return "late";
            }, answer -> calledBack.set(true), error -> calledBack.set(true));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            task.cancel();
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the call was interrupted");
            pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertFalse(calledBack.get());
            assertFalse(pool.submit(() -> Thread.currentThread().isInterrupted()).get(5, TimeUnit.SECONDS),
                    "the pool thread is not left interrupted for the next call");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewerTaskInASlotCancelsTheOlderWhoseLateAnswerIsDropped() {
        Queued queued = new Queued();
        TaskRunner runner = queued.runner;
        TaskSlot slot = new TaskSlot(runner);
        List<String> answers = new ArrayList<>();
        slot.run(() -> "first", answers::add, e -> answers.add("failed"));
        slot.run(() -> "second", answers::add, e -> answers.add("failed"));
        assertTrue(slot.isRunning());
        queued.runAll();
        assertEquals(List.of("second"), answers);
        assertFalse(slot.isRunning());
    }

    @Test
    void aTaskStartedByAnAnswerThatCameAtOnceIsTheOneTheSlotHolds() {
        // The first call answers at once (as with a direct runner); the one its answer starts waits.
        List<Runnable> waiting = new ArrayList<>();
        AtomicInteger executions = new AtomicInteger();
        TaskRunner runner = new TaskRunner(r -> {
            if (executions.getAndIncrement() == 0) {
                r.run();
            } else {
                waiting.add(r);
            }
        }, Runnable::run);
        TaskSlot slot = new TaskSlot(runner);
        List<String> answers = new ArrayList<>();
        slot.run(() -> "outer", outer -> {
            answers.add(outer);
            slot.run(() -> "inner", answers::add, e -> answers.add("failed"));
        }, e -> answers.add("failed"));
        assertTrue(slot.isRunning(), "the inner task is the slot's now");
        slot.cancel();
        waiting.forEach(Runnable::run);
        assertEquals(List.of("outer"), answers, "cancelling the slot reached the inner task");
    }

    @Test
    void cleanUpRunsOnlyForATaskCancelledBeforeItsOutcome() {
        Queued queued = new Queued();
        TaskRunner runner = queued.runner;
        AtomicInteger cleanUps = new AtomicInteger();
        BackgroundTask cancelled = runner.run(() -> 1, n -> { }, e -> { }).onCancel(cleanUps::incrementAndGet);
        BackgroundTask answered = runner.run(() -> 2, n -> { }, e -> { }).onCancel(cleanUps::incrementAndGet);
        cancelled.cancel();
        queued.runAll();
        answered.cancel();
        cancelled.cancel();
        assertEquals(1, cleanUps.get());
    }

    @Test
    void anUnexpectedFailureIsReportedAsAnApiFailure() {
        List<ApiException> failures = new ArrayList<>();
        TaskRunner.direct().run(() -> {
            throw new IllegalStateException("boom");
        }, ok -> { }, failures::add);
        assertEquals(1, failures.size());
        assertEquals("Unexpected error: boom", failures.get(0).detail());
    }
}
