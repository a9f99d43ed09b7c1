package io.modeldeploy.gui.api;

import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.errors.ErrorTexts;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.CreateDeploymentRequest;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.NewVersionRequest;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.model.StatusUpdateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's HTTP client against a real server. */
class DeploymentApiClientTest {

    private static TestServer server;
    private static DeploymentApiClient client;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        client = new HttpDeploymentApiClient(server.baseUrl());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void createReturnsVersionOneCreatedWithUtcTimestamps() throws ApiException {
        Instant before = Instant.now().minusSeconds(5);
        ModelDeployment created = client.createDeployment("client-create",
                new CreateDeploymentRequest("llama", "llama-nim", 3, null));
        assertEquals("llama", created.name());
        assertEquals("client-create", created.workspace());
        assertEquals(1, created.entityVersion());
        assertEquals(3, created.configVersion());
        assertEquals(DeploymentStatus.CREATED, created.status());
        assertTrue(created.createdAt().isAfter(before), "created_at is parsed as a UTC instant");
        assertEquals(created, client.getDeployment("client-create", "llama"));
    }

    @Test
    void listAllDeploymentsFollowsEveryPage() throws ApiException {
        for (int i = 0; i < 5; i++) {
            client.createDeployment("client-paging", new CreateDeploymentRequest("d" + i, "cfg", null, null));
        }
        DeploymentApiClient smallPages = new HttpDeploymentApiClient(server.baseUrl(), 2, 2);
        List<ModelDeployment> all = smallPages.listAllDeployments("client-paging");
        assertEquals(List.of("d4", "d3", "d2", "d1", "d0"), all.stream().map(ModelDeployment::name).toList(),
                "every page, most recently changed first");
        assertTrue(all.stream().allMatch(d -> d.statusHistory().isEmpty()), "read with history_limit=0");

        ListPage<ModelDeployment> second = client.listDeployments("client-paging", 2, 2);
        assertEquals(2, second.data().size());
        assertEquals(3, second.pagination().totalPages());
        assertEquals(5, second.pagination().totalResults());
    }

    @Test
    void aSmallFirstPageIsFollowedByTheRestInFullPagesEachEntryOnce() throws ApiException {
        for (int i = 0; i < 7; i++) {
            client.createDeployment("client-first-page", new CreateDeploymentRequest("d" + i, "cfg", null, null));
        }
        DeploymentApiClient pagesOfThree = new HttpDeploymentApiClient(server.baseUrl(), 2, 3);
        ListPage<ModelDeployment> first = pagesOfThree.listFirstDeployments("client-first-page", false);
        assertEquals(List.of("d6", "d5"), first.data().stream().map(ModelDeployment::name).toList());

        assertEquals(List.of("d4", "d3", "d2", "d1", "d0"),
                pagesOfThree.listRemainingDeployments("client-first-page", false, first).stream()
                        .map(ModelDeployment::name).toList(),
                "full pages from the first, without what the first page had");

        // d0 changes between the reads: it moves to the top, before the first page's entries.
        client.updateStatus("client-first-page", "d0", 1, new StatusUpdateRequest(DeploymentStatus.READY, "up"));
        List<ModelDeployment> rest = pagesOfThree.listRemainingDeployments("client-first-page", false, first);
        assertEquals(List.of("d0", "d4", "d3", "d2", "d1"), rest.stream().map(ModelDeployment::name).toList(),
                "every entry once, none lost to the shift");
        assertEquals(DeploymentStatus.READY, rest.get(0).status());
    }

    @Test
    void newVersionsAreListedNewestFirstAndReadableOneByOne() throws ApiException {
        client.createDeployment("client-versions", new CreateDeploymentRequest("mistral", "cfg-a", 1, null));
        ModelDeployment v2 = client.createVersion("client-versions", "mistral", new NewVersionRequest("cfg-b", 2));
        assertEquals(2, v2.entityVersion());
        assertEquals(DeploymentStatus.PENDING, v2.status());

        List<ModelDeployment> versions = client.listVersions("client-versions", "mistral");
        assertEquals(List.of(2, 1), versions.stream().map(ModelDeployment::entityVersion).toList());
        assertEquals("cfg-a", client.getVersion("client-versions", "mistral", 1).config());
        assertEquals("cfg-b", client.getDeployment("client-versions", "mistral").config());
    }

    @Test
    void statusUpdateTargetsTheGivenVersionAndIsRecordedAsComingFromTheGui() throws ApiException {
        client.createDeployment("client-status", new CreateDeploymentRequest("phi", "cfg", null, null));
        client.createVersion("client-status", "phi", new NewVersionRequest("cfg", null));

        ModelDeployment v1 = client.updateStatus("client-status", "phi", 1,
                new StatusUpdateRequest(DeploymentStatus.ERROR, "old version failed"));
        assertEquals(1, v1.entityVersion());
        assertEquals(DeploymentStatus.ERROR, v1.status());
        assertEquals(DeploymentStatus.PENDING, client.getDeployment("client-status", "phi").status(),
                "the latest version is untouched");

        ListPage<StatusHistoryEntry> history = client.statusHistory("client-status", "phi", 1, 1, 100);
        StatusHistoryEntry last = history.data().get(history.data().size() - 1);
        assertEquals(DeploymentStatus.ERROR, last.status());
        assertEquals("old version failed", last.statusMessage());
        assertEquals(ChangeSource.GUI, last.source(), "the client sends X-ModelDeploy-Source: gui");
    }

    @Test
    void statusHistoryPagesAreOldestFirst() throws ApiException {
        client.createDeployment("client-history", new CreateDeploymentRequest("gemma", "cfg", null, null));
        for (DeploymentStatus status : List.of(DeploymentStatus.PENDING, DeploymentStatus.READY,
                DeploymentStatus.ERROR, DeploymentStatus.PENDING)) {
            client.updateStatus("client-history", "gemma", 1, new StatusUpdateRequest(status, ""));
        }
        ListPage<StatusHistoryEntry> first = client.statusHistory("client-history", "gemma", 1, 1, 2);
        ListPage<StatusHistoryEntry> second = client.statusHistory("client-history", "gemma", 1, 2, 2);
        assertEquals(2, first.data().size());
        assertTrue(first.pagination().totalResults() >= 4);
        assertFalse(first.data().get(0).timestamp().isAfter(second.data().get(0).timestamp()));
    }

    @Test
    void deleteMarksDeletingAndPurgesOnceEveryVersionIsDeleted() throws ApiException {
        client.createDeployment("client-delete", new CreateDeploymentRequest("qwen", "cfg", null, null));

        Optional<ModelDeployment> marked = client.deleteDeployment("client-delete", "qwen");
        assertTrue(marked.isPresent(), "202 carries the version now DELETING");
        assertEquals(DeploymentStatus.DELETING, marked.get().status());

        client.updateStatus("client-delete", "qwen", 1, new StatusUpdateRequest(DeploymentStatus.DELETED, "gone"));
        assertEquals(Optional.empty(), client.deleteDeployment("client-delete", "qwen"), "204 = purged");
        ApiException gone = assertThrows(ApiException.class, () -> client.getDeployment("client-delete", "qwen"));
        assertEquals(404, gone.status());
    }

    @Test
    void deleteVersionMarksOnlyThatVersion() throws ApiException {
        client.createDeployment("client-delete-version", new CreateDeploymentRequest("olmo", "cfg", null, null));
        client.createVersion("client-delete-version", "olmo", new NewVersionRequest("cfg", null));

        Optional<ModelDeployment> v1 = client.deleteVersion("client-delete-version", "olmo", 1);
        assertEquals(DeploymentStatus.DELETING, v1.orElseThrow().status());
        assertEquals(1, v1.get().entityVersion());
        assertEquals(DeploymentStatus.PENDING, client.getVersion("client-delete-version", "olmo", 2).status());
    }

    @Test
    void notFoundCarriesTheServersDetail() {
        ApiException e = assertThrows(ApiException.class, () -> client.getDeployment("client-missing", "nope"));
        assertEquals(404, e.status());
        assertTrue(e.detail().contains("nope"), e.detail());
        assertEquals(e.detail(), ErrorTexts.message(e), "the server's words are what the console shows");
        assertEquals("ERROR_STATUS 404: " + e.detail(), e.getMessage());
        assertTrue(e.validationErrors().isEmpty());
    }

    @Test
    void invalidCreateListsEachFieldWithItsMessage() {
        ApiException e = assertThrows(ApiException.class, () -> client.createDeployment("client-invalid",
                new CreateDeploymentRequest("bad name!", "", null, null)));
        assertEquals(422, e.status());
        List<String> fields = e.validationErrors().stream().map(ApiException::fieldOf).toList();
        assertTrue(fields.contains("name"), fields.toString());
        assertTrue(fields.contains("config"), fields.toString());
        String text = ErrorTexts.message(e);
        assertTrue(text.startsWith("name: ") || text.contains("; name: "), text);
        assertTrue(text.contains("; "), "problems are joined with '; ': " + text);
    }

    @Test
    void duplicateNameIsAConflict() throws ApiException {
        client.createDeployment("client-conflict", new CreateDeploymentRequest("dup", "cfg", null, null));
        ApiException e = assertThrows(ApiException.class, () -> client.createDeployment("client-conflict",
                new CreateDeploymentRequest("dup", "cfg", null, null)));
        assertEquals(409, e.status());
        assertTrue(e.isConflict());
        assertTrue(e.detail().contains("already exists"), e.detail());
    }

    @Test
    void unreachableServerGivesStatusZeroAndIsNotHealthy() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        DeploymentApiClient nobody = new HttpDeploymentApiClient(URI.create("http://127.0.0.1:" + freePort));
        ApiException e = assertThrows(ApiException.class, () -> nobody.listDeployments("-", 1, 10));
        assertEquals(0, e.status());
        assertTrue(e.isConnectionFailure());
        assertEquals(ApiException.Kind.CANNOT_CONNECT, e.kind());
        assertEquals(URI.create("http://127.0.0.1:" + freePort), e.server().orElseThrow());
        assertEquals("Cannot connect to the server at http://127.0.0.1:" + freePort + ".", ErrorTexts.message(e));
        assertFalse(nobody.isHealthy());
        assertTrue(client.isHealthy());
    }

    @Test
    void pathSegmentsArePercentEncoded() throws ApiException {
        assertEquals("a%20b%2Fc", ApiPaths.segment("a b/c"));
        assertEquals("-", ApiPaths.segment("-"));
        assertEquals("x.y_z-1", ApiPaths.segment("x.y_z-1"));
        ApiException e = assertThrows(ApiException.class, () -> client.getDeployment("client-encoding", "a/b"));
        assertEquals(404, e.status(), "an encoded slash stays inside the name segment");
    }

    @Test
    void trailingSlashOfTheBaseUrlIsIgnored() throws ApiException {
        DeploymentApiClient slashed = new HttpDeploymentApiClient(URI.create(server.baseUrl() + "/"));
        assertTrue(slashed.isHealthy());
        slashed.createDeployment("client-slash", new CreateDeploymentRequest("s", "cfg", null, null));
        assertEquals("s", slashed.getDeployment("client-slash", "s").name());
        assertEquals(1, slashed.listDeployments("client-slash", 1, 10).data().size());
    }

    @Test
    void theEntityTagTheConsoleComputesIsTheOneTheServerSends() throws ApiException {
        ModelDeployment created = client.createDeployment("client-etag",
                new CreateDeploymentRequest("gemma", "cfg", null, null));
        var answer = server.send("GET", TestServer.deployment("client-etag", "gemma"), null);
        assertEquals(answer.headers().firstValue("ETag").orElseThrow(), created.etag());
        ModelDeployment fromList = client.listAllDeployments("client-etag").get(0);
        assertEquals(created.etag(), fromList.etag(), "the list's copy gives the same tag");
    }

    @Test
    void aConditionalUpdateWinsWithTheCurrentTagAndIsRefusedWithAStaleOne() throws ApiException {
        ModelDeployment start = client.createDeployment("client-if-match",
                new CreateDeploymentRequest("qwen", "cfg", null, null));
        ModelDeployment first = client.updateStatus("client-if-match", "qwen", 1,
                new StatusUpdateRequest(DeploymentStatus.PENDING, "mine"), start.etag());
        assertEquals(DeploymentStatus.PENDING, first.status());

        ApiException stale = assertThrows(ApiException.class, () -> client.updateStatus("client-if-match", "qwen", 1,
                new StatusUpdateRequest(DeploymentStatus.READY, "based on the old state"), start.etag()));

        assertTrue(stale.isPreconditionFailed());
        assertEquals(412, stale.status());
        ModelDeployment current = stale.currentDeployment().orElseThrow();
        assertEquals(first, current, "the answer carries the state to show");
        assertEquals(DeploymentStatus.PENDING, client.getDeployment("client-if-match", "qwen").status(),
                "nothing was overwritten");

        ModelDeployment anyway = client.updateStatus("client-if-match", "qwen", 1,
                new StatusUpdateRequest(DeploymentStatus.READY, "on top of it"), current.etag());
        assertEquals(DeploymentStatus.READY, anyway.status());
        assertEquals(3, anyway.statusHistory().size());
    }

    @Test
    void withoutIfMatchTheLastWriteWins() throws ApiException {
        client.createDeployment("client-no-if-match", new CreateDeploymentRequest("phi3", "cfg", null, null));
        server.setStatus("client-no-if-match", "phi3", "ERROR", "elsewhere");
        ModelDeployment mine = client.updateStatus("client-no-if-match", "phi3", 1,
                new StatusUpdateRequest(DeploymentStatus.READY, "mine"));
        assertEquals(DeploymentStatus.READY, mine.status());
    }
}
