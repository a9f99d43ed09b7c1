package io.modeldeploy.gui.alerts;

import javafx.animation.PauseTransition;

import java.time.Duration;

/** {@link ToastQueue.Scheduler} on the FX thread: a pause transition per wait. */
public final class FxScheduler implements ToastQueue.Scheduler {

    @Override
    public Runnable schedule(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(event -> action.run());
        pause.play();
        return pause::stop;
    }
}
