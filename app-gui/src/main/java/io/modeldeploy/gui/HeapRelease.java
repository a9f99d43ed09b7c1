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
 * Gives the heap's start-up peak back to the system once a server's fleet is in. Starting (with the built-in
 * server's start beside it) and reading the whole fleet are the most the console ever allocates at once, and a
 * collector shrinks the heap only after collecting the old generation, which a console that follows a busy fleet
 * may not do for a long time (G1's periodic collection waits for a quiet spell). So a few seconds after a
 * session's first complete read, when the table has been laid out, one full collection is asked for; the heap
 * then shrinks to the launcher's free ratio. Once per session: later reads (NeMo polling reads the fleet every few
 * seconds) allocate far less than the start did.
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
