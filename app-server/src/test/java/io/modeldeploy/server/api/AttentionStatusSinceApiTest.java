package io.modeldeploy.server.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code status_since} on every deployment answered: when the current status began, the time of the
 * history entry that set it. A change of message or model provider alone does not move it.
 */
@MicronautTest
class AttentionStatusSinceApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
    }

    private static Instant newestEntryTime(ModelDeployment deployment) {
        List<StatusHistoryEntry> history = deployment.statusHistory();
        return history.get(history.size() - 1).timestamp();
    }

    @Test
    void aNewDeploymentAndANewVersionAreInTheirStatusSinceTheirCreation() {
        String ws = unique("since-new");
        ModelDeployment created = api.create(ws, "fresh");
        assertEquals(created.createdAt(), created.statusSince());
        assertEquals(newestEntryTime(created), created.statusSince());
        ModelDeployment second = api.newVersion(ws, "fresh", "cfg-2");
        assertEquals(second.createdAt(), second.statusSince());
        assertTrue(second.statusSince().isAfter(created.statusSince()) || second.statusSince().equals(created.statusSince()));

        Map<String, Object> raw = api.get(deployments(ws, "fresh")).expect(200).map();
        assertTrue(raw.containsKey("status_since"), "the wire name: " + raw);
        assertEquals(second.statusSince(), api.getLatest(ws, "fresh").statusSince());
        assertEquals(created.statusSince(), api.getVersion(ws, "fresh", 1).statusSince());
        assertEquals(List.of(second.statusSince(), created.statusSince()),
                api.get(deployments(ws, "fresh", "versions")).expect(200).as(Api.DEPLOYMENTS).stream()
                        .map(ModelDeployment::statusSince).toList());
        assertEquals(List.of(created.statusSince(), second.statusSince()),
                api.list(ws, "all_versions", "true").data().stream().map(ModelDeployment::statusSince).toList());
    }

    @Test
    void aStatusChangeMovesStatusSinceAndAMessageOrProviderChangeDoesNot() {
        String ws = unique("since-change");
        ModelDeployment created = api.create(ws, "moving");
        ModelDeployment ready = api.setStatus(ws, "moving", "READY", "Serving");
        assertNotEquals(created.statusSince(), ready.statusSince());
        assertEquals(ready.updatedAt(), ready.statusSince());
        assertEquals(newestEntryTime(ready), ready.statusSince());

        ModelDeployment newMessage = api.setStatus(ws, "moving", "READY", "Serving 2 replicas");
        assertNotEquals(ready.updatedAt(), newMessage.updatedAt(), "the message change was applied");
        assertEquals(ready.statusSince(), newMessage.statusSince(), "a new message alone does not move it");

        ModelDeployment newProvider = api.patchStatus(ws, "moving",
                "{\"status\":\"READY\",\"status_message\":\"Serving 2 replicas\",\"model_provider_id\":\"ws/p\"}")
                .expect(200).deployment();
        assertEquals("ws/p", newProvider.modelProviderId());
        assertEquals(ready.statusSince(), newProvider.statusSince(), "a new model provider alone does not move it");
        assertEquals(ready.statusSince(), api.getLatest(ws, "moving").statusSince(), "as stored");

        ModelDeployment failed = api.setStatus(ws, "moving", "ERROR", "OOMKilled");
        assertEquals(failed.updatedAt(), failed.statusSince());
        assertEquals(failed.statusSince(), api.list(ws).data().get(0).statusSince());
    }

    @Test
    void markingForDeletionMovesStatusSince() {
        String ws = unique("since-delete");
        api.create(ws, "going");
        ModelDeployment deleting = api.delete(deployments(ws, "going")).expect(202).deployment();
        assertEquals("DELETING", deleting.status().name());
        assertEquals(deleting.updatedAt(), deleting.statusSince());
        assertEquals(deleting.statusSince(), api.getLatest(ws, "going").statusSince());
    }
}
