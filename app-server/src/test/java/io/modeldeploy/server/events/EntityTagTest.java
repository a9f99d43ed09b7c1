package io.modeldeploy.server.events;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentEvent;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.modeldeploy.server.events.EventsApi.events;
import static io.modeldeploy.server.events.EventsApi.statusBody;
import static io.modeldeploy.server.events.EventsApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ETag on every single-deployment answer, and If-Match on PATCH/POST .../status: applied with the
 * current tag, '*' or a list holding it; 412 with the current deployment for a stale or weak tag,
 * writing nothing; without If-Match the last write wins.
 */
@MicronautTest(transactional = false)
@Timeout(60)
class EntityTagTest {
    private static final Duration QUIET = Duration.ofMillis(500);

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper jsonMapper;

    private EventsApi api;
    private String workspace;

    @BeforeEach
    void setUp() throws Exception {
        api = new EventsApi(server.getURL().toURI(), jsonMapper);
        workspace = unique("ws-etag");
        api.create(workspace, "seed");
    }

    /** The answer carries ETag, equal to its body's etag(); returns the body. */
    private static ModelDeployment assertTagged(EventsApi.Reply reply) {
        String etag = reply.etag();
        assertTrue(etag != null, reply.request + " carries an ETag");
        ModelDeployment body = reply.deployment();
        assertEquals(body.etag(), etag, reply.request + ": ETag equals the body's etag()");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong, quoted tag: " + etag);
        return body;
    }

    private SseStream subscribe() {
        SseStream stream = SseStream.open(api.uri(events(workspace)));
        assertTrue(stream.next().isHeartbeat());
        return stream;
    }

    @Test
    void everySingleDeploymentAnswerCarriesTheETagOfItsBody() {
        String name = unique("tagged");
        ModelDeployment created = assertTagged(api.createReply(workspace, name).expect(201));
        assertEquals(created.etag(), assertTagged(api.latestReply(workspace, name).expect(200)).etag());
        assertEquals(created.etag(), assertTagged(api.versionReply(workspace, name, 1).expect(200)).etag());

        ModelDeployment patched = assertTagged(api.patchStatus(workspace, name, "", statusBody("READY", "a"))
                .expect(200));
        ModelDeployment posted = assertTagged(api.postStatus(workspace, name, "", statusBody("READY", "b"))
                .expect(200));
        assertEquals(posted.etag(), assertTagged(api.latestReply(workspace, name).expect(200)).etag(),
                "the tag of an update's answer is the tag a later GET sends");

        ModelDeployment v2 = assertTagged(api.newVersionReply(workspace, name, "cfg-2").expect(201));
        assertEquals(v2.etag(), assertTagged(api.versionReply(workspace, name, 2).expect(200)).etag());
        assertEquals(posted.etag(), assertTagged(api.versionReply(workspace, name, 1).expect(200)).etag(),
                "version 1 keeps its tag");
        assertNotEquals(v2.etag(), posted.etag(), "versions have tags of their own");

        ModelDeployment deleted = assertTagged(api.deleteReply(workspace, name).expect(202));
        assertEquals(DeploymentStatus.DELETING, deleted.status());
        assertEquals(deleted.etag(), assertTagged(api.latestReply(workspace, name).expect(200)).etag());
        ModelDeployment deletedVersion1 = assertTagged(api.versionReply(workspace, name, 1).expect(200));
        assertEquals(DeploymentStatus.DELETING, deletedVersion1.status());

        api.setVersionStatus(workspace, name, 1, "DELETED", "gone");
        ModelDeployment v3 = assertTagged(api.newVersionReply(workspace, name, "cfg-3").expect(201));
        assertEquals(3, v3.entityVersion());
        ModelDeployment marked = assertTagged(api.deleteVersionReply(workspace, name, 3).expect(202));
        assertEquals(DeploymentStatus.DELETING, marked.status());

        Set<String> tags = Set.of(created.etag(), patched.etag(), posted.etag(), v2.etag(), deleted.etag(),
                deletedVersion1.etag(), v3.etag(), marked.etag());
        assertEquals(8, tags.size(), "every state its own tag: " + tags);
    }

    @Test
    void theETagChangesWithEveryAppliedChangeAndNotOnANoOp() {
        String name = unique("changes");
        Set<String> seen = new HashSet<>();
        String tag = api.createReply(workspace, name).expect(201).etag();
        seen.add(tag);
        List<String> bodies = List.of(
                statusBody("PENDING", "pulling"),
                statusBody("PENDING", "pulled"),
                statusBody("READY", "pulled"),
                "{\"status\":\"READY\",\"status_message\":\"pulled\",\"model_provider_id\":\"" + workspace + "/p1\"}",
                "{\"status\":\"READY\",\"status_message\":\"pulled\",\"model_provider_id\":\"" + workspace + "/p2\"}",
                statusBody("READY", "pulled again"),
                statusBody("ERROR", "oom"));
        for (String body : bodies) {
            // many changes in a row, fast: the tag still changes every time
            EventsApi.Reply reply = api.patchStatus(workspace, name, "", body).expect(200);
            assertTagged(reply);
            assertTrue(seen.add(reply.etag()), "a new tag after " + body + ": " + reply.etag());
            String current = reply.etag();
            // the same request again changes nothing: same tag, on the answer and on GET
            EventsApi.Reply noOp = api.patchStatus(workspace, name, "", body).expect(200);
            assertEquals(current, noOp.etag(), "a no-op keeps the tag: " + body);
            assertEquals(current, api.latestReply(workspace, name).etag());
        }
        assertEquals(8, seen.size());
    }

    @Test
    void ifMatchWithTheCurrentETagIsApplied() {
        String name = unique("fresh");
        String tag = api.createReply(workspace, name).expect(201).etag();

        EventsApi.Reply patched = api.patchStatus(workspace, name, "", statusBody("READY", "via patch"),
                "If-Match", tag).expect(200);
        assertEquals("via patch", assertTagged(patched).statusMessage());
        assertNotEquals(tag, patched.etag());

        EventsApi.Reply posted = api.postStatus(workspace, name, "", statusBody("READY", "via post"),
                "If-Match", patched.etag()).expect(200);
        assertEquals("via post", assertTagged(posted).statusMessage());

        // the tag computed by a client from a body (ModelDeployment#etag) works as well
        ModelDeployment latest = api.latest(workspace, name);
        api.patchStatus(workspace, name, "", statusBody("ERROR", "from body tag"), "If-Match", latest.etag())
                .expect(200);
        assertEquals(4, api.fullHistory(workspace, name, null).size());
    }

    @Test
    void ifMatchWithAStaleETagIs412WithTheCurrentDeploymentAndWritesNothing() {
        String name = unique("stale");
        String stale = api.createReply(workspace, name).expect(201).etag();
        api.setStatus(workspace, name, "PENDING", "moved on");
        ModelDeployment current = api.latest(workspace, name);
        List<StatusHistoryEntry> historyBefore = api.fullHistory(workspace, name, null);

        try (SseStream stream = subscribe()) {
            for (String method : List.of("PATCH", "POST")) {
                EventsApi.Reply reply = method.equals("PATCH")
                        ? api.patchStatus(workspace, name, "", statusBody("ERROR", "lost update"), "If-Match", stale)
                        : api.postStatus(workspace, name, "", statusBody("ERROR", "lost update"), "If-Match", stale);
                assertEquals(412, reply.status, method + " with a stale tag: " + reply.body);
                ModelDeployment body = assertTagged(reply);
                assertEquals(current, body, method + ": the 412 body is the current deployment, as GET has it");
                assertEquals(current.etag(), reply.etag());
            }
            // a stale tag for a change that would otherwise be a no-op, or be rejected: still 412
            api.patchStatus(workspace, name, "", statusBody("PENDING", "moved on"), "If-Match", stale).expect(412);

            assertEquals(historyBefore, api.fullHistory(workspace, name, null), "nothing was written");
            assertEquals(current, api.latest(workspace, name));
            stream.expectNone(e -> !e.isHeartbeat(), QUIET);

            // retrying with the tag of the 412 answer succeeds, and is the next event
            EventsApi.Reply retried = api.patchStatus(workspace, name, "", statusBody("ERROR", "retried"),
                    "If-Match", current.etag()).expect(200);
            DeploymentEvent event = api.event(stream.nextChange());
            assertEquals("retried", event.deployment().statusMessage());
            assertEquals(retried.etag(), event.deployment().etag());
        }
    }

    @Test
    void twoClientsWithTheSameETagOneWinsTheOtherGets412() {
        String name = unique("race");
        api.create(workspace, name);
        String tag = api.latestReply(workspace, name).expect(200).etag();
        EventsApi.Reply first = api.patchStatus(workspace, name, "", statusBody("READY", "first"), "If-Match", tag)
                .expect(200);
        EventsApi.Reply second = api.postStatus(workspace, name, "", statusBody("ERROR", "second"), "If-Match", tag);
        assertEquals(412, second.status, second.body);
        assertEquals(first.deployment(), second.deployment(), "the loser sees the winner's state");
        assertEquals(first.etag(), second.etag());
        assertEquals("first", api.latest(workspace, name).statusMessage());
    }

    @Test
    void ifMatchStarIsApplied() {
        String name = unique("star");
        api.create(workspace, name);
        api.setStatus(workspace, name, "PENDING", "x");
        EventsApi.Reply reply = api.patchStatus(workspace, name, "", statusBody("READY", "star"), "If-Match", "*")
                .expect(200);
        assertEquals("star", assertTagged(reply).statusMessage());
        api.postStatus(workspace, name, "", statusBody("READY", "star post"), "If-Match", "*").expect(200);
        assertEquals(4, api.fullHistory(workspace, name, null).size());
    }

    @Test
    void withoutIfMatchTheLastWriteWins() {
        String name = unique("last-write");
        api.create(workspace, name);
        String tagBoth = api.latestReply(workspace, name).etag();
        EventsApi.Reply first = api.patchStatus(workspace, name, "", statusBody("READY", "client A")).expect(200);
        EventsApi.Reply second = api.patchStatus(workspace, name, "", statusBody("ERROR", "client B")).expect(200);
        assertNotEquals(tagBoth, first.etag());
        assertNotEquals(first.etag(), second.etag());
        ModelDeployment latest = api.latest(workspace, name);
        assertEquals("client B", latest.statusMessage());
        assertEquals(DeploymentStatus.ERROR, latest.status());
        assertEquals(3, api.fullHistory(workspace, name, null).size(), "both writes recorded");
    }

    @Test
    void ifMatchWithAListOfTagsIsAppliedWhenOneIsCurrent() {
        String name = unique("list");
        String old = api.createReply(workspace, name).expect(201).etag();
        String current = api.patchStatus(workspace, name, "", statusBody("PENDING", "p")).expect(200).etag();
        String other = "\"model-deployment-unknown.abc\"";

        api.patchStatus(workspace, name, "", statusBody("READY", "listed"), "If-Match", old + ", " + current)
                .expect(200);
        String now = api.latestReply(workspace, name).etag();
        api.postStatus(workspace, name, "", statusBody("READY", "listed again"), "If-Match",
                now + "," + other).expect(200);
        String latest = api.latestReply(workspace, name).etag();

        EventsApi.Reply none = api.patchStatus(workspace, name, "", statusBody("ERROR", "no"), "If-Match",
                old + ", " + other);
        assertEquals(412, none.status, "a list without the current tag: " + none.body);
        assertEquals(latest, none.etag());
        assertEquals(4, api.fullHistory(workspace, name, null).size());
    }

    @Test
    void aWeakTagNeverMatches() {
        String name = unique("weak");
        api.create(workspace, name);
        String current = api.latestReply(workspace, name).etag();
        EventsApi.Reply weak = api.patchStatus(workspace, name, "", statusBody("READY", "weak"),
                "If-Match", "W/" + current);
        assertEquals(412, weak.status, "W/ tags compare weakly, If-Match needs strong: " + weak.body);
        assertEquals(current, weak.etag());
        assertEquals(current, assertTagged(weak).etag());
        EventsApi.Reply weakPost = api.postStatus(workspace, name, "", statusBody("READY", "weak"),
                "If-Match", "W/" + current);
        assertEquals(412, weakPost.status, weakPost.body);
        assertEquals(1, api.fullHistory(workspace, name, null).size());
    }

    @Test
    void ifMatchAppliesToTheVersionTheUpdateAddresses() {
        String name = unique("versions");
        ModelDeployment v1 = api.create(workspace, name);
        ModelDeployment v2 = api.newVersion(workspace, name, "cfg-2");

        EventsApi.Reply wrong = api.patchStatus(workspace, name, "?version=1", statusBody("READY", "v1"),
                "If-Match", v2.etag());
        assertEquals(412, wrong.status, "version 2's tag does not match version 1: " + wrong.body);
        assertEquals(v1, assertTagged(wrong), "the 412 body is version 1");

        EventsApi.Reply right = api.patchStatus(workspace, name, "?version=1", statusBody("READY", "v1"),
                "If-Match", v1.etag()).expect(200);
        assertEquals(1, assertTagged(right).entityVersion());

        EventsApi.Reply latestWithV1Tag = api.patchStatus(workspace, name, "", statusBody("READY", "v2"),
                "If-Match", right.etag());
        assertEquals(412, latestWithV1Tag.status, "without ?version the latest (2) is addressed");
        assertEquals(v2, assertTagged(latestWithV1Tag));
        api.patchStatus(workspace, name, "", statusBody("READY", "v2"), "If-Match", v2.etag()).expect(200);
    }

    @Test
    void aStaleETagOnADeploymentMarkedForDeletionIs412NotA409() {
        String name = unique("deleting");
        String before = api.createReply(workspace, name).expect(201).etag();
        ModelDeployment deleting = assertTagged(api.deleteReply(workspace, name).expect(202));
        EventsApi.Reply reply = api.patchStatus(workspace, name, "", statusBody("DELETED", "done"),
                "If-Match", before);
        assertEquals(412, reply.status, reply.body);
        assertEquals(deleting, reply.deployment());
        api.patchStatus(workspace, name, "", statusBody("DELETED", "done"), "If-Match", deleting.etag())
                .expect(200);
    }
}
