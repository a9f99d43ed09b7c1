package io.modeldeploy.server.api;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.server.events.EventsApi;
import io.modeldeploy.server.events.SseStream;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.modeldeploy.server.api.StatusBatches.target;
import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /apis/modeldeploy/v1/status-batches}: every target changed in one go with its history
 * entry and event, or none when one target is refused (its index in {@code target}).
 */
@MicronautTest(transactional = false)
class StatusBatchApiTest {
    private static final String ONLY_DELETED =
            "Deployment is marked for deletion (DELETING). Only transition to DELETED is allowed.";

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

    /** A workspace of its own with {@code count} deployments (version 1 each). */
    private List<ModelDeployment> fleet(String workspace, int count) {
        List<ModelDeployment> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(api.create(workspace, "d" + i));
        }
        return created;
    }

    /** Everything a batch could change of a version, as GET shows it (with its whole history). */
    private String state(String workspace, String name, int version) {
        return api.versionReply(workspace, name, version).expect(200).body + " "
                + api.fullHistory(workspace, name, version);
    }

    /** The next change on the stream is the marker's: no event came before it. */
    private void expectOnlyMarkerNext(SseStream stream, String workspace) {
        ModelDeployment marker = api.setStatus(workspace, "marker", "READY", unique("marker"));
        DeploymentEvent next = api.event(stream.nextChange());
        assertEquals("marker", next.name(), "no event before the marker's: " + next);
        assertEquals(marker.statusMessage(), next.deployment().statusMessage());
    }

    @Test
    void everyTargetChangesInTargetOrderWithOneHistoryEntryAndEventEachAtOneTime() {
        String workspace = unique("ws-batch");
        List<ModelDeployment> fleet = fleet(workspace, 3);
        api.newVersion(workspace, "d1", "cfg-2");
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            assertTrue(stream.next().isHeartbeat());

            List<ModelDeployment> results = batches.apply("ERROR", "node lost", List.of(
                    target(workspace, "d2"), target(workspace, "d1", 1, null), target(workspace, "d1"),
                    target(workspace, "d0", 1, fleet.get(0).etag())));

            assertEquals(List.of("d2 1", "d1 1", "d1 2", "d0 1"),
                    results.stream().map(d -> d.name() + " " + d.entityVersion()).toList(), "in target order");
            List<SseStream.SseEvent> received = stream.nextChanges(4, WAIT);
            StatusHistoryEntry first = last(results.get(0).statusHistory());
            for (int i = 0; i < results.size(); i++) {
                ModelDeployment result = results.get(i);
                assertEquals(DeploymentStatus.ERROR, result.status());
                assertEquals("node lost", result.statusMessage());
                ModelDeployment stored = api.versionReply(workspace, result.name(), result.entityVersion()).expect(200)
                        .deployment();
                assertEquals(stored, result, "each result is what a single GET answers, history window included");
                assertEquals(2, result.statusHistory().size(), "created + the batch's entry");
                StatusHistoryEntry entry = last(result.statusHistory());
                assertEquals(new StatusHistoryEntry(first.timestamp(), DeploymentStatus.ERROR, "node lost", "anonymous",
                        ChangeSource.API), entry, "one timestamp, actor and source for the whole batch");
                assertEquals(entry.timestamp(), result.updatedAt());

                DeploymentEvent event = api.event(received.get(i));
                assertEquals(DeploymentEventType.STATUS_CHANGED, event.type(), "the event of a single status update");
                assertEquals(result.name() + " " + result.entityVersion(), event.name() + " " + event.entityVersion(),
                        "events in target order");
                assertEquals(EventsApi.withNewestEntryOnly(result), event.deployment());
                assertEquals(entry.timestamp(), event.timestamp());
            }
            for (int i = 1; i < received.size(); i++) {
                assertEquals(received.get(i - 1).eventId() + 1, received.get(i).eventId(), "consecutive event ids");
            }
        }
    }

    @Test
    void aTargetAlreadyInTheStateIsReportedButWritesNothing() {
        String workspace = unique("ws-unchanged");
        fleet(workspace, 2);
        api.create(workspace, "marker");
        ModelDeployment already = api.setStatus(workspace, "d0", "READY", "serving");
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            assertTrue(stream.next().isHeartbeat());
            List<ModelDeployment> results = batches.apply("READY", "serving",
                    List.of(target(workspace, "d0"), target(workspace, "d1")));

            assertEquals(already, results.get(0), "the unchanged target as it was, same updated_at and history");
            assertEquals(2, api.fullHistory(workspace, "d0", 1).size(), "no entry for the unchanged target");
            assertEquals(DeploymentStatus.READY, results.get(1).status());
            assertEquals("d1", api.event(stream.nextChange()).name(), "only the changed target has an event");
            expectOnlyMarkerNext(stream, workspace);
        }
    }

    @Test
    void aProviderOnlyChangeUpdatesItWithoutHistoryAsASingleUpdateDoes() {
        String workspace = unique("ws-provider");
        fleet(workspace, 1);
        api.setStatus(workspace, "d0", "READY", "");
        ModelDeployment result = StatusBatches.results(batches.send(batches.json(Map.of("status", "READY",
                "model_provider_id", "prov/x", "targets", List.of(target(workspace, "d0"))))).expect(200)).get(0);
        assertEquals("prov/x", result.modelProviderId());
        assertEquals(2, result.statusHistory().size(), "no entry: status and message are the same");
    }

    // ---- all or nothing ----

    @Test
    void aRefusedTargetLeavesEveryTargetItsHistoryAndTheEventStreamUnchanged() {
        String workspace = unique("ws-atomic");
        fleet(workspace, 3);
        api.create(workspace, "marker");
        api.deleteReply(workspace, "d2").expect(202);
        List<String> before = List.of(state(workspace, "d0", 1), state(workspace, "d1", 1), state(workspace, "d2", 1));
        try (SseStream stream = SseStream.open(api.uri(events(workspace)))) {
            assertTrue(stream.next().isHeartbeat());

            EventsApi.Reply reply = batches.send("READY", "back", List.of(
                    target(workspace, "d0"), target(workspace, "d1"), target(workspace, "d2"), target(workspace, "d0x")));

            assertBatchError(reply, 409, 2, ONLY_DELETED);
            assertEquals("false", reply.header("x-should-retry"));
            assertEquals(before, List.of(state(workspace, "d0", 1), state(workspace, "d1", 1), state(workspace, "d2", 1)),
                    "no target changed, no history entry was written");
            expectOnlyMarkerNext(stream, workspace);
        }
    }

    @Test
    void anUnknownDeploymentOrVersionIs404NamingTheFirstSuchTarget() {
        String workspace = unique("ws-404");
        fleet(workspace, 2);
        String before = state(workspace, "d0", 1);
        assertBatchError(batches.send("READY", "", List.of(target(workspace, "d0"), target(workspace, "nope"),
                target(workspace, "d1", 7, null))), 404, 1, "Deployment '" + workspace + "/nope' not found");
        assertBatchError(batches.send("READY", "", List.of(target(workspace, "d0"), target(workspace, "d1", 7, null))),
                404, 1, "Deployment '" + workspace + "/d1' version '7' not found");
        assertBatchError(batches.send("READY", "", List.of(target(unique("no-such-ws"), "d0"))), 404, 0, null);
        assertEquals(before, state(workspace, "d0", 1));
    }

    @Test
    void aStaleIfMatchIs412SayingWhatChangedAndAFreshOneApplies() {
        String workspace = unique("ws-412");
        List<ModelDeployment> fleet = fleet(workspace, 3);
        ModelDeployment moved = api.setStatus(workspace, "d1", "PENDING", "pulling image");

        EventsApi.Reply reply = batches.send("READY", "ok", List.of(target(workspace, "d0", null, fleet.get(0).etag()),
                target(workspace, "d1", null, fleet.get(1).etag()), target(workspace, "d2", 1, "\"stale\"")));

        Map<String, Object> error = assertBatchError(reply, 412, 1, null);
        String detail = (String) error.get("detail");
        assertTrue(detail.contains(workspace + "/d1") && detail.contains("PENDING") && detail.contains("pulling image")
                && detail.contains(moved.etag()), "the detail names the target's current state: " + detail);
        assertEquals(moved, api.latest(workspace, "d1"));
        assertEquals(1, api.fullHistory(workspace, "d0", 1).size(), "the first target was not changed either");

        List<ModelDeployment> results = batches.apply("READY", "ok", List.of(
                target(workspace, "d0", null, fleet.get(0).etag()), target(workspace, "d1", null, moved.etag())));
        assertEquals(List.of(DeploymentStatus.READY, DeploymentStatus.READY),
                results.stream().map(ModelDeployment::status).toList());
    }

    @Test
    void theFirstFailingTargetIsReportedWhateverItsKind() {
        String workspace = unique("ws-first");
        List<ModelDeployment> fleet = fleet(workspace, 3);
        api.deleteReply(workspace, "d2").expect(202);
        assertBatchError(batches.send("READY", "", List.of(target(workspace, "d0"), target(workspace, "d2"),
                target(workspace, "gone"))), 409, 1, ONLY_DELETED);
        assertBatchError(batches.send("READY", "", List.of(target(workspace, "d0", null, "\"old\""),
                target(workspace, "gone"), target(workspace, "d2"))), 412, 0, null);
        assertBatchError(batches.send("READY", "", List.of(target(workspace, "d1"), target(workspace, "gone"),
                target(workspace, "d2"))), 404, 1, null);
        // DELETING accepts DELETED, in a batch too
        assertEquals(DeploymentStatus.DELETED, batches.apply("DELETED", "", List.of(target(workspace, "d2"))).get(0)
                .status());
        assertEquals(fleet.get(0), api.latest(workspace, "d0"));
    }

    // ---- 422: invalid fields, sizes, duplicates ----

    @Test
    void invalidTargetFieldsAre422WithLocInsideTargets() {
        String workspace = unique("ws-422");
        fleet(workspace, 1);
        String before = state(workspace, "d0", 1);
        String good = batches.json(target(workspace, "d0"));
        Map<String, List<Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("[" + good + ",{\"workspace\":\"" + workspace + "\",\"name\":\"d0\",\"version\":2,\"if_match\":5}]",
                List.of("body", "targets", 1, "if_match"));
        cases.put("[" + good + "," + good + "," + good + ",{\"workspace\":\"" + workspace + "\"}]",
                List.of("body", "targets", 3, "name"));
        cases.put("[{\"name\":\"d0\"}]", List.of("body", "targets", 0, "workspace"));
        cases.put("[{\"workspace\":\"-\",\"name\":\"d0\"}]", List.of("body", "targets", 0, "workspace"));
        cases.put("[{\"workspace\":\"a b\",\"name\":\"d0\"}]", List.of("body", "targets", 0, "workspace"));
        cases.put("[{\"workspace\":\"w\",\"name\":\"" + "n".repeat(256) + "\"}]", List.of("body", "targets", 0, "name"));
        cases.put("[{\"workspace\":\"w\",\"name\":null}]", List.of("body", "targets", 0, "name"));
        cases.put("[{\"workspace\":\"w\",\"name\":[\"d0\"]}]", List.of("body", "targets", 0, "name"));
        for (String version : List.of("0", "-1", "-99999999999999999999999", "99999999999999999999999", "2147483648",
                "1e400", "-1e400", "1.5", "\"two\"", "\"2.5\"", "{}", "[1]")) {
            cases.put("[" + good + ",{\"workspace\":\"w\",\"name\":\"d0\",\"version\":" + version + "}]",
                    List.of("body", "targets", 1, "version"));
        }
        for (String item : List.of("null", "5", "\"d0\"", "[]", "[[[[{}]]]]")) {
            cases.put("[" + good + "," + item + "]", List.of("body", "targets", 1));
        }
        cases.put("null", List.of("body", "targets"));
        cases.put("{}", List.of("body", "targets"));
        cases.put("\"x\"", List.of("body", "targets"));
        cases.put("[]", List.of("body", "targets"));
        for (Map.Entry<String, List<Object>> c : cases.entrySet()) {
            EventsApi.Reply reply = batches.send("{\"status\":\"READY\",\"targets\":" + c.getKey() + "}");
            assertEquals(422, reply.status, c.getKey() + " -> " + reply.body);
            assertTrue(hasErrorAt(reply, c.getValue()), c.getKey() + ": an error at " + c.getValue() + " in " + reply.body);
        }
        EventsApi.Reply missing = batches.send("{\"status\":\"READY\"}");
        assertTrue(hasErrorAt(missing, List.of("body", "targets")), missing.body);
        EventsApi.Reply badTop = batches.send("{\"status\":\"NOPE\",\"status_message\":5,\"model_provider_id\":[\"x\"],"
                + "\"targets\":[" + good + "]}");
        for (String field : List.of("status", "status_message", "model_provider_id")) {
            assertTrue(hasErrorAt(badTop, List.of("body", field)), field + " in " + badTop.body);
        }
        assertEquals(before, state(workspace, "d0", 1));
    }

    @Test
    void everyErrorOfOneRequestIsListedInPydanticsWordsAndOrder() {
        EventsApi.Reply reply = batches.send("{\"status\":\"READY\",\"targets\":[{\"workspace\":\"w\",\"name\":\"a\"},"
                + "{\"workspace\":5,\"name\":\"b\",\"version\":0},7]}");
        assertEquals(422, reply.status, reply.body);
        assertEquals(api.map(batches.json(Map.of("detail", List.of(
                Map.of("type", "string_type", "loc", List.of("body", "targets", 1, "workspace"),
                        "msg", "Input should be a valid string", "input", 5),
                Map.of("type", "greater_than_equal", "loc", List.of("body", "targets", 1, "version"),
                        "msg", "Input should be greater than or equal to 1", "input", 0, "ctx", Map.of("ge", 1)),
                Map.of("type", "model_type", "loc", List.of("body", "targets", 2),
                        "msg", "Input should be a valid dictionary or instance of StatusBatchTarget", "input", 7,
                        "ctx", Map.of("class_name", "StatusBatchTarget")))))),
                reply.map());
    }

    @Test
    void anEmptyListOrMoreThan1000TargetsIs422AsAWhole() {
        EventsApi.Reply empty = batches.send("READY", "", List.of());
        assertEquals(422, empty.status, empty.body);
        assertEquals(api.map(batches.json(Map.of("detail", List.of(Map.of("type", "too_short",
                "loc", List.of("body", "targets"), "msg", "List should have at least 1 item after validation, not 0",
                "input", List.of(), "ctx", Map.of("field_type", "List", "min_length", 1, "actual_length", 0)))))),
                empty.map());

        List<Map<String, Object>> targets = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            targets.add(target("no-such-ws", "n" + i));
        }
        EventsApi.Reply tooMany = batches.send("READY", "", targets);
        assertEquals(422, tooMany.status, "1001 targets");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = ((List<Map<String, Object>>) tooMany.map().get("detail")).get(0);
        assertEquals("too_long", error.get("type"));
        assertEquals(List.of("body", "targets"), error.get("loc"));
        assertEquals("List should have at most 1000 items after validation, not 1001", error.get("msg"));
    }

    @Test
    void aTargetNamingTheSameVersionAsAnEarlierOneIs422AndChangesNothing() {
        String workspace = unique("ws-dup");
        fleet(workspace, 3);
        api.newVersion(workspace, "d1", "cfg-2");
        String before = state(workspace, "d0", 1);

        EventsApi.Reply same = batches.send("READY", "", List.of(target(workspace, "d0"), target(workspace, "d2"),
                target(workspace, "d0")));
        assertEquals(List.of("body", "targets", 2), duplicateLoc(same));

        EventsApi.Reply resolved = batches.send("READY", "", List.of(target(workspace, "d1", 1, null),
                target(workspace, "d1", 2, null), target(workspace, "d0"), target(workspace, "d1")));
        assertEquals(List.of("body", "targets", 3), duplicateLoc(resolved), "latest resolves to version 2 of target 1");

        assertEquals(before, state(workspace, "d0", 1));
        assertEquals(1, api.fullHistory(workspace, "d1", 1).size());
        assertEquals(1, api.fullHistory(workspace, "d2", 1).size());
    }

    @Test
    void hostileBodiesAreNeverAServerErrorAndChangeNothing() {
        String workspace = unique("ws-hostile");
        fleet(workspace, 1);
        String before = state(workspace, "d0", 1);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        List<String> bodies = List.of("", "null", "[]", "{", "{\"status\":\"READY\",\"targets\":" + deep + "}",
                "{\"status\":\"READY\",\"targets\":[" + deep + "]}",
                "{\"status\":\"READY\",\"targets\":[{\"workspace\":" + deep + ",\"name\":\"d0\"}]}",
                "{\"status\":\"READY\",\"targets\":[{\"workspace\":\"" + workspace + "\",\"name\":\"d0\",\"version\":"
                        + "9".repeat(5000) + "}]}",
                "{\"status\":\"READY\",\"targets\":[{\"workspace\":\"" + workspace + "\",\"name\":\"d0\",\"version\":1e"
                        + "9".repeat(30) + "}]}",
                "{\"status\":\"READY\",\"targets\":[{\"workspace\":\"" + workspace + "\",\"name\":\"d0\",\"if_match\":"
                        + "{\"a\":[1,2,{\"b\":null}]}}]}",
                "{\"status\":\"READY\",\"targets\":[{\"workspace\":\"" + workspace + "\",\"name\":\"d0\"}]} trailing",
                "{\"status\":\"READY\",\"targets\":[{\"workspace\":\"" + workspace + "\",\"name\":\"d0\",\"if_match\":\""
                        + "\\u0000".repeat(100) + "\"}]}");
        for (String body : bodies) {
            EventsApi.Reply reply = batches.send(body);
            assertTrue(reply.status >= 400 && reply.status < 500, "a 4xx for " + abbreviated(body) + ": " + reply.status
                    + " " + abbreviated(reply.body));
            assertTrue(api.map(reply.body).containsKey("detail"), abbreviated(reply.body));
        }
        assertEquals(before, state(workspace, "d0", 1));
    }

    // ---- size ----

    @Test
    void aBatchOf1000TargetsChangesThemAll() throws Exception {
        String workspace = unique("ws-1000");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            names.add("d" + i);
        }
        Concurrently.run(8, names, name -> api.create(workspace, name));
        List<Map<String, Object>> targets = names.stream().map(name -> target(workspace, name)).toList();

        List<ModelDeployment> results = batches.apply("LOST", "rack 7 down", targets);

        assertEquals(names, results.stream().map(ModelDeployment::name).toList());
        assertTrue(results.stream().allMatch(d -> d.status() == DeploymentStatus.LOST && d.statusHistory().size() == 2));
        for (int i = 0; i < 1000; i += 111) {
            assertEquals(results.get(i), api.latest(workspace, names.get(i)));
        }
    }

    // ---- the served OpenAPI document ----

    @Test
    void theOpenApiDocumentListsTheBatchWithEveryAnswerAndItsSchemas() {
        String document = api.get(WhoAmIApiTest.OPENAPI_DOCUMENT).expect(200).body;
        String path = WhoAmIApiTest.block(document, "  " + StatusBatches.PATH + ":", "  ");
        assertTrue(path.contains("post:"), path);
        assertTrue(path.contains("#/components/schemas/StatusBatchRequest"), path);
        for (String status : List.of("200", "401", "403", "404", "409", "412", "422", "503")) {
            assertTrue(Pattern.compile("\"?" + status + "\"?:").matcher(path).find(), status + " in " + path);
        }
        for (String schema : List.of("StatusBatchResult", "BatchErrorBody", "ValidationErrorBody", "ErrorBody")) {
            assertTrue(path.contains("#/components/schemas/" + schema + "\""), schema + " in " + path);
        }
        Map<String, List<String>> fields = Map.of(
                "StatusBatchRequest", List.of("status:", "status_message:", "model_provider_id:", "targets:",
                        "maxItems: 1000", "#/components/schemas/StatusBatchTarget"),
                "StatusBatchTarget", List.of("workspace:", "name:", "version:", "if_match:"),
                "StatusBatchResult", List.of("results:", "#/components/schemas/ModelDeployment"),
                "BatchErrorBody", List.of("detail:", "target:"));
        fields.forEach((schema, expected) -> {
            String block = WhoAmIApiTest.block(document, "    " + schema + ":", "    ");
            expected.forEach(field -> assertTrue(block.contains(field), field + " in " + block));
        });
    }

    // ---- helpers ----

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Map<String, Object> assertBatchError(EventsApi.Reply reply, int status, int target, String detail) {
        assertEquals(status, reply.status, reply.body);
        Map<String, Object> body = reply.map();
        assertEquals(java.util.Set.of("detail", "target"), body.keySet(), reply.body);
        assertEquals(target, ((Number) body.get("target")).intValue(), "the failing target's index: " + reply.body);
        if (detail != null) {
            assertEquals(detail, body.get("detail"));
        } else {
            assertNotEquals("", body.get("detail"));
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private boolean hasErrorAt(EventsApi.Reply reply, List<Object> loc) {
        if (reply.status != 422) {
            return false;
        }
        Object detail = reply.map().get("detail");
        return detail instanceof List<?> items && items.stream()
                .anyMatch(item -> Api.locEquals(loc, ((Map<String, Object>) item).get("loc")));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> duplicateLoc(EventsApi.Reply reply) {
        assertEquals(422, reply.status, reply.body);
        List<Map<String, Object>> detail = (List<Map<String, Object>>) reply.map().get("detail");
        assertEquals(1, detail.size(), reply.body);
        assertEquals("value_error", detail.get(0).get("type"));
        assertTrue(((String) detail.get(0).get("msg")).contains("same deployment version as target"), reply.body);
        return (List<Object>) detail.get(0).get("loc");
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static String abbreviated(String text) {
        return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...";
    }
}
