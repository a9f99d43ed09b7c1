package io.modeldeploy.server.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Create, read, versions and the models placeholder. */
@MicronautTest
class DeploymentCrudApiTest {
    private static final Pattern ISO_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

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

    // ---- create ----

    @Test
    void createAnswers201WithVersionOneInStatusCreatedAndDefaults() {
        String name = unique("create");
        Instant before = Instant.now();
        Api.Reply reply = api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"llama-nim\"}").expect(201);
        ModelDeployment d = reply.deployment();

        assertTrue(d.id().startsWith("model-deployment-"), d.id());
        assertTrue(d.id().length() > "model-deployment-".length(), d.id());
        assertEquals(name, d.name());
        assertEquals(DEFAULT, d.workspace());
        assertEquals(1, d.entityVersion());
        assertEquals("llama-nim", d.config());
        assertEquals(1, d.configVersion(), "config_version defaults to 1");
        assertEquals(DeploymentStatus.CREATED, d.status());
        assertEquals("Deployment created", d.statusMessage());
        assertNull(d.modelProviderId());
        assertNull(d.project());
        assertEquals(d.createdAt(), d.updatedAt(), "a fresh version was never updated");
        assertFalse(d.createdAt().isBefore(before.minusSeconds(5)), "created_at is now-ish: " + d.createdAt());
        assertFalse(d.createdAt().isAfter(Instant.now().plusSeconds(5)), "created_at is now-ish: " + d.createdAt());
    }

    @Test
    void createTimestampsAreIso8601StringsInUtcEndingInZ() {
        String name = unique("timestamps");
        Map<String, Object> body = api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\"}")
                .expect(201).map();
        for (String field : List.of("created_at", "updated_at")) {
            Object value = body.get(field);
            assertTrue(value instanceof String && ISO_UTC.matcher((String) value).matches(),
                    field + " should be an ISO-8601 UTC string ending in Z but was " + value);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) body.get("status_history");
        Object timestamp = history.get(0).get("timestamp");
        assertTrue(timestamp instanceof String && ISO_UTC.matcher((String) timestamp).matches(),
                "history timestamp should be an ISO-8601 UTC string ending in Z but was " + timestamp);
    }

    @Test
    void createStartsHistoryWithExactlyOneCreatedEntryAtCreatedAtByAnonymousViaApi() {
        ModelDeployment d = api.create(DEFAULT, unique("history"));
        assertEquals(1, d.statusHistory().size(), "history: " + d.statusHistory());
        StatusHistoryEntry entry = d.statusHistory().get(0);
        assertEquals(DeploymentStatus.CREATED, entry.status());
        assertEquals("Deployment created", entry.statusMessage());
        assertEquals(d.createdAt(), entry.timestamp());
        assertEquals("anonymous", entry.actor());
        assertEquals(ChangeSource.API, entry.source());

        Map<String, Object> raw = api.get(deployments(DEFAULT, d.name())).expect(200).map();
        @SuppressWarnings("unchecked")
        Map<String, Object> rawEntry = ((List<Map<String, Object>>) raw.get("status_history")).get(0);
        assertEquals("anonymous", rawEntry.get("actor"));
        assertEquals("api", rawEntry.get("source"), "source is lower case on the wire");
    }

    @Test
    void createWithSourceHeaderGuiRecordsSourceGui() {
        String name = unique("gui");
        Api.Reply reply = api.send(HttpRequest.POST(deployments(DEFAULT), "{\"name\":\"" + name + "\",\"config\":\"c\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-ModelDeploy-Source", "gui")).expect(201);
        assertEquals(ChangeSource.GUI, reply.deployment().statusHistory().get(0).source());
        @SuppressWarnings("unchecked")
        Map<String, Object> rawEntry = ((List<Map<String, Object>>) reply.map().get("status_history")).get(0);
        assertEquals("gui", rawEntry.get("source"));
    }

    @Test
    void createEchoesProjectAndExplicitConfigVersion() {
        String name = unique("project");
        ModelDeployment d = api.createRaw(DEFAULT,
                "{\"name\":\"" + name + "\",\"config\":\"c\",\"config_version\":7,\"project\":\"team/proj-1\"}")
                .expect(201).deployment();
        assertEquals("team/proj-1", d.project());
        assertEquals(7, d.configVersion());
        assertEquals("team/proj-1", api.getLatest(DEFAULT, name).project());
    }

    @Test
    void createWithConfigVersionNullOrZeroDefaultsToOne() {
        String a = unique("cv-null");
        assertEquals(1, api.createRaw(DEFAULT, "{\"name\":\"" + a + "\",\"config\":\"c\",\"config_version\":null}")
                .expect(201).deployment().configVersion());
        String b = unique("cv-zero");
        assertEquals(1, api.createRaw(DEFAULT, "{\"name\":\"" + b + "\",\"config\":\"c\",\"config_version\":0}")
                .expect(201).deployment().configVersion());
    }

    @Test
    void createDuplicateNameIs409WithDetailAndShouldRetryFalse() {
        String name = unique("dup");
        api.create(DEFAULT, name);
        Api.Reply reply = api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"other\"}").expect(409);
        assertEquals("Deployment with workspace 'default' and name '" + name + "' already exists", reply.detail());
        assertEquals("false", reply.header("x-should-retry"));
        assertEquals(1, api.getLatest(DEFAULT, name).entityVersion(), "nothing was written");
        assertEquals("cfg", api.getLatest(DEFAULT, name).config());
    }

    @Test
    void createDuplicateOfADeploymentWithSeveralVersionsIsStill409() {
        String name = unique("dup-versions");
        api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\"}").expect(409);
    }

    @Test
    void sameNameInAnotherWorkspaceIsADifferentDeployment() {
        String name = unique("same-name");
        String otherWorkspace = unique("ws");
        ModelDeployment first = api.create(DEFAULT, name);
        ModelDeployment second = api.create(otherWorkspace, name);
        assertNotEquals(first.id(), second.id());
        assertEquals(otherWorkspace, second.workspace());
        assertEquals(DEFAULT, api.getLatest(DEFAULT, name).workspace());
        assertEquals(otherWorkspace, api.getLatest(otherWorkspace, name).workspace());
    }

    @Test
    void createInANewWorkspaceCreatesTheWorkspaceSoListingItWorks() {
        String workspace = unique("new-ws");
        api.get(deployments(workspace)).expect(404);
        String name = unique("in-new-ws");
        ModelDeployment d = api.create(workspace, name);
        assertEquals(workspace, d.workspace());

        ListPage<ModelDeployment> page = api.list(workspace);
        assertEquals(1, page.data().size());
        assertEquals(name, page.data().get(0).name());
        assertEquals(workspace, page.data().get(0).workspace());
        assertEquals(1L, page.pagination().totalResults());
    }

    @Test
    void createWithInvalidWorkspacePathSegmentIs422() {
        for (String workspace : List.of("bad ws", "-", "bad!ws", "x".repeat(256))) {
            Api.Reply reply = api.createRaw(workspace, "{\"name\":\"" + unique("ws-check") + "\",\"config\":\"c\"}");
            assertEquals(422, reply.status, "workspace '" + workspace + "': " + reply.body);
            Map<String, Object> error = reply.validationErrorAt("path", "workspace");
            assertEquals("string_pattern_mismatch", error.get("type"), reply.body);
        }
    }

    @Test
    void createIgnoresUnknownBodyFields() {
        String name = unique("extra");
        ModelDeployment d = api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\",\"workspace\":\"elsewhere\","
                + "\"status\":\"READY\",\"entity_version\":9,\"unknown\":{\"nested\":[1,2]}}").expect(201).deployment();
        assertEquals(DEFAULT, d.workspace());
        assertEquals(DeploymentStatus.CREATED, d.status());
        assertEquals(1, d.entityVersion());
    }

    // ---- get ----

    @Test
    void getLatestReturnsTheDeployment() {
        ModelDeployment created = api.create(DEFAULT, unique("get"));
        ModelDeployment fetched = api.getLatest(DEFAULT, created.name());
        assertEquals(created, fetched);
    }

    @Test
    void getLatestReturnsTheHighestVersion() {
        String name = unique("get-latest");
        api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        ModelDeployment v3 = api.newVersion(DEFAULT, name, "c3");
        ModelDeployment latest = api.getLatest(DEFAULT, name);
        assertEquals(3, latest.entityVersion());
        assertEquals(v3.id(), latest.id());
        assertEquals("c3", latest.config());
    }

    @Test
    void getLatestOfUnknownDeploymentIs404WithDetail() {
        String name = unique("missing");
        Api.Reply reply = api.get(deployments(DEFAULT, name)).expect(404);
        assertEquals("Deployment 'default/" + name + "' not found", reply.detail());
    }

    @Test
    void getLatestInUnknownWorkspaceIs404() {
        String workspace = unique("nows");
        Api.Reply reply = api.get(deployments(workspace, "x")).expect(404);
        assertEquals("Deployment '" + workspace + "/x' not found", reply.detail());
    }

    @Test
    void getVersionReturnsThatVersion() {
        String name = unique("get-version");
        ModelDeployment v1 = api.create(DEFAULT, name);
        ModelDeployment v2 = api.newVersion(DEFAULT, name, "c2");
        assertEquals(v1, api.getVersion(DEFAULT, name, 1));
        assertEquals(v2, api.getVersion(DEFAULT, name, 2));
    }

    @Test
    void getVersionWithNonIntegerVersionIs400() {
        String name = unique("bad-version");
        api.create(DEFAULT, name);
        Api.Reply reply = api.get(deployments(DEFAULT, name, "versions", "abc")).expect(400);
        assertEquals("Invalid version 'abc': must be a positive integer", reply.detail());
        api.get(deployments(DEFAULT, name, "versions", "1.5")).expect(400);
    }

    @Test
    void getVersionZeroOrNegativeOrUnknownIs404() {
        String name = unique("zero-version");
        api.create(DEFAULT, name);
        Api.Reply zero = api.get(deployments(DEFAULT, name, "versions", "0")).expect(404);
        assertTrue(zero.detail().contains("version '0' not found"), zero.detail());
        assertEquals("Deployment 'default/" + name + "' version '0' not found", zero.detail());
        api.get(deployments(DEFAULT, name, "versions", "-1")).expect(404);
        Api.Reply two = api.get(deployments(DEFAULT, name, "versions", "2")).expect(404);
        assertEquals("Deployment 'default/" + name + "' version '2' not found", two.detail());
    }

    // ---- versions ----

    @Test
    void listVersionsReturnsEveryVersionNewestFirst() {
        String name = unique("versions");
        ModelDeployment v1 = api.create(DEFAULT, name);
        ModelDeployment v2 = api.newVersion(DEFAULT, name, "c2");
        ModelDeployment v3 = api.newVersion(DEFAULT, name, "c3");
        List<ModelDeployment> versions = api.get(deployments(DEFAULT, name, "versions")).expect(200).as(Api.DEPLOYMENTS);
        assertEquals(List.of(v3, v2, v1), versions);
    }

    @Test
    void listVersionsOfUnknownNameIs200WithEmptyArray() {
        Api.Reply reply = api.get(deployments(DEFAULT, unique("nothing"), "versions")).expect(200);
        assertEquals(List.of(), reply.tree());
    }

    @Test
    void newVersionIs201WithVersionTwoPendingProjectCopiedAndItsOwnHistory() {
        String name = unique("new-version");
        ModelDeployment v1 = api.createRaw(DEFAULT,
                "{\"name\":\"" + name + "\",\"config\":\"c1\",\"project\":\"proj\"}").expect(201).deployment();
        api.setStatus(DEFAULT, name, "READY", "serving");

        Api.Reply reply = api.postJson(deployments(DEFAULT, name), "{\"config\":\"c2\",\"config_version\":4}").expect(201);
        ModelDeployment v2 = reply.deployment();
        assertEquals(2, v2.entityVersion());
        assertNotEquals(v1.id(), v2.id(), "each version has its own id");
        assertTrue(v2.id().startsWith("model-deployment-"), v2.id());
        assertEquals(name, v2.name());
        assertEquals("c2", v2.config());
        assertEquals(4, v2.configVersion());
        assertEquals("proj", v2.project(), "project is copied from the latest version");
        assertEquals(DeploymentStatus.PENDING, v2.status());
        assertEquals("Deployment update pending", v2.statusMessage());
        assertNull(v2.modelProviderId());
        assertEquals(1, v2.statusHistory().size(), "history: " + v2.statusHistory());
        StatusHistoryEntry entry = v2.statusHistory().get(0);
        assertEquals(DeploymentStatus.PENDING, entry.status());
        assertEquals("Deployment update pending", entry.statusMessage());
        assertEquals(v2.createdAt(), entry.timestamp());
        assertEquals("anonymous", entry.actor());
        assertEquals(ChangeSource.API, entry.source());

        ModelDeployment oldVersion = api.getVersion(DEFAULT, name, 1);
        assertEquals(DeploymentStatus.READY, oldVersion.status(), "older versions keep their own status");
        assertEquals("serving", oldVersion.statusMessage());
        assertEquals(2, oldVersion.statusHistory().size());
        assertEquals(v2, api.getLatest(DEFAULT, name));
    }

    @Test
    void newVersionDefaultsConfigVersionToOne() {
        String name = unique("new-version-default");
        api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c1\",\"config_version\":5}").expect(201);
        assertEquals(1, api.newVersion(DEFAULT, name, "c1").configVersion());
    }

    @Test
    void newVersionOfUnknownDeploymentIs400() {
        String name = unique("no-such");
        Api.Reply reply = api.postJson(deployments(DEFAULT, name), "{\"config\":\"c\"}").expect(400);
        assertEquals("Deployment with workspace 'default' and name '" + name + "' does not exist", reply.detail());
        api.get(deployments(DEFAULT, name)).expect(404);
    }

    @Test
    void newVersionWithSourceHeaderGuiRecordsSourceGui() {
        String name = unique("new-version-gui");
        api.create(DEFAULT, name);
        ModelDeployment v2 = api.send(HttpRequest.POST(deployments(DEFAULT, name), "{\"config\":\"c\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-ModelDeploy-Source", "gui"))
                .expect(201).deployment();
        assertEquals(ChangeSource.GUI, v2.statusHistory().get(0).source());
    }

    // ---- models placeholder ----

    @Test
    void modelsPlaceholderIs200WithEmptyModels() {
        String name = unique("models");
        api.create(DEFAULT, name);
        Map<String, Object> body = api.get(deployments(DEFAULT, name, "models")).expect(200).map();
        assertEquals(Map.of("workspace", DEFAULT, "name", name, "models", List.of()), body);
    }

    @Test
    void modelsPlaceholderOfUnknownDeploymentIs404() {
        String name = unique("models-missing");
        Api.Reply reply = api.get(deployments(DEFAULT, name, "models")).expect(404);
        assertEquals("Deployment 'default/" + name + "' not found", reply.detail());
    }
}
