package io.modeldeploy.server.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.statusBody;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PATCH/POST .../{name}/status: the no-op rule, one history entry per change, versions, the DELETING rule, limits. */
@MicronautTest
class StatusUpdateApiTest {
    private static final String ONLY_DELETED =
            "Deployment is marked for deletion (DELETING). Only transition to DELETED is allowed.";

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

    // ---- PATCH and POST ----

    @Test
    void patchAndPostOnStatusGiveIdenticalResults() {
        String viaPatch = unique("via-patch");
        String viaPost = unique("via-post");
        api.create(DEFAULT, viaPatch);
        api.create(DEFAULT, viaPost);
        List<String> bodies = List.of(
                statusBody("PENDING", "Pulling image"),
                statusBody("PENDING", "Pulling image"),
                "{\"status\":\"READY\",\"model_provider_id\":\"default/provider-x\"}",
                "{\"status\":\"READY\",\"status_message\":\"warm\"}",
                "{\"status\":\"READY\",\"status_message\":\"warm\",\"model_provider_id\":\"default/provider-y\"}",
                "{\"status\":\"RUNNING\"}",
                "{\"status_message\":\"no status\"}",
                statusBody("ERROR", "boom"));
        for (String body : bodies) {
            Api.Reply patched = api.patchStatus(DEFAULT, viaPatch, body);
            Api.Reply posted = api.postStatus(DEFAULT, viaPost, body);
            assertEquals(patched.status, posted.status, "same HTTP status for " + body);
            if (patched.status == 200) {
                assertEquals(summary(patched.deployment()), summary(posted.deployment()), "same resource for " + body);
            } else {
                assertEquals(patched.map(), posted.map(), "same error for " + body);
            }
        }
        assertEquals(summary(api.getLatest(DEFAULT, viaPatch)), summary(api.getLatest(DEFAULT, viaPost)));
        assertEquals(5, api.getLatest(DEFAULT, viaPatch).statusHistory().size());
    }

    @Test
    void postOnStatusHonoursVersionQueryAndDeletingRuleLikePatch() {
        String name = unique("post-rules");
        api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        ModelDeployment v1 = api.postStatus(DEFAULT, name, statusBody("READY", "old"), "version", "1")
                .expect(200).deployment();
        assertEquals(1, v1.entityVersion());
        assertEquals(DeploymentStatus.READY, v1.status());
        api.delete(deployments(DEFAULT, name)).expect(202);
        assertEquals(ONLY_DELETED, api.postStatus(DEFAULT, name, statusBody("READY", null)).expect(409).detail());
        api.postStatus(DEFAULT, name, statusBody("DELETED", null)).expect(200);
    }

    // ---- applying changes ----

    @Test
    void aMessageAtTheLimitInCharactersOutsideTheBasicPlaneIsStoredAndEventedWhole() {
        // 1,000 characters, 2,000 UTF-16 units: its event once overflowed the payload column (a 500).
        String name = unique("astral");
        api.create(DEFAULT, name);
        String message = "\uD83D\uDE00".repeat(ApiLimits.MAX_STATUS_MESSAGE_LENGTH);
        ModelDeployment updated = api.patchStatus(DEFAULT, name, statusBody("PENDING", message))
                .expect(200).deployment();
        assertEquals(message, updated.statusMessage());
        api.patchStatus(DEFAULT, name, statusBody("PENDING", message + "x")).expect(422);
    }

    @Test
    void statusChangeUpdatesStatusFieldsAndAppendsOneEntry() {
        String name = unique("change");
        ModelDeployment created = api.create(DEFAULT, name);
        ModelDeployment updated = api.patchStatus(DEFAULT, name, statusBody("PENDING", "Pulling image"))
                .expect(200).deployment();

        assertEquals(DeploymentStatus.PENDING, updated.status());
        assertEquals("Pulling image", updated.statusMessage());
        assertEquals(created.id(), updated.id());
        assertEquals(created.createdAt(), updated.createdAt());
        assertEquals(1, updated.entityVersion(), "a status change creates no version");
        assertEquals(created.config(), updated.config());
        assertEquals(created.configVersion(), updated.configVersion());
        assertTrue(updated.updatedAt().isAfter(created.updatedAt()), "updated_at moves");
        assertEquals(2, updated.statusHistory().size(), "history: " + updated.statusHistory());
        assertEquals(created.statusHistory().get(0), updated.statusHistory().get(0), "older entries are untouched");
        StatusHistoryEntry last = updated.statusHistory().get(1);
        assertEquals(DeploymentStatus.PENDING, last.status());
        assertEquals("Pulling image", last.statusMessage());
        assertEquals(updated.updatedAt(), last.timestamp());
        assertEquals("anonymous", last.actor());
        assertEquals(ChangeSource.API, last.source());
        assertEquals(updated, api.getLatest(DEFAULT, name), "the change was stored");
    }

    @Test
    void eachAppliedChangeAppendsExactlyOneEntryAndTheLastEntryIsTheCurrentState() {
        String name = unique("one-entry");
        api.create(DEFAULT, name);
        String[][] changes = {
                {"PENDING", "Pulling image"},
                {"PENDING", "Starting"},
                {"READY", null},
                {"READY", "warm"},
                {"ERROR", "crashed"},
                {"PENDING", "Recovery attempt 1/5 failed"},
                {"READY", ""},
                {"LOST", "gone"},
                {"UNKNOWN", null},
                {"PENDING", "Pulling image"},
        };
        int expectedSize = 1;
        for (String[] change : changes) {
            ModelDeployment d = api.setStatus(DEFAULT, name, change[0], change[1]);
            expectedSize++;
            String expectedMessage = change[1] == null ? "" : change[1];
            assertEquals(DeploymentStatus.valueOf(change[0]), d.status());
            assertEquals(expectedMessage, d.statusMessage());
            assertEquals(expectedSize, d.statusHistory().size(), "after " + String.join("/", change[0], expectedMessage));
            StatusHistoryEntry last = d.statusHistory().get(d.statusHistory().size() - 1);
            assertEquals(d.status(), last.status(), "last entry = current status");
            assertEquals(d.statusMessage(), last.statusMessage(), "last entry = current message");
            assertEquals(d.updatedAt(), last.timestamp());
        }
        List<StatusHistoryEntry> history = api.getLatest(DEFAULT, name).statusHistory();
        List<String> states = history.stream().map(e -> e.status() + "/" + e.statusMessage()).toList();
        assertEquals(List.of("CREATED/Deployment created", "PENDING/Pulling image", "PENDING/Starting", "READY/",
                "READY/warm", "ERROR/crashed", "PENDING/Recovery attempt 1/5 failed", "READY/", "LOST/gone",
                "UNKNOWN/", "PENDING/Pulling image"), states);
        for (int i = 1; i < history.size(); i++) {
            assertTrue(!history.get(i).timestamp().isBefore(history.get(i - 1).timestamp()), "oldest first");
        }
    }

    @Test
    void sameStatusAndMessageIsANoOpThatWritesNothing() {
        String name = unique("noop");
        api.create(DEFAULT, name);
        ModelDeployment first = api.setStatus(DEFAULT, name, "PENDING", "Pulling image");
        ModelDeployment again = api.patchStatus(DEFAULT, name, statusBody("PENDING", "Pulling image"))
                .expect(200).deployment();
        assertEquals(first, again, "the answer is the unchanged resource");
        assertEquals(first.updatedAt(), again.updatedAt());
        assertEquals(2, again.statusHistory().size());
        assertEquals(first, api.getLatest(DEFAULT, name));
        assertEquals(2, api.fullHistory(DEFAULT, name).size(), "no history entry in the full history either");
    }

    @Test
    void repeatingTheCreatedStateIsANoOp() {
        String name = unique("noop-created");
        ModelDeployment created = api.create(DEFAULT, name);
        ModelDeployment same = api.setStatus(DEFAULT, name, "CREATED", "Deployment created");
        assertEquals(created, same);
    }

    @Test
    void onlyANewModelProviderIdSetsItAndMovesUpdatedAtWithoutAHistoryEntry() {
        String name = unique("provider-only");
        api.create(DEFAULT, name);
        ModelDeployment ready = api.setStatus(DEFAULT, name, "READY", "warm");
        ModelDeployment withProvider = api.patchStatus(DEFAULT, name,
                "{\"status\":\"READY\",\"status_message\":\"warm\",\"model_provider_id\":\"default/" + name + "\"}")
                .expect(200).deployment();
        assertEquals("default/" + name, withProvider.modelProviderId());
        assertTrue(withProvider.updatedAt().isAfter(ready.updatedAt()), "updated_at moves");
        assertEquals(ready.statusHistory(), withProvider.statusHistory(), "no history entry for a provider change");
        assertEquals(DeploymentStatus.READY, withProvider.status());
        assertEquals("warm", withProvider.statusMessage());
        assertEquals(withProvider, api.getLatest(DEFAULT, name));

        ModelDeployment sameAgain = api.patchStatus(DEFAULT, name,
                "{\"status\":\"READY\",\"status_message\":\"warm\",\"model_provider_id\":\"default/" + name + "\"}")
                .expect(200).deployment();
        assertEquals(withProvider, sameAgain, "the same provider again is a no-op");
    }

    @Test
    void modelProviderIdWithAStatusChangeIsSetAndAppendsOneEntry() {
        String name = unique("provider-with-status");
        api.create(DEFAULT, name);
        ModelDeployment d = api.patchStatus(DEFAULT, name,
                "{\"status\":\"READY\",\"model_provider_id\":\"team-a/llama\"}").expect(200).deployment();
        assertEquals("team-a/llama", d.modelProviderId());
        assertEquals(2, d.statusHistory().size());
    }

    @Test
    void omittedOrNullModelProviderIdLeavesItUnchanged() {
        String name = unique("provider-kept");
        api.create(DEFAULT, name);
        api.patchStatus(DEFAULT, name, "{\"status\":\"READY\",\"model_provider_id\":\"default/p\"}").expect(200);
        ModelDeployment d = api.setStatus(DEFAULT, name, "PENDING", "restarting");
        assertEquals("default/p", d.modelProviderId());
        ModelDeployment e = api.patchStatus(DEFAULT, name, "{\"status\":\"READY\",\"model_provider_id\":null}")
                .expect(200).deployment();
        assertEquals("default/p", e.modelProviderId());
        assertEquals(DeploymentStatus.READY, e.status());
    }

    @Test
    void statusOnlyChangeWithOmittedMessageResetsMessageToEmpty() {
        String name = unique("reset-message");
        api.create(DEFAULT, name);
        api.setStatus(DEFAULT, name, "PENDING", "Pulling image");
        ModelDeployment ready = api.patchStatus(DEFAULT, name, "{\"status\":\"READY\"}").expect(200).deployment();
        assertEquals("", ready.statusMessage());
        StatusHistoryEntry last = ready.statusHistory().get(ready.statusHistory().size() - 1);
        assertEquals(DeploymentStatus.READY, last.status());
        assertEquals("", last.statusMessage());
    }

    @Test
    void emptyStatusMessageIsOnTheWireAsEmptyStringNotOmitted() {
        String name = unique("empty-on-wire");
        api.create(DEFAULT, name);
        Map<String, Object> body = api.patchStatus(DEFAULT, name, "{\"status\":\"READY\"}").expect(200).map();
        assertEquals("", body.get("status_message"), "status_message is never null/absent: " + body);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) body.get("status_history");
        assertEquals("", history.get(history.size() - 1).get("status_message"),
                "history entries carry status_message too: " + history);
    }

    @Test
    void omittedMessageWhenCurrentMessageIsAlreadyEmptyIsANoOp() {
        String name = unique("noop-empty");
        api.create(DEFAULT, name);
        ModelDeployment first = api.setStatus(DEFAULT, name, "READY", null);
        ModelDeployment second = api.setStatus(DEFAULT, name, "READY", "");
        assertEquals(first, second);
    }

    @Test
    void messageOnlyChangeIsAChange() {
        String name = unique("message-only");
        api.create(DEFAULT, name);
        ModelDeployment before = api.setStatus(DEFAULT, name, "READY", "warm");
        ModelDeployment after = api.setStatus(DEFAULT, name, "READY", "hot");
        assertEquals("hot", after.statusMessage());
        assertEquals(before.statusHistory().size() + 1, after.statusHistory().size());
    }

    @Test
    void statusUpdateWithSourceHeaderGuiRecordsSourceGui() {
        String name = unique("status-gui");
        api.create(DEFAULT, name);
        ModelDeployment d = api.send(HttpRequest.PATCH(deployments(DEFAULT, name, "status"), statusBody("READY", "x"))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-ModelDeploy-Source", "gui"))
                .expect(200).deployment();
        StatusHistoryEntry last = d.statusHistory().get(d.statusHistory().size() - 1);
        assertEquals(ChangeSource.GUI, last.source());
        assertEquals("anonymous", last.actor());
        ModelDeployment e = api.setStatus(DEFAULT, name, "READY", "y");
        assertEquals(ChangeSource.API, e.statusHistory().get(e.statusHistory().size() - 1).source());
    }

    @Test
    void terminalLookingStatusesCanBeLeft() {
        String name = unique("terminal");
        api.create(DEFAULT, name);
        api.setStatus(DEFAULT, name, "ERROR", "failed");
        assertEquals(DeploymentStatus.PENDING, api.setStatus(DEFAULT, name, "PENDING", "retry").status());
        api.setStatus(DEFAULT, name, "DELETED", null);
        assertEquals(DeploymentStatus.READY, api.setStatus(DEFAULT, name, "READY", null).status());
    }

    // ---- which version ----

    @Test
    void versionQueryTargetsThatVersionAndLeavesTheLatestUntouched() {
        String name = unique("target-version");
        api.create(DEFAULT, name);
        ModelDeployment v2 = api.newVersion(DEFAULT, name, "c2");
        ModelDeployment v1 = api.patchStatus(DEFAULT, name, statusBody("READY", "old one"), "version", "1")
                .expect(200).deployment();
        assertEquals(1, v1.entityVersion());
        assertEquals(DeploymentStatus.READY, v1.status());
        assertEquals("old one", v1.statusMessage());
        assertEquals(2, v1.statusHistory().size());
        assertEquals(v1, api.getVersion(DEFAULT, name, 1));
        assertEquals(v2, api.getLatest(DEFAULT, name), "the latest version is untouched");
    }

    @Test
    void emptyVersionQueryTargetsTheLatest() {
        String name = unique("empty-version");
        ModelDeployment v1 = api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        ModelDeployment d = api.patchStatus(DEFAULT, name, statusBody("READY", null), "version", "")
                .expect(200).deployment();
        assertEquals(2, d.entityVersion());
        assertEquals(DeploymentStatus.READY, d.status());
        assertEquals(v1, api.getVersion(DEFAULT, name, 1));
    }

    @Test
    void nonIntegerVersionQueryIs400AsNemoAnswersAndAHugeOneDoesNotExist() {
        String name = unique("abc-version");
        ModelDeployment created = api.create(DEFAULT, name);
        for (String version : List.of("abc", "1.5")) {
            Api.Reply reply = api.patchStatus(DEFAULT, name, statusBody("READY", null), "version", version);
            assertEquals(400, reply.status, version + ": " + reply.body);
            assertEquals("Invalid version '" + version + "': must be a positive integer", reply.detail());
        }
        api.patchStatus(DEFAULT, name, statusBody("READY", null), "version", "99999999999").expect(404);
        assertEquals(created, api.getLatest(DEFAULT, name), "nothing changed");
    }

    @Test
    void unknownVersionIs404() {
        String name = unique("unknown-version");
        api.create(DEFAULT, name);
        Api.Reply reply = api.patchStatus(DEFAULT, name, statusBody("READY", null), "version", "3").expect(404);
        assertEquals("Deployment 'default/" + name + "' version '3' not found", reply.detail());
        api.patchStatus(DEFAULT, name, statusBody("READY", null), "version", "0").expect(404);
    }

    @Test
    void unknownDeploymentIs404() {
        String name = unique("unknown");
        Api.Reply reply = api.patchStatus(DEFAULT, name, statusBody("READY", null)).expect(404);
        assertEquals("Deployment 'default/" + name + "' not found", reply.detail());
        api.postStatus(DEFAULT, name, statusBody("READY", null)).expect(404);
    }

    // ---- the DELETING rule ----

    @Test
    void afterDeleteAnyStatusButDeletedIs409() {
        String name = unique("deleting");
        api.create(DEFAULT, name);
        api.setStatus(DEFAULT, name, "READY", "warm");
        ModelDeployment deleting = api.delete(deployments(DEFAULT, name)).expect(202).deployment();
        assertEquals(DeploymentStatus.DELETING, deleting.status());

        for (DeploymentStatus status : DeploymentStatus.values()) {
            if (status == DeploymentStatus.DELETED) {
                continue;
            }
            Api.Reply reply = api.patchStatus(DEFAULT, name, statusBody(status.name(), "try"));
            assertEquals(409, reply.status, status + ": " + reply.body);
            assertEquals(ONLY_DELETED, reply.detail());
            assertEquals("false", reply.header("x-should-retry"));
        }
        assertEquals(deleting, api.getLatest(DEFAULT, name), "nothing changed");
    }

    @Test
    void repostingDeletingToADeletingDeploymentIs409() {
        String name = unique("deleting-again");
        api.create(DEFAULT, name);
        api.delete(deployments(DEFAULT, name)).expect(202);
        assertEquals(ONLY_DELETED, api.patchStatus(DEFAULT, name, statusBody("DELETING", null)).expect(409).detail());
        assertEquals(ONLY_DELETED, api.patchStatus(DEFAULT, name,
                statusBody("DELETING", "Deployment deletion requested")).expect(409).detail());
    }

    @Test
    void afterDeleteDeletedIsAccepted() {
        String name = unique("deleting-deleted");
        api.create(DEFAULT, name);
        ModelDeployment deleting = api.delete(deployments(DEFAULT, name)).expect(202).deployment();
        ModelDeployment deleted = api.patchStatus(DEFAULT, name, statusBody("DELETED", "Deployment deleted"))
                .expect(200).deployment();
        assertEquals(DeploymentStatus.DELETED, deleted.status());
        assertEquals("Deployment deleted", deleted.statusMessage());
        assertEquals(deleting.statusHistory().size() + 1, deleted.statusHistory().size());
        StatusHistoryEntry last = deleted.statusHistory().get(deleted.statusHistory().size() - 1);
        assertEquals(DeploymentStatus.DELETED, last.status());
        assertEquals("Deployment deleted", last.statusMessage());
    }

    @Test
    void deletingRuleAppliesToTheVersionSelected() {
        String name = unique("deleting-version");
        api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        api.delete(deployments(DEFAULT, name, "versions", "1")).expect(202);
        api.patchStatus(DEFAULT, name, statusBody("READY", null), "version", "1").expect(409);
        assertEquals(DeploymentStatus.READY, api.setStatus(DEFAULT, name, "READY", null).status(),
                "the latest version is not being deleted");
        api.patchStatus(DEFAULT, name, statusBody("DELETED", null), "version", "1").expect(200);
    }

    // ---- limits ----

    @Test
    void modelProviderIdOfAnyShapeIsTakenAsNemoTakesIt() {
        String name = unique("any-provider");
        api.create(DEFAULT, name);
        for (String provider : List.of("noslash", "a/b/c", "/name", "ws/", "ws/na me", "ws/name!", "")) {
            ModelDeployment updated = api.patchStatus(DEFAULT, name,
                    "{\"status\":\"READY\",\"model_provider_id\":\"" + provider + "\"}").expect(200).deployment();
            assertEquals(provider, updated.modelProviderId());
        }
    }

    @Test
    void modelProviderIdLongerThan255Is422And255IsAccepted() {
        String name = unique("long-provider");
        api.create(DEFAULT, name);
        String tooLong = "ws/" + "p".repeat(253);
        assertEquals(256, tooLong.length());
        Api.Reply reply = api.patchStatus(DEFAULT, name, "{\"status\":\"READY\",\"model_provider_id\":\"" + tooLong + "\"}");
        assertEquals("string_too_long", reply.validationErrorAt("body", "model_provider_id").get("type"), reply.body);

        String longest = "ws/" + "p".repeat(252);
        ModelDeployment d = api.patchStatus(DEFAULT, name, "{\"status\":\"READY\",\"model_provider_id\":\"" + longest + "\"}")
                .expect(200).deployment();
        assertEquals(longest, d.modelProviderId());
    }

    @Test
    void statusMessageOf1001CharactersIs422StringTooLong() {
        String name = unique("long-message");
        ModelDeployment created = api.create(DEFAULT, name);
        Api.Reply reply = api.patchStatus(DEFAULT, name, statusBody("READY", "m".repeat(1001)));
        Map<String, Object> error = reply.validationErrorAt("body", "status_message");
        assertEquals("string_too_long", error.get("type"));
        assertEquals(Map.of("max_length", 1000), error.get("ctx"));
        assertEquals(created, api.getLatest(DEFAULT, name), "nothing changed");
    }

    @Test
    void statusMessageOf1000CharactersIsAccepted() {
        String name = unique("max-message");
        api.create(DEFAULT, name);
        String message = "m".repeat(1000);
        ModelDeployment d = api.setStatus(DEFAULT, name, "READY", message);
        assertEquals(message, d.statusMessage());
        assertEquals(message, api.getLatest(DEFAULT, name).statusHistory().get(1).statusMessage());
    }

    /** maxLength counts characters (JSON Schema / pydantic count code points), not UTF-16 units. */
    @Test
    void statusMessageLimitCountsCharactersSo600EmojiAreAccepted() {
        String name = unique("emoji-message");
        api.create(DEFAULT, name);
        String message = "\uD83D\uDE00".repeat(600);
        assertEquals(600, message.codePointCount(0, message.length()));
        Api.Reply reply = api.patchStatus(DEFAULT, name, statusBody("READY", message));
        assertEquals(200, reply.status, "600 characters are within the 1000-character limit: "
                + reply.body.substring(0, Math.min(160, reply.body.length())));
        assertEquals(message, reply.deployment().statusMessage());
    }

    @Test
    void unicodeStatusMessageRoundTrips() {
        String name = unique("unicode");
        api.create(DEFAULT, name);
        String message = "Ünïcödé ✓ 模型 \\\" quoted";
        ModelDeployment d = api.setStatus(DEFAULT, name, "READY", message);
        assertEquals("Ünïcödé ✓ 模型 \" quoted", d.statusMessage());
    }

    @Test
    void unknownOrMissingStatusIs422() {
        String name = unique("bad-status");
        api.create(DEFAULT, name);
        Api.Reply unknown = api.patchStatus(DEFAULT, name, "{\"status\":\"RUNNING\"}");
        Map<String, Object> enumError = unknown.validationErrorAt("body", "status");
        assertEquals("enum", enumError.get("type"));
        assertEquals("RUNNING", enumError.get("input"));
        Api.Reply lowerCase = api.patchStatus(DEFAULT, name, "{\"status\":\"ready\"}");
        assertEquals("enum", lowerCase.validationErrorAt("body", "status").get("type"));
        Api.Reply missing = api.patchStatus(DEFAULT, name, "{\"status_message\":\"x\"}");
        assertEquals("missing", missing.validationErrorAt("body", "status").get("type"));
    }

    /** Everything of a version but its identity and timestamps, to compare two deployments' evolution. */
    private static List<Object> summary(ModelDeployment d) {
        List<Object> history = new ArrayList<>();
        BiFunction<StatusHistoryEntry, Integer, String> entry = (e, i) ->
                i + ":" + e.status() + "/" + e.statusMessage() + "/" + e.actor() + "/" + e.source();
        for (int i = 0; i < d.statusHistory().size(); i++) {
            history.add(entry.apply(d.statusHistory().get(i), i));
        }
        return List.of(d.entityVersion(), d.config(), d.configVersion(), String.valueOf(d.status()),
                String.valueOf(d.statusMessage()), String.valueOf(d.modelProviderId()), history,
                d.createdAt().equals(d.updatedAt()));
    }
}
