package io.modeldeploy.gui.demo;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.model.DemoState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The Demo menu: whether the server is in demo mode, whether its demo controller runs and at
 * which pace, and resetting the demo data. Everything comes from and goes to
 * {@code /apis/modeldeploy/v1/demo}; the properties always show what the server last said.
 */
public final class DemoViewModel {

    private final DeploymentApiClient client;
    private final TaskRunner async;
    private final boolean embedded;
    private final Consumer<String> report;

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<DemoPace> pace = new ReadOnlyObjectWrapper<>(this, "pace");
    private final ReadOnlyObjectWrapper<Double> paceSeconds = new ReadOnlyObjectWrapper<>(this, "paceSeconds");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation",
            "Asking the server about demo mode…");

    /**
     * @param embedded whether the server was started by this console (changes how "demo mode is
     *                 off" is explained)
     * @param report   where one-line results go (the status bar)
     */
    public DemoViewModel(DeploymentApiClient client, TaskRunner async, boolean embedded, Consumer<String> report) {
        this.client = Objects.requireNonNull(client, "client");
        this.async = Objects.requireNonNull(async, "async");
        this.embedded = embedded;
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Asks the server for the current demo state (when the menu opens, and at start). */
    public void load() {
        async.run(client::getDemo, this::apply, error -> {
            if (error.isNotFound()) {
                // A server without the demo API (a NeMo Platform): nothing to report, the menu is hidden.
                available.set(false);
                explanation.set("This server has no demo mode");
            } else {
                failed("Demo mode is unknown", error);
            }
        });
    }

    /** Starts or stops the demo controller. */
    public void setRunning(boolean run) {
        if (!available.get() || busy.get()) {
            return;
        }
        if (run == running.get()) {
            return;
        }
        busy.set(true);
        async.run(() -> client.updateDemo(new DemoState(null, run, null)),
                state -> {
                    busy.set(false);
                    apply(state);
                    report.accept(Boolean.TRUE.equals(state.running())
                            ? "Demo controller started: deployments change every " + seconds(state) + " s"
                            : "Demo controller stopped");
                },
                error -> {
                    busy.set(false);
                    failed(run ? "Couldn't start the demo controller" : "Couldn't stop the demo controller", error);
                });
    }

    /** Sets how often the demo controller acts. */
    public void setPace(DemoPace newPace) {
        Objects.requireNonNull(newPace, "pace");
        if (!available.get() || busy.get() || newPace == pace.get()) {
            return;
        }
        busy.set(true);
        async.run(() -> client.updateDemo(new DemoState(null, null, newPace.seconds())),
                state -> {
                    busy.set(false);
                    apply(state);
                    report.accept("Demo pace: " + newPace.menuText().toLowerCase(java.util.Locale.ROOT));
                },
                error -> {
                    busy.set(false);
                    failed("Couldn't change the demo pace", error);
                });
    }

    /**
     * Replaces every deployment on the server with the demo fleet (the caller has confirmed).
     * {@code onDone} gets the number of versions written.
     */
    public void reset(IntConsumer onDone) {
        if (!available.get() || busy.get()) {
            return;
        }
        busy.set(true);
        report.accept("Resetting the demo data…");
        async.run(client::resetDemo,
                count -> {
                    busy.set(false);
                    report.accept("Demo data reset: " + count + " deployment versions written");
                    onDone.accept(count);
                },
                error -> {
                    busy.set(false);
                    failed("Couldn't reset the demo data", error);
                });
    }

    private void apply(DemoState state) {
        boolean on = Boolean.TRUE.equals(state.enabled());
        available.set(on);
        running.set(on && Boolean.TRUE.equals(state.running()));
        paceSeconds.set(state.paceSeconds());
        pace.set(DemoPace.of(state.paceSeconds()).orElse(null));
        explanation.set(on ? "" : offExplanation());
    }

    private String offExplanation() {
        return embedded
                ? "Demo mode is off: the console was started with --no-demo (or MODELDEPLOY_DEMO=false)"
                : "Demo mode is off on this server: it runs without --demo";
    }

    private void failed(String action, ApiException error) {
        if (error.isConflict()) {
            // 409: the server is not in demo mode (any more).
            available.set(false);
            running.set(false);
            explanation.set(offExplanation());
        } else if (!available.get()) {
            explanation.set(ErrorTexts.describe(action, error));
        }
        report.accept(ErrorTexts.describe(action, error));
    }

    private static String seconds(DemoState state) {
        Double s = state.paceSeconds();
        if (s == null) {
            return "?";
        }
        return s == Math.rint(s) ? Long.toString(s.longValue()) : s.toString();
    }

    /** True when the server is in demo mode: the menu's actions are enabled. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Whether the demo controller runs, as the server last said. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The pace among the menu's choices; null when the server's pace is none of them. */
    public ReadOnlyObjectProperty<DemoPace> paceProperty() {
        return pace.getReadOnlyProperty();
    }

    /** The server's pace in seconds; null before the first answer. */
    public ReadOnlyObjectProperty<Double> paceSecondsProperty() {
        return paceSeconds.getReadOnlyProperty();
    }

    /** A request is running: the menu's actions wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the demo actions are disabled; empty while they are available. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }
}
