package io.modeldeploy.server.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DemoState;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo controller, run fast against the real server, drives a deployment through its life. */
@MicronautTest
@Property(name = "modeldeploy.demo.enabled", value = "true")
@Property(name = "modeldeploy.demo.pace", value = "50ms")
class DemoFleetSimulatorTest {
    private static final String BASE = "/apis/models/v2/workspaces/research/deployments";

    @Inject
    @Client("/")
    HttpClient client;

    private ModelDeployment get(String name) {
        return client.toBlocking().retrieve(HttpRequest.GET(BASE + "/" + name), ModelDeployment.class);
    }

    private ModelDeployment waitFor(String name, Predicate<ModelDeployment> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            ModelDeployment d = get(name);
            if (condition.test(d)) {
                return d;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting until " + what + "; now " + get(name).status());
    }

    @Test
    void newDeploymentGoesThroughPendingToReadyWithAProviderAndDeletionCompletes() throws Exception {
        client.toBlocking().exchange(HttpRequest.POST(BASE, Map.of("name", "lifecycle", "config", "llama-nim")));
        ModelDeployment ready = waitFor("lifecycle", d -> d.status() == DeploymentStatus.READY
                || d.status() == DeploymentStatus.ERROR, "it is READY (or failed)");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Argument<ListPage<StatusHistoryEntry>> page = (Argument) Argument.of(ListPage.class, StatusHistoryEntry.class);
        List<StatusHistoryEntry> history = client.toBlocking().retrieve(
                HttpRequest.GET(BASE + "/lifecycle/status-history"), page).data();
        assertEquals(DeploymentStatus.CREATED, history.get(0).status());
        assertEquals(DeploymentStatus.PENDING, history.get(1).status());
        assertTrue(history.get(1).statusMessage().startsWith("Pulling image"), history.get(1).statusMessage());
        assertEquals(DeploymentStatus.PENDING, history.get(2).status());
        assertEquals("Loading weights", history.get(2).statusMessage());
        history.subList(1, history.size()).forEach(e -> assertEquals("demo-controller", e.actor()));
        if (ready.status() == DeploymentStatus.READY) {
            assertEquals("research/lifecycle", ready.modelProviderId());
        }

        client.toBlocking().exchange(HttpRequest.DELETE(BASE + "/lifecycle"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        boolean purged = false;
        while (!purged && Instant.now().isBefore(deadline)) {
            try {
                get("lifecycle");
                Thread.sleep(50);
            } catch (HttpClientResponseException e) {
                assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
                purged = true;
            }
        }
        assertTrue(purged, "DELETING → DELETED → purged by the controller");
    }

    @Test
    void stoppedControllerChangesNothingAndPaceCanBeSet() throws Exception {
        DemoState stopped = client.toBlocking().retrieve(HttpRequest.PUT("/apis/modeldeploy/v1/demo",
                Map.of("running", false, "pace_seconds", 0.2)), DemoState.class);
        assertFalse(stopped.running());
        assertEquals(0.2, stopped.paceSeconds(), 1e-9);
        try {
            Thread.sleep(300);
            client.toBlocking().exchange(HttpRequest.POST(BASE, Map.of("name", "parked", "config", "c")));
            Thread.sleep(1500);
            assertEquals(DeploymentStatus.CREATED, get("parked").status(), "nothing moves while stopped");
        } finally {
            client.toBlocking().exchange(HttpRequest.PUT("/apis/modeldeploy/v1/demo",
                    Map.of("running", true, "pace_seconds", 0.05)));
        }
        waitFor("parked", d -> d.status() != DeploymentStatus.CREATED, "it moves once started again");
    }

    @Test
    void badPaceIs422() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.PUT("/apis/modeldeploy/v1/demo", Map.of("pace_seconds", 0))));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
    }
}
