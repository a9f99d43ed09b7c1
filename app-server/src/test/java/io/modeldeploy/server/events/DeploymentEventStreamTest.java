package io.modeldeploy.server.events;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StreamHeartbeat;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.modeldeploy.server.events.EventsApi.DEFAULT;
import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.statusBody;
import static io.modeldeploy.server.events.EventsApi.unique;
import static io.modeldeploy.server.events.EventsApi.withHistory;
import static io.modeldeploy.server.events.EventsApi.withNewestEntryOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET .../workspaces/{workspace}/deployment-events over real HTTP: who receives what, one event of
 * the right type per committed change, nothing for no-ops and rejected requests, and the errors.
 */
@MicronautTest(transactional = false)
@Timeout(60)
class DeploymentEventStreamTest {
    private static final Duration QUIET = Duration.ofMillis(500);

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
    }

    /** Opens a stream of {@code workspace} and waits for its connect heartbeat: from then on it hears every change. */
    private SseStream subscribe(String workspace) {
        SseStream stream = SseStream.open(api.uri(events(workspace)));
        SseStream.SseEvent first = stream.next();
        assertTrue(first.isHeartbeat(), "the first event on connect is a heartbeat: " + first);
        return stream;
    }

    /** A workspace of its own: created with a first deployment, since a workspace exists from its first deployment. */
    private String newWorkspace(String prefix) {
        String workspace = unique(prefix);
        api.create(workspace, "seed");
        return workspace;
    }

    /** Asserts the envelope of an event and returns its data. */
    private DeploymentEvent assertEvent(SseStream.SseEvent sse, DeploymentEventType type, String workspace,
                                        String name, int entityVersion) {
        assertEquals(type.wireName(), sse.name(), "SSE event name of " + sse);
        DeploymentEvent event = api.event(sse);
        assertEquals(sse.eventId(), event.eventId(), "data.event_id equals the SSE id: " + sse);
        assertEquals(type, event.type(), "data.type of " + sse);
        assertEquals(workspace, event.workspace(), "data.workspace of " + sse);
        assertEquals(name, event.name(), "data.name of " + sse);
        assertEquals(entityVersion, event.entityVersion(), "data.entity_version of " + sse);
        assertEquals(workspace, event.deployment().workspace(), "data.deployment.workspace of " + sse);
        assertEquals(name, event.deployment().name(), "data.deployment.name of " + sse);
        assertEquals(entityVersion, event.deployment().entityVersion(), "data.deployment.entity_version of " + sse);
        assertTrue(event.timestamp() != null, "data.timestamp of " + sse);
        return event;
    }

    @Test
    void subscribersOfAllWorkspacesAndOfTheWorkspaceBothReceiveAChangeByAnotherClientButOtherWorkspacesDoNot()
            throws Exception {
        String workspace = newWorkspace("ws-fanout");
        String other = newWorkspace("ws-other");
        String name = unique("fanout");
        ModelDeployment created = api.create(workspace, name);

        try (SseStream all = SseStream.open(api.uri(events("-")));
             SseStream mine = SseStream.open(api.uri(events(workspace)));
             SseStream theirs = SseStream.open(api.uri(events(other)))) {
            StreamHeartbeat allHello = api.heartbeat(all.next());
            StreamHeartbeat mineHello = api.heartbeat(mine.next());
            api.heartbeat(theirs.next());
            assertEquals(allHello.lastEventId(), mineHello.lastEventId(), "both see the same newest event");

            // a third client changes the deployment
            EventsApi.Reply reply = api.patchStatus(workspace, name, "",
                    statusBody("READY", "serving on 2 GPUs")).expect(200);
            ModelDeployment after = reply.deployment();
            List<StatusHistoryEntry> history = api.fullHistory(workspace, name, null);
            assertEquals(2, history.size());

            SseStream.SseEvent fromAll = all.nextChange();
            SseStream.SseEvent fromMine = mine.nextChange();
            assertEquals(fromAll, fromMine, "both subscribers receive the very same event");
            assertEquals(allHello.lastEventId() + 1, fromAll.eventId(), "the next id after the connect heartbeat's");

            DeploymentEvent event = assertEvent(fromAll, DeploymentEventType.STATUS_CHANGED, workspace, name, 1);
            ModelDeployment deployment = event.deployment();
            assertEquals(DeploymentStatus.READY, deployment.status());
            assertEquals("serving on 2 GPUs", deployment.statusMessage());
            assertEquals(List.of(history.get(1)), deployment.statusHistory(),
                    "status_history holds only the entry this change added");
            assertEquals(withNewestEntryOnly(after), deployment,
                    "the deployment is the version after the change, as the PATCH answered it");
            assertEquals(created.id(), deployment.id());
            assertEquals(after.updatedAt(), event.timestamp(), "timestamp is the time of the change");
            assertEquals(reply.etag(), deployment.etag(), "the event's deployment has the new ETag");

            // the subscriber of the other workspace got nothing of that: its next event is its own workspace's
            theirs.expectNone(e -> !e.isHeartbeat(), QUIET);
            api.setStatus(other, "seed", "PENDING", "other workspace");
            SseStream.SseEvent otherEvent = theirs.nextChange();
            DeploymentEvent otherData = assertEvent(otherEvent, DeploymentEventType.STATUS_CHANGED, other, "seed", 1);
            assertEquals(fromAll.eventId() + 1, otherEvent.eventId());
            assertEquals("other workspace", otherData.deployment().statusMessage());

            // and the workspace subscriber does not get the other workspace's change, the '-' one does
            assertEquals(otherEvent, all.nextChange());
            mine.expectNone(e -> !e.isHeartbeat(), QUIET);
        }
    }

    @Test
    void eventDataHasExactlyTheDocumentedFieldsAndHeartbeatsHaveNoId() {
        String workspace = newWorkspace("ws-fields");
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            SseStream.SseEvent hello = stream.next();
            assertEquals("heartbeat", hello.name());
            assertNull(hello.id(), "a heartbeat has no id, so it never moves a client's Last-Event-ID");
            assertEquals(Set.of("last_event_id", "timestamp"), api.map(hello.data()).keySet());

            String name = unique("fields");
            api.create(workspace, name);
            SseStream.SseEvent created = stream.nextChange();
            Map<String, Object> data = api.map(created.data());
            assertEquals(Set.of("event_id", "type", "workspace", "name", "entity_version", "timestamp", "deployment"),
                    data.keySet());
            assertEquals("created", data.get("type"));
            assertEquals(created.eventId(), ((Number) data.get("event_id")).longValue());
        }
    }

    @Test
    void everyKindOfChangeProducesOneEventOfItsType() {
        String workspace = newWorkspace("ws-kinds");
        String name = unique("kinds");
        try (SseStream stream = subscribe(workspace)) {
            List<SseStream.SseEvent> received = new ArrayList<>();

            // create -> created, with the CREATED entry
            ModelDeployment v1 = api.create(workspace, name);
            SseStream.SseEvent sse = stream.nextChange();
            received.add(sse);
            DeploymentEvent event = assertEvent(sse, DeploymentEventType.CREATED, workspace, name, 1);
            assertEquals(v1, event.deployment(), "created: the new version with its one history entry");
            assertEquals(DeploymentStatus.CREATED, event.deployment().status());
            assertEquals(1, event.deployment().statusHistory().size());

            // status change -> status_changed with the one new entry
            ModelDeployment ready = api.setStatus(workspace, name, "READY", "up");
            sse = stream.nextChange();
            received.add(sse);
            event = assertEvent(sse, DeploymentEventType.STATUS_CHANGED, workspace, name, 1);
            assertEquals(withNewestEntryOnly(ready), event.deployment());
            assertEquals(DeploymentStatus.READY, event.deployment().statusHistory().get(0).status());
            assertEquals("up", event.deployment().statusHistory().get(0).statusMessage());

            // provider-only change -> status_changed with an empty history
            EventsApi.Reply providerReply = api.patchStatus(workspace, name, "",
                    "{\"status\":\"READY\",\"status_message\":\"up\",\"model_provider_id\":\"" + workspace
                            + "/provider-a\"}").expect(200);
            ModelDeployment withProvider = providerReply.deployment();
            assertEquals(workspace + "/provider-a", withProvider.modelProviderId());
            assertEquals(2, api.fullHistory(workspace, name, null).size(), "a provider-only change adds no entry");
            sse = stream.nextChange();
            received.add(sse);
            event = assertEvent(sse, DeploymentEventType.STATUS_CHANGED, workspace, name, 1);
            assertEquals(List.of(), event.deployment().statusHistory(), "provider-only: no history entry added");
            assertEquals(withHistory(withProvider, List.of()), event.deployment());
            assertEquals(workspace + "/provider-a", event.deployment().modelProviderId());

            // a no-op writes nothing and sends nothing
            api.patchStatus(workspace, name, "", "{\"status\":\"READY\",\"status_message\":\"up\",\"model_provider_id\":\""
                    + workspace + "/provider-a\"}").expect(200);
            api.setStatus(workspace, name, "READY", "up");

            // new version -> version_created, with its PENDING entry
            ModelDeployment v2 = api.newVersion(workspace, name, "cfg-2");
            sse = stream.nextChange();
            received.add(sse);
            event = assertEvent(sse, DeploymentEventType.VERSION_CREATED, workspace, name, 2);
            assertEquals(v2, event.deployment());
            assertEquals(DeploymentStatus.PENDING, event.deployment().status());
            assertEquals(1, event.deployment().statusHistory().size());
            ModelDeployment v3 = api.newVersion(workspace, name, "cfg-3");
            sse = stream.nextChange();
            received.add(sse);
            assertEquals(v3, assertEvent(sse, DeploymentEventType.VERSION_CREATED, workspace, name, 3).deployment());

            // version 1 DELETED, versions 2 (PENDING) and 3 (PENDING): a delete marks 3 and 2 DELETING
            api.setVersionStatus(workspace, name, 1, "DELETED", "gone");
            sse = stream.nextChange();
            received.add(sse);
            assertEvent(sse, DeploymentEventType.STATUS_CHANGED, workspace, name, 1);

            EventsApi.Reply deleted = api.deleteReply(workspace, name).expect(202);
            List<SseStream.SseEvent> deletions = stream.nextChanges(2, SseStream.EVENT_TIMEOUT);
            received.addAll(deletions);
            List<Integer> deletedVersions = new ArrayList<>();
            for (SseStream.SseEvent deletion : deletions) {
                assertEquals("deleted", deletion.name(), "one deleted event per version not yet DELETED: " + deletion);
                DeploymentEvent data = api.event(deletion);
                deletedVersions.add(data.entityVersion());
                assertEquals(DeploymentStatus.DELETING, data.deployment().status());
                assertEquals(1, data.deployment().statusHistory().size());
                assertEquals(DeploymentStatus.DELETING, data.deployment().statusHistory().get(0).status());
                List<StatusHistoryEntry> history = api.fullHistory(workspace, name, data.entityVersion());
                assertEquals(history.get(history.size() - 1), data.deployment().statusHistory().get(0),
                        "the deleted event carries the entry the delete added to version " + data.entityVersion());
            }
            assertEquals(Set.of(2, 3), Set.copyOf(deletedVersions), "no deleted event for the DELETED version 1");
            ModelDeployment deletedV3 = deleted.deployment();
            DeploymentEvent v3Deletion = api.event(deletions.get(deletedVersions.indexOf(3)));
            assertEquals(withNewestEntryOnly(deletedV3), v3Deletion.deployment(), "as the 202 answered it");

            // the deployment provider confirms -> status_changed twice, then delete purges all three
            api.setVersionStatus(workspace, name, 2, "DELETED", "released");
            api.setVersionStatus(workspace, name, 3, "DELETED", "released");
            List<SseStream.SseEvent> confirmations = stream.nextChanges(2, SseStream.EVENT_TIMEOUT);
            received.addAll(confirmations);
            assertEvent(confirmations.get(0), DeploymentEventType.STATUS_CHANGED, workspace, name, 2);
            assertEvent(confirmations.get(1), DeploymentEventType.STATUS_CHANGED, workspace, name, 3);

            api.deleteReply(workspace, name).expect(204);
            List<SseStream.SseEvent> purges = stream.nextChanges(3, SseStream.EVENT_TIMEOUT);
            received.addAll(purges);
            List<Integer> purgedVersions = new ArrayList<>();
            for (SseStream.SseEvent purge : purges) {
                assertEquals("purged", purge.name(), "one purged event per version: " + purge);
                DeploymentEvent data = api.event(purge);
                purgedVersions.add(data.entityVersion());
                assertEquals(DeploymentEventType.PURGED, data.type());
                assertEquals(DeploymentStatus.DELETED, data.deployment().status(), "its last state");
                assertEquals(List.of(), data.deployment().statusHistory(), "a purge adds no entry");
            }
            assertEquals(Set.of(1, 2, 3), Set.copyOf(purgedVersions));
            api.latestReply(workspace, name).expect(404);

            stream.expectNone(e -> !e.isHeartbeat(), QUIET);
            assertStrictlyIncreasing(received);
        }
    }

    @Test
    void deletingAndPurgingOneVersionProduceDeletedAndPurged() {
        String workspace = newWorkspace("ws-version-delete");
        String name = unique("version-delete");
        api.create(workspace, name);
        api.newVersion(workspace, name, "cfg-2");
        try (SseStream stream = subscribe(workspace)) {
            ModelDeployment marked = api.deleteVersionReply(workspace, name, 1).expect(202).deployment();
            DeploymentEvent deleted = assertEvent(stream.nextChange(), DeploymentEventType.DELETED, workspace, name, 1);
            assertEquals(withNewestEntryOnly(marked), deleted.deployment());

            // deleting a DELETING version again changes nothing: no event
            api.deleteVersionReply(workspace, name, 1).expect(202);
            api.setVersionStatus(workspace, name, 1, "DELETED", "released");
            DeploymentEvent confirmed = assertEvent(stream.nextChange(), DeploymentEventType.STATUS_CHANGED,
                    workspace, name, 1);
            assertEquals(DeploymentStatus.DELETED, confirmed.deployment().status());

            api.deleteVersionReply(workspace, name, 1).expect(204);
            DeploymentEvent purged = assertEvent(stream.nextChange(), DeploymentEventType.PURGED, workspace, name, 1);
            assertEquals(DeploymentStatus.DELETED, purged.deployment().status());
            assertEquals(List.of(), purged.deployment().statusHistory());
            assertEquals(confirmed.deployment().id(), purged.deployment().id());
            stream.expectNone(e -> !e.isHeartbeat(), QUIET);
        }
    }

    @Test
    void noOpAndRejectedUpdatesProduceNoEvent() {
        String workspace = newWorkspace("ws-rejected");
        String name = unique("rejected");
        String deleting = unique("deleting");
        api.create(workspace, name);
        api.create(workspace, deleting);
        ModelDeployment ready = api.setStatus(workspace, name, "READY", "up");
        api.deleteReply(workspace, deleting).expect(202);
        try (SseStream stream = subscribe(workspace)) {
            // no-op: same status and message (PATCH and POST)
            assertEquals(ready.etag(), api.patchStatus(workspace, name, "", statusBody("READY", "up"))
                    .expect(200).etag());
            api.postStatus(workspace, name, "", statusBody("READY", "up")).expect(200);
            // 409: DELETING accepts only DELETED
            api.patchStatus(workspace, deleting, "", statusBody("READY", "back")).expect(409);
            // 422: not a status, message too long
            api.patchStatus(workspace, name, "", statusBody("RUNNING", "x")).expect(422);
            api.patchStatus(workspace, name, "", statusBody("ERROR", "x".repeat(1001))).expect(422);
            // 412: stale entity tag
            api.patchStatus(workspace, name, "", statusBody("ERROR", "stale"),
                    "If-Match", "\"" + ready.id() + ".0\"").expect(412);
            // 404: no such deployment or version
            api.patchStatus(workspace, unique("missing"), "", statusBody("READY", "x")).expect(404);
            api.patchStatus(workspace, name, "?version=9", statusBody("READY", "x")).expect(404);
            // 409: name taken
            api.createReply(workspace, name).expect(409);

            assertEquals(2, api.fullHistory(workspace, name, null).size(), "nothing was written");
            stream.expectNone(e -> !e.isHeartbeat(), QUIET);

            // a real change afterwards is the very next event
            api.setStatus(workspace, name, "ERROR", "marker");
            DeploymentEvent marker = assertEvent(stream.nextChange(), DeploymentEventType.STATUS_CHANGED,
                    workspace, name, 1);
            assertEquals("marker", marker.deployment().statusMessage());
        }
    }

    @Test
    void anUnknownWorkspaceIs404() {
        EventsApi.Reply reply = api.get(events(unique("no-such-workspace")), "Accept", "text/event-stream");
        assertEquals(404, reply.status, reply.body);
        assertTrue(api.map(reply.body).get("detail") instanceof String, reply.body);
    }

    @Test
    void aMalformedLastEventIdIs422() {
        EventsApi.Reply query = api.get(events(DEFAULT) + "?last_event_id=abc", "Accept", "text/event-stream");
        assertEquals(422, query.status, query.body);
        assertTrue(query.body.contains("last_event_id"), query.body);

        EventsApi.Reply header = api.get(events(DEFAULT), "Accept", "text/event-stream", "Last-Event-ID", "abc");
        assertEquals(422, header.status, header.body);
        assertTrue(header.body.contains("Last-Event-ID"), header.body);

        EventsApi.Reply negative = api.get(events("-") + "?last_event_id=-1", "Accept", "text/event-stream");
        assertEquals(422, negative.status, negative.body);
    }

    @Test
    void theStreamOfAllWorkspacesIncludesANewWorkspacesFirstDeployment() {
        try (SseStream all = subscribe("-")) {
            String workspace = unique("ws-brand-new");
            String name = unique("first");
            ModelDeployment created = api.create(workspace, name);
            DeploymentEvent event = assertEvent(all.nextChange(), DeploymentEventType.CREATED, workspace, name, 1);
            assertEquals(created, event.deployment());
            assertNotEquals(DEFAULT, event.workspace());
        }
    }

    private static void assertStrictlyIncreasing(List<SseStream.SseEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).eventId() > events.get(i - 1).eventId(),
                    "ids increase: " + events.get(i - 1).id() + " then " + events.get(i).id());
        }
    }
}
