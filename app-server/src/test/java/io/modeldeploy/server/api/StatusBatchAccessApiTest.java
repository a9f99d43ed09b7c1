package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.server.events.EventsApi;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.modeldeploy.server.api.StatusBatches.target;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may send a status batch, with tokens configured: an editor (recorded as the actor of every
 * entry), not a viewer (403) nor an unknown token (401), and neither refusal changes anything.
 */
@MicronautTest(transactional = false)
@Property(name = "modeldeploy.tokens", value = StatusBatchAccessApiTest.TOKENS)
class StatusBatchAccessApiTest {
    static final String EDITOR_SECRET = "batch-editor-9c2e41a7d3";
    static final String VIEWER_SECRET = "batch-viewer-4f80b6e21c";
    static final String TOKENS = "fleet-bot:editor:" + EDITOR_SECRET + ",wallboard:viewer:" + VIEWER_SECRET;

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;
    private StatusBatches batches;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
        batches = new StatusBatches(api, jsonMapper);
    }

    @Test
    void anEditorsBatchIsRecordedUnderItsTokenNameAndSource() {
        String workspace = unique("ws-editor");
        api.create(workspace, "a");
        api.create(workspace, "b");
        List<ModelDeployment> results = StatusBatches.results(batches.send(batches.body("ERROR", "pulled",
                        List.of(target(workspace, "a"), target(workspace, "b"))),
                "Authorization", "Bearer " + EDITOR_SECRET, "X-ModelDeploy-Source", "gui").expect(200));
        for (ModelDeployment result : results) {
            StatusHistoryEntry entry = result.statusHistory().get(result.statusHistory().size() - 1);
            assertEquals("fleet-bot", entry.actor());
            assertEquals(ChangeSource.GUI, entry.source());
        }
    }

    @Test
    void aViewerGets403AndAnUnknownToken401AndNothingChanges() {
        String workspace = unique("ws-viewer");
        api.create(workspace, "a");
        String before = api.latestReply(workspace, "a").expect(200).body;
        String body = batches.body("ERROR", "pulled", List.of(target(workspace, "a")));

        EventsApi.Reply viewer = batches.send(body, "Authorization", "Bearer " + VIEWER_SECRET).expect(403);
        assertEquals("Forbidden: token 'wallboard' is a viewer and may only read", viewer.map().get("detail"));
        EventsApi.Reply unknown = batches.send(body, "Authorization", "Bearer not-" + EDITOR_SECRET).expect(401);
        assertEquals("Bearer realm=\"modeldeploy\"", unknown.header("WWW-Authenticate"));
        // refused before the body is read: an invalid one is refused the same way
        batches.send("{\"targets\": 5}", "Authorization", "Bearer " + VIEWER_SECRET).expect(403);

        assertEquals(before, api.latestReply(workspace, "a").expect(200).body);
    }
}
