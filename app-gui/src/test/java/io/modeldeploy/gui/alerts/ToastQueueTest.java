package io.modeldeploy.gui.alerts;

import io.modeldeploy.gui.session.VersionKey;
import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.modeldeploy.model.DeploymentStatus.ERROR;
import static io.modeldeploy.model.DeploymentStatus.LOST;
import static io.modeldeploy.model.DeploymentStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Toasts from alerts: grouped when they arrive together, at most one per second, on a hand-moved clock. */
class ToastQueueTest {

    private final ManualTime time = new ManualTime();
    private final ToastQueue queue = new ToastQueue(time, time);
    private final List<Toast> shown = new ArrayList<>();

    {
        queue.addListener(shown::add);
    }

    private DeploymentAlert alert(String name, DeploymentStatus status) {
        return new DeploymentAlert(new VersionKey("w", name, 1), status, false, status.name() + ": x",
                time.instant(), "ctrl");
    }

    private DeploymentAlert stuck(String name) {
        return new DeploymentAlert(new VersionKey("w", name, 1), PENDING, true, "stuck in PENDING for 40 min",
                time.instant(), null);
    }

    private List<String> titles() {
        return shown.stream().map(Toast::title).toList();
    }

    @Test
    void twelveDeploymentsLostAtOnceAreOneToast() {
        // A node failure: the LOST changes arrive in several batches within a few hundred milliseconds.
        for (int i = 0; i < 12; i++) {
            queue.offer(List.of(alert("d" + i, LOST)));
            time.advance(Duration.ofMillis(15));
        }
        time.advance(Duration.ofSeconds(2));

        assertEquals(List.of("12 deployments LOST"), titles());
        assertEquals("w/d0 v1, w/d1 v1, w/d2 v1 and 9 more", shown.get(0).body());
        assertEquals(12, shown.get(0).alerts().size());
    }

    @Test
    void mixedAlertsAreCountedByKindLargestFirst() {
        queue.offer(List.of(alert("a", ERROR), alert("b", LOST), alert("c", LOST), stuck("d"),
                alert("e", LOST), alert("f", ERROR)));
        time.advance(Duration.ofSeconds(1));

        assertEquals(List.of("6 alerts: 3 LOST, 2 ERROR, 1 stuck"), titles());
    }

    @Test
    void oneAlertIsNamedInItsToast() {
        queue.offer(List.of(alert("a", ERROR)));
        assertEquals(List.of(), titles(), "it waits briefly for others arriving with it");
        time.advance(ToastQueue.GATHER);

        assertEquals(List.of("w/a v1: ERROR: x"), titles());
        assertEquals("by ctrl", shown.get(0).body());
    }

    @Test
    void atMostOneToastPerSecondTheRestGroupedIntoTheNext() {
        queue.offer(List.of(alert("first", ERROR)));
        time.advance(ToastQueue.GATHER);
        assertEquals(1, shown.size());

        // A steady trickle: one alert every 100 ms for 3 s.
        IntStream.range(0, 30).forEach(i -> {
            queue.offer(List.of(alert("t" + i, LOST)));
            time.advance(Duration.ofMillis(100));
        });
        time.advance(Duration.ofSeconds(2));

        assertEquals(4, shown.size(), "the first, then one per second while they keep coming: " + titles());
        assertEquals(31, shown.stream().mapToInt(t -> t.alerts().size()).sum(), "every alert is in a toast");
        assertEquals("10 deployments LOST", shown.get(1).title());
    }

    @Test
    void closingDropsWhatIsWaiting() {
        queue.offer(List.of(alert("a", ERROR)));
        queue.close();
        time.advance(Duration.ofSeconds(2));

        assertEquals(List.of(), titles());
        assertEquals(0, time.waiting());
    }
}
