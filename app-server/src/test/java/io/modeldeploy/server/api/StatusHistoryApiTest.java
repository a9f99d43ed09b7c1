package io.modeldeploy.server.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.query;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 100-entry window on the resource and the full, paginated GET .../{name}/status-history. */
@MicronautTest
class StatusHistoryApiTest {
    private static final int CHANGES = 130;

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

    /** A deployment with its CREATED entry and then {@value #CHANGES} changes "change-1".."change-130". */
    private String deploymentWithManyChanges() {
        String name = unique("many");
        api.create(DEFAULT, name);
        for (int i = 1; i <= CHANGES; i++) {
            api.setStatus(DEFAULT, name, i % 2 == 0 ? "READY" : "PENDING", "change-" + i);
        }
        return name;
    }

    private static String expectedMessage(int overallIndex) {
        return overallIndex == 0 ? "Deployment created" : "change-" + overallIndex;
    }

    @Test
    void resourceEmbedsExactlyTheNewest100EntriesOldestFirstAfter130Changes() {
        String name = deploymentWithManyChanges();
        ModelDeployment d = api.getLatest(DEFAULT, name);
        List<StatusHistoryEntry> window = d.statusHistory();
        assertEquals(100, window.size());
        for (int i = 0; i < 100; i++) {
            assertEquals("change-" + (31 + i), window.get(i).statusMessage(), "window entry " + i);
        }
        StatusHistoryEntry last = window.get(99);
        assertEquals(d.status(), last.status());
        assertEquals(d.statusMessage(), last.statusMessage());
        assertEquals("change-130", d.statusMessage());
        for (int i = 1; i < window.size(); i++) {
            assertFalse(window.get(i).timestamp().isBefore(window.get(i - 1).timestamp()), "oldest first at " + i);
        }

        ModelDeployment viaUpdate = api.setStatus(DEFAULT, name, "ERROR", "change-131");
        assertEquals(100, viaUpdate.statusHistory().size(), "the window also applies to the status update answer");
        assertEquals("change-32", viaUpdate.statusHistory().get(0).statusMessage());
        assertEquals("change-131", viaUpdate.statusHistory().get(99).statusMessage());

        ModelDeployment inList = api.list(DEFAULT, "filter[name]", name).data().get(0);
        assertEquals(viaUpdate.statusHistory(), inList.statusHistory(), "list items carry the same window");
        ModelDeployment inVersions = api.get(deployments(DEFAULT, name, "versions")).expect(200).as(Api.DEPLOYMENTS).get(0);
        assertEquals(viaUpdate.statusHistory(), inVersions.statusHistory(), "versions carry the same window");
    }

    @Test
    void historyEndpointReturnsAll131EntriesOldestFirstAcrossThreePagesOf50() {
        String name = deploymentWithManyChanges();
        List<StatusHistoryEntry> all = new ArrayList<>();
        int[] sizes = {50, 50, 31};
        for (int page = 1; page <= 3; page++) {
            ListPage<StatusHistoryEntry> result = api.history(DEFAULT, name, "page", String.valueOf(page), "page_size", "50");
            assertEquals(new Pagination(page, 50, sizes[page - 1], 3, 131), result.pagination(), "page " + page);
            assertEquals(sizes[page - 1], result.data().size());
            all.addAll(result.data());
        }
        assertEquals(131, all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(expectedMessage(i), all.get(i).statusMessage(), "entry " + i);
            assertEquals("anonymous", all.get(i).actor());
            assertEquals(ChangeSource.API, all.get(i).source());
        }
        assertEquals(DeploymentStatus.CREATED, all.get(0).status());
        assertEquals(DeploymentStatus.PENDING, all.get(1).status());
        assertEquals(DeploymentStatus.READY, all.get(130).status());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).timestamp().isBefore(all.get(i - 1).timestamp()), "oldest first at " + i);
        }
        assertEquals(api.getLatest(DEFAULT, name).statusHistory(), all.subList(31, 131),
                "the resource's window is the tail of the full history");

        Api.Reply beyond = api.get(query(deployments(DEFAULT, name, "status-history"), "page", "4", "page_size", "50"))
                .expect(200);
        ListPage<StatusHistoryEntry> empty = beyond.as(Api.HISTORY_PAGE);
        assertEquals(List.of(), empty.data(), "a page beyond the end is empty: " + beyond.body);
        assertEquals(new Pagination(4, 50, 0, 3, 131), empty.pagination());
    }

    @Test
    void historyEndpointDefaultsToPage1Of100() {
        String name = unique("history-defaults");
        api.create(DEFAULT, name);
        api.setStatus(DEFAULT, name, "READY", "up");
        Api.Reply reply = api.get(deployments(DEFAULT, name, "status-history")).expect(200);
        ListPage<StatusHistoryEntry> page = reply.as(Api.HISTORY_PAGE);
        assertEquals(new Pagination(1, 100, 2, 1, 2), page.pagination());
        assertEquals(List.of("Deployment created", "up"), page.data().stream().map(StatusHistoryEntry::statusMessage).toList());
        assertEquals(api.getLatest(DEFAULT, name).statusHistory(), page.data());
        assertNull(page.sort());
    }

    @Test
    void historyEndpointVersionQuerySelectsTheVersion() {
        String name = unique("history-version");
        api.create(DEFAULT, name);
        api.setStatus(DEFAULT, name, "READY", "v1 ready");
        api.newVersion(DEFAULT, name, "c2");
        api.setStatus(DEFAULT, name, "READY", "v2 ready");
        api.setStatus(DEFAULT, name, "ERROR", "v2 broken");

        List<String> v1 = messages(api.history(DEFAULT, name, "version", "1"));
        assertEquals(List.of("Deployment created", "v1 ready"), v1);
        List<String> v2 = messages(api.history(DEFAULT, name, "version", "2"));
        assertEquals(List.of("Deployment update pending", "v2 ready", "v2 broken"), v2);
        assertEquals(v2, messages(api.history(DEFAULT, name)), "no version means the latest");
        assertEquals(v2, messages(api.history(DEFAULT, name, "version", "")), "an empty version means the latest");
    }

    @Test
    void historyIncludesTheDeletingEntryOfADelete() {
        String name = unique("history-delete");
        api.create(DEFAULT, name);
        api.delete(deployments(DEFAULT, name)).expect(202);
        List<StatusHistoryEntry> history = api.history(DEFAULT, name).data();
        assertEquals(2, history.size());
        assertEquals(DeploymentStatus.DELETING, history.get(1).status());
        assertEquals("Deployment deletion requested", history.get(1).statusMessage());
    }

    @Test
    void historyOfUnknownDeploymentOrVersionIs404() {
        String name = unique("history-missing");
        Api.Reply missing = api.get(deployments(DEFAULT, name, "status-history")).expect(404);
        assertEquals("Deployment 'default/" + name + "' not found", missing.detail());
        api.create(DEFAULT, name);
        Api.Reply missingVersion = api.get(query(deployments(DEFAULT, name, "status-history"), "version", "7")).expect(404);
        assertEquals("Deployment 'default/" + name + "' version '7' not found", missingVersion.detail());
    }

    @Test
    void historyWithNonIntegerVersionIs400AsTheStatusEndpointAnswers() {
        String name = unique("history-abc");
        api.create(DEFAULT, name);
        Api.Reply reply = api.get(query(deployments(DEFAULT, name, "status-history"), "version", "abc")).expect(400);
        assertEquals("Invalid version 'abc': must be a positive integer", reply.detail());
    }

    @Test
    void historyWithBadPagingIs422AtTheQueryParameter() {
        String name = unique("history-paging");
        api.create(DEFAULT, name);
        String path = deployments(DEFAULT, name, "status-history");
        assertEquals("greater_than_equal",
                api.get(query(path, "page", "0")).validationErrorAt("query", "page").get("type"));
        assertEquals("greater_than_equal",
                api.get(query(path, "page", "-1")).validationErrorAt("query", "page").get("type"));
        assertEquals("greater_than_equal",
                api.get(query(path, "page_size", "0")).validationErrorAt("query", "page_size").get("type"));
        assertEquals("less_than_equal",
                api.get(query(path, "page_size", "1001")).validationErrorAt("query", "page_size").get("type"));
        assertEquals("int_parsing",
                api.get(query(path, "page", "abc")).validationErrorAt("query", "page").get("type"));
        assertEquals("int_parsing",
                api.get(query(path, "page_size", "ten")).validationErrorAt("query", "page_size").get("type"));
        Api.Reply both = api.get(query(path, "page", "0", "page_size", "1001"));
        assertEquals(2, both.validationErrors().size(), "every problem is listed: " + both.body);
        api.get(query(path, "page_size", "1000")).expect(200);
    }

    @Test
    void historyRawJsonHasTimestampStatusMessageActorAndSource() {
        String name = unique("history-raw");
        api.create(DEFAULT, name);
        Map<String, Object> body = api.get(deployments(DEFAULT, name, "status-history")).expect(200).map();
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = ((List<Map<String, Object>>) body.get("data")).get(0);
        assertEquals(List.of("timestamp", "status", "status_message", "actor", "source"), List.copyOf(entry.keySet()));
        assertTrue(((String) entry.get("timestamp")).endsWith("Z"), entry.toString());
    }

    private static List<String> messages(ListPage<StatusHistoryEntry> page) {
        return page.data().stream().map(StatusHistoryEntry::statusMessage).toList();
    }
}
