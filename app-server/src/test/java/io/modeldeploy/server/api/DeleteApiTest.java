package io.modeldeploy.server.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DELETE of a whole deployment and of one version: mark DELETING (202), purge when DELETED (204). */
@MicronautTest
class DeleteApiTest {
    private static final String REQUESTED = "Deployment deletion requested";

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

    private static StatusHistoryEntry last(ModelDeployment d) {
        return d.statusHistory().get(d.statusHistory().size() - 1);
    }

    // ---- delete all versions ----

    @Test
    void deleteAllIs202WithTheLatestVersionNowDeleting() {
        String name = unique("del");
        api.create(DEFAULT, name);
        ModelDeployment ready = api.setStatus(DEFAULT, name, "READY", "warm");

        Api.Reply reply = api.delete(deployments(DEFAULT, name)).expect(202);
        ModelDeployment body = reply.deployment();
        assertEquals(name, body.name());
        assertEquals(1, body.entityVersion());
        assertEquals(DeploymentStatus.DELETING, body.status());
        assertEquals(REQUESTED, body.statusMessage());
        assertEquals(ready.statusHistory().size() + 1, body.statusHistory().size());
        assertEquals(DeploymentStatus.DELETING, last(body).status());
        assertEquals(REQUESTED, last(body).statusMessage());
        assertEquals("anonymous", last(body).actor());
        assertEquals(ChangeSource.API, last(body).source());
        assertEquals(body.updatedAt(), last(body).timestamp());
        assertTrue(body.updatedAt().isAfter(ready.updatedAt()));
        assertEquals(body, api.getLatest(DEFAULT, name), "still readable while DELETING");
    }

    @Test
    void deleteAllMarksEveryVersionNotYetDeletedWithItsOwnDeletingEntry() {
        String name = unique("del-versions");
        api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        api.newVersion(DEFAULT, name, "c3");
        ModelDeployment v1 = api.setStatus(DEFAULT, name, "DELETED", "gone", "version", "1");
        ModelDeployment v2 = api.setStatus(DEFAULT, name, "READY", "serving", "version", "2");
        ModelDeployment v3 = api.getVersion(DEFAULT, name, 3);

        ModelDeployment body = api.delete(deployments(DEFAULT, name)).expect(202).deployment();
        assertEquals(3, body.entityVersion(), "the answer is the latest version");
        assertEquals(DeploymentStatus.DELETING, body.status());

        for (ModelDeployment before : List.of(v2, v3)) {
            ModelDeployment after = api.getVersion(DEFAULT, name, before.entityVersion());
            assertEquals(DeploymentStatus.DELETING, after.status(), "version " + before.entityVersion());
            assertEquals(REQUESTED, after.statusMessage());
            assertEquals(before.statusHistory().size() + 1, after.statusHistory().size());
            assertEquals(DeploymentStatus.DELETING, last(after).status());
            assertEquals(REQUESTED, last(after).statusMessage());
        }
        assertEquals(v1, api.getVersion(DEFAULT, name, 1), "a DELETED version is left alone");
    }

    @Test
    void deleteAllAgainWhileDeletingIs202AndAddsNoEntry() {
        String name = unique("del-twice");
        api.create(DEFAULT, name);
        ModelDeployment first = api.delete(deployments(DEFAULT, name)).expect(202).deployment();
        ModelDeployment second = api.delete(deployments(DEFAULT, name)).expect(202).deployment();
        assertEquals(DeploymentStatus.DELETING, second.status());
        assertEquals(first.statusHistory().size(), second.statusHistory().size());
        assertEquals(first, second);
    }

    @Test
    void deleteAllWithSourceHeaderGuiRecordsSourceGui() {
        String name = unique("del-gui");
        api.create(DEFAULT, name);
        ModelDeployment body = api.send(HttpRequest.DELETE(deployments(DEFAULT, name)).header("X-ModelDeploy-Source", "gui"))
                .expect(202).deployment();
        assertEquals(ChangeSource.GUI, last(body).source());
    }

    @Test
    void deleteAllWhenEveryVersionIsDeletedIs204AndTheDeploymentIsGone() {
        String name = unique("del-purge");
        api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        api.setStatus(DEFAULT, name, "DELETED", null, "version", "1");
        api.setStatus(DEFAULT, name, "DELETED", null, "version", "2");

        Api.Reply reply = api.delete(deployments(DEFAULT, name)).expect(204);
        assertTrue(reply.body == null || reply.body.isEmpty(), "204 has no body: " + reply.body);
        assertEquals("Deployment 'default/" + name + "' not found", api.get(deployments(DEFAULT, name)).expect(404).detail());
        api.get(deployments(DEFAULT, name, "versions", "1")).expect(404);
        assertEquals(List.of(), api.get(deployments(DEFAULT, name, "versions")).expect(200).tree());
        api.get(deployments(DEFAULT, name, "status-history")).expect(404);
        assertEquals(List.of(), api.list(DEFAULT, "filter[name]", name).data());
        api.delete(deployments(DEFAULT, name)).expect(404);
    }

    @Test
    void fullLifecycleDeleteThenDeletedThenDeleteAgainRemovesItAndTheNameIsFree() {
        String name = unique("del-lifecycle");
        api.create(DEFAULT, name);
        api.delete(deployments(DEFAULT, name)).expect(202);
        api.setStatus(DEFAULT, name, "DELETED", "Deployment deleted");
        api.delete(deployments(DEFAULT, name)).expect(204);
        api.get(deployments(DEFAULT, name)).expect(404);

        ModelDeployment again = api.create(DEFAULT, name);
        assertEquals(1, again.entityVersion());
        assertEquals(1, again.statusHistory().size(), "a re-created deployment starts a fresh history");
    }

    @Test
    void deleteAllOfUnknownDeploymentIs404() {
        String name = unique("del-missing");
        Api.Reply reply = api.delete(deployments(DEFAULT, name)).expect(404);
        assertEquals("Deployment 'default/" + name + "' not found", reply.detail());
    }

    // ---- delete one version ----

    @Test
    void deleteOneVersionMarksItThenPurgesItOnceDeletedWhileOtherVersionsStay() {
        String name = unique("del-one");
        api.create(DEFAULT, name);
        ModelDeployment v2 = api.newVersion(DEFAULT, name, "c2");

        ModelDeployment marked = api.delete(deployments(DEFAULT, name, "versions", "1")).expect(202).deployment();
        assertEquals(1, marked.entityVersion());
        assertEquals(DeploymentStatus.DELETING, marked.status());
        assertEquals(REQUESTED, marked.statusMessage());
        assertEquals(DeploymentStatus.DELETING, last(marked).status());
        assertEquals(2, marked.statusHistory().size());
        assertEquals(v2, api.getLatest(DEFAULT, name), "other versions are untouched");

        api.setStatus(DEFAULT, name, "DELETED", null, "version", "1");
        Api.Reply purged = api.delete(deployments(DEFAULT, name, "versions", "1")).expect(204);
        assertTrue(purged.body == null || purged.body.isEmpty(), purged.body);

        Api.Reply gone = api.get(deployments(DEFAULT, name, "versions", "1")).expect(404);
        assertEquals("Deployment 'default/" + name + "' version '1' not found", gone.detail());
        assertEquals(List.of(v2), api.get(deployments(DEFAULT, name, "versions")).expect(200).as(Api.DEPLOYMENTS));
        assertEquals(v2, api.getLatest(DEFAULT, name));
        api.delete(deployments(DEFAULT, name, "versions", "1")).expect(404);
    }

    @Test
    void purgingTheLatestVersionMakesThePreviousOneTheLatest() {
        String name = unique("del-latest");
        ModelDeployment v1 = api.create(DEFAULT, name);
        api.newVersion(DEFAULT, name, "c2");
        api.setStatus(DEFAULT, name, "DELETED", null, "version", "2");
        api.delete(deployments(DEFAULT, name, "versions", "2")).expect(204);
        assertEquals(v1, api.getLatest(DEFAULT, name));
        assertEquals(1, api.list(DEFAULT, "filter[name]", name).data().get(0).entityVersion());
    }

    @Test
    void deleteOneVersionWithNonIntegerVersionIs400() {
        String name = unique("del-abc");
        ModelDeployment created = api.create(DEFAULT, name);
        Api.Reply reply = api.delete(deployments(DEFAULT, name, "versions", "abc")).expect(400);
        assertEquals("Invalid version 'abc': must be a positive integer", reply.detail());
        assertEquals(created, api.getLatest(DEFAULT, name));
    }

    @Test
    void deleteOneUnknownVersionIs404() {
        String name = unique("del-unknown-version");
        api.create(DEFAULT, name);
        Api.Reply reply = api.delete(deployments(DEFAULT, name, "versions", "5")).expect(404);
        assertEquals("Deployment 'default/" + name + "' version '5' not found", reply.detail());
        api.delete(deployments(DEFAULT, name, "versions", "0")).expect(404);
        String missing = unique("del-nothing");
        api.delete(deployments(DEFAULT, missing, "versions", "1")).expect(404);
    }
}
