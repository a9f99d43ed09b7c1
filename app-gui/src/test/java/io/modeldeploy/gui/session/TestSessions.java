package io.modeldeploy.gui.session;

import io.modeldeploy.gui.api.ConnectionInfo;
import io.modeldeploy.gui.api.DeploymentApiClient;
import io.modeldeploy.model.ModelDeployment;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Sessions for view-model tests: on a fake or test-server client, with the runner the test wants. */
public final class TestSessions {

    private TestSessions() {
    }

    public static ConsoleSession of(DeploymentApiClient client, TaskRunner tasks) {
        return of(client, tasks, Clock.systemUTC());
    }

    public static ConsoleSession of(DeploymentApiClient client, TaskRunner tasks, Clock clock) {
        return new ConsoleSession(client, ConnectionInfo.remote(baseUrlOf(client)), tasks, clock);
    }

    /** A live list of the copies the store takes in from {@code origin} (the answers to own writes, reads…). */
    public static List<ModelDeployment> record(ConsoleSession session, DeploymentStore.Origin origin) {
        List<ModelDeployment> recorded = new ArrayList<>();
        session.store().addListener(changes -> changes.stream()
                .filter(c -> c.origin() == origin && c.after() != null)
                .forEach(c -> recorded.add(c.after())));
        return recorded;
    }

    private static URI baseUrlOf(DeploymentApiClient client) {
        URI url = client.baseUrl();
        return url == null ? URI.create("http://127.0.0.1:1") : url;
    }
}
