package io.modeldeploy.gui.list;

import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.HttpDeploymentApiClient;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.gui.testing.nemo.NemoModelsDouble;
import io.modeldeploy.model.DeploymentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The list of a NeMo Platform (no event stream) marks what changed between two polls, as it marks streamed changes. */
class NemoPollingListTest {

    private final NemoModelsDouble nemo = NemoModelsDouble.start();
    private final StepExecutor steps = new StepExecutor();
    private final ConsoleSession session = new ConsoleSession(new HttpDeploymentApiClient(nemo.baseUri()),
            ConnectionInfo.remote(nemo.baseUri()), new TaskRunner(steps, Runnable::run));
    private final DeploymentListViewModel list = new DeploymentListViewModel(session);

    @AfterEach
    void stop() {
        session.close();
        nemo.close();
    }

    @Test
    void aChangeSeenBetweenTwoPollsIsHighlightedAndTheFirstReadIsNot() {
        nemo.createDeployment("default", "llama", "llama-nim");
        nemo.createDeployment("default", "qwen", "qwen-nim");
        session.pollWith(Duration.ofSeconds(5), interval -> { });
        session.start();
        steps.round(); // what the server offers
        steps.round(); // the first read
        assertEquals(2, list.rows().size());
        assertTrue(list.highlights().isEmpty(), "the first read is not a change");

        nemo.postStatus("default", "llama", "READY", "serving");
        steps.round(); // the wait
        steps.round(); // the poll

        assertEquals(DeploymentStatus.READY, list.find("default", "llama").orElseThrow().status());
        assertEquals(java.util.Set.of("default/llama"), list.highlights().keySet());
    }
}
