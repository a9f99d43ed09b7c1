package io.modeldeploy.gui;

import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.ConsoleSession.FleetState;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Gives the heap's start-up peak back to the system once a server's fleet is in. Starting (and, with the
 * built-in server, the server's start beside it) and reading the whole fleet are the most the console ever
 * allocates; the serial collector of the installed console keeps the heap it grew to until a full collection,
 * which a console that only follows events may not need for hours. So a few seconds after a session's first
 * complete read, when the table has been laid out, one full collection is asked for; the launcher's
 * {@code -XX:-ShrinkHeapInSteps} lets that one shrink the heap at once (docs/performance.md: with 10,000
 * deployments 438 → 360 MB resident a minute in). Once per session: later reads (NeMo polling reads the fleet
 * every few seconds) allocate far less than the start did.
 */
final class HeapRelease {

    /** After the first rows' layout and the detail pane's deferred build (0.4 s), before a user is likely busy. */
    static final long DELAY_SECONDS = 3;

    private HeapRelease() {
    }

    /** Asks for one full collection {@link #DELAY_SECONDS} after the session's first complete fleet read. */
    static void afterFirstFleetRead(ConsoleSession session) {
        afterFirstFleetRead(session, CompletableFuture.delayedExecutor(DELAY_SECONDS, TimeUnit.SECONDS), System::gc);
    }

    /** The same, with the delay and the collection the test gives. */
    static void afterFirstFleetRead(ConsoleSession session, Executor delayed, Runnable collect) {
        Objects.requireNonNull(delayed, "delayed");
        Objects.requireNonNull(collect, "collect");
        ChangeListener<Boolean> readDone = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> loading, Boolean was, Boolean now) {
                if (now || session.fleetStateProperty().get() != FleetState.LOADED) {
                    return;
                }
                session.fleetLoadingProperty().removeListener(this);
                delayed.execute(collect);
            }
        };
        session.fleetLoadingProperty().addListener(readDone);
    }
}
