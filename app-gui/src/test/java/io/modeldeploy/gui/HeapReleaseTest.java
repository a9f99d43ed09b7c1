package io.modeldeploy.gui;

import io.modeldeploy.gui.api.ApiException;
import io.modeldeploy.gui.api.ServerCapabilities;
import io.modeldeploy.gui.session.ConsoleSession;
import io.modeldeploy.gui.session.TaskRunner;
import io.modeldeploy.gui.session.TestSessions;
import io.modeldeploy.gui.testing.ForwardingDeploymentApiClient;
import io.modeldeploy.gui.testing.StepExecutor;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import io.modeldeploy.model.StreamHeartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One full collection is asked for after a session's first complete fleet read, and only then. */
class HeapReleaseTest {

    private final StepExecutor steps = new StepExecutor();
    /** The collections the delayed executor has been given, not yet run. */
    private final List<Runnable> scheduled = new ArrayList<>();
    private int collections;
    private boolean failReads;
    private final ConsoleSession session = TestSessions.of(new ForwardingDeploymentApiClient(
            URI.create("http://127.0.0.1:9")) {
        @Override
        public ServerCapabilities capabilities() {
            return ServerCapabilities.ALL;
        }

        @Override
        public ListPage<ModelDeployment> listFirstDeployments(String workspace, boolean allVersions)
                throws ApiException {
            if (failReads) {
                throw ApiException.connectionFailure("connection refused", null);
            }
            List<ModelDeployment> one = List.of(Deployments.of("prod", "d", DeploymentStatus.READY, ""));
            return new ListPage<>(one, Pagination.of(1, 100, 1, 1), "-updated_at");
        }

        @Override
        public List<ModelDeployment> listRemainingDeployments(String workspace, boolean allVersions,
                                                              ListPage<ModelDeployment> first) {
            return List.of();
        }
    }, new TaskRunner(steps, Runnable::run));

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void oneCollectionFollowsTheFirstCompleteReadAndNoLaterRead() {
        HeapRelease.afterFirstFleetRead(session, scheduled::add, () -> collections++);
        session.start();
        steps.round(); // capabilities and the start-up preview of the first page
        assertEquals(List.of(), scheduled, "a preview is not the whole fleet");

        session.onHeartbeat(new StreamHeartbeat(0, Instant.now()));
        steps.round(); // the complete read's first page
        steps.round(); // its other pages
        assertEquals(1, scheduled.size());
        scheduled.get(0).run();
        assertEquals(1, collections);

        session.reloadFleet();
        steps.round();
        steps.round();
        assertEquals(1, scheduled.size(), "a later read does not ask again");
    }

    @Test
    void aFailedStartAsksForNothing() {
        failReads = true;
        HeapRelease.afterFirstFleetRead(session, scheduled::add, () -> collections++);
        session.start();
        steps.round();
        session.onHeartbeat(new StreamHeartbeat(0, Instant.now()));
        steps.round();
        steps.round();
        assertEquals(List.of(), scheduled, "nothing was read: the heap holds no fleet to give back");
    }
}
