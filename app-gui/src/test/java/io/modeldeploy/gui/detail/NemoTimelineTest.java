package io.modeldeploy.gui.detail;

import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.DeploymentKey;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline of a NeMo Platform's deployment: NeMo has no full-history endpoint and keeps the
 * newest 100 entries in the resource, so the timeline shows those and says that older ones are not
 * available, without ever asking for them.
 */
class NemoTimelineTest {

    private final NemoModelsDouble nemo = NemoModelsDouble.start();
    private final StepExecutor steps = new StepExecutor();
    private final ConsoleSession session = new ConsoleSession(new HttpDeploymentApiClient(nemo.baseUri()),
            ConnectionInfo.remote(nemo.baseUri()), new TaskRunner(steps, Runnable::run));
    private final DeploymentDetailViewModel detail = new DeploymentDetailViewModel(session);

    @AfterEach
    void stop() {
        session.close();
        nemo.close();
    }

    private void connectAndShow(String name) {
        session.pollWith(Duration.ofSeconds(5), interval -> { });
        session.start();
        steps.round(); // what the server offers
        steps.round(); // the first read
        detail.show(session.store().latest(new DeploymentKey("default", name)).orElseThrow());
        steps.round(); // the detail's reads
    }

    @Test
    void aFullWindowSaysNemoKeepsOnlyTheNewest100AndNeverAsksForOlderOnes() {
        nemo.createDeployment("default", "busy", "cfg");
        for (int i = 0; i < 120; i++) {
            nemo.postStatus("default", "busy", i % 2 == 0 ? "READY" : "PENDING", "change " + i);
        }

        connectAndShow("busy");

        StatusTimelineViewModel timeline = detail.timeline();
        assertEquals(100, timeline.items().size());
        assertEquals("This server keeps only the newest 100 entries; older ones are not available.",
                timeline.endNoteProperty().get());
        assertEquals("Newest 100 entries", timeline.summaryProperty().get());
        assertFalse(timeline.hasOlderProperty().get());
        assertFalse(timeline.loadOlder());
        steps.round();
        assertTrue(nemo.requests().stream().noneMatch(r -> r.contains("status-history?version")),
                "never asked for older entries: " + nemo.requests());
    }

    @Test
    void aShorterHistoryIsCompleteAndSaysNothingMore() {
        nemo.createDeployment("default", "calm", "cfg");
        nemo.postStatus("default", "calm", "READY", "serving");

        connectAndShow("calm");

        assertEquals(2, detail.timeline().items().size());
        assertEquals("", detail.timeline().endNoteProperty().get());
        assertEquals("2 entries", detail.timeline().summaryProperty().get());
    }

    @Test
    void aDeploymentJustCreatedOnNemoHasNoEntriesYetInsteadOfLoadingForever() {
        nemo.createDeployment("default", "fresh", "cfg");

        connectAndShow("fresh");

        assertFalse(detail.timeline().awaitingHistoryProperty().get(), "NeMo starts with an empty history");
        assertTrue(detail.timeline().items().isEmpty());
    }
}
