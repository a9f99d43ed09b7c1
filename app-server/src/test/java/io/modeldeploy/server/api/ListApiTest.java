package io.modeldeploy.server.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.Pagination;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.query;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET .../deployments: pagination, latest-only vs all versions, the '-' workspace, filters in bracket
 * and JSON form, sorting and the limits. Every test works in a workspace of its own.
 */
@MicronautTest
class ListApiTest {

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

    private static List<String> names(ListPage<ModelDeployment> page) {
        return page.data().stream().map(ModelDeployment::name).toList();
    }

    // ---- pagination ----

    @Test
    void paginationOverFiveDeploymentsInPagesOfTwo() {
        String ws = unique("ls-page");
        for (int i = 1; i <= 5; i++) {
            api.create(ws, "d" + i);
        }
        ListPage<ModelDeployment> p1 = api.list(ws, "page", "1", "page_size", "2");
        assertEquals(List.of("d1", "d2"), names(p1));
        assertEquals(new Pagination(1, 2, 2, 3, 5), p1.pagination());
        ListPage<ModelDeployment> p2 = api.list(ws, "page", "2", "page_size", "2");
        assertEquals(List.of("d3", "d4"), names(p2));
        assertEquals(new Pagination(2, 2, 2, 3, 5), p2.pagination());
        ListPage<ModelDeployment> p3 = api.list(ws, "page", "3", "page_size", "2");
        assertEquals(List.of("d5"), names(p3), "the last page is partial");
        assertEquals(new Pagination(3, 2, 1, 3, 5), p3.pagination());
        ListPage<ModelDeployment> p4 = api.list(ws, "page", "4", "page_size", "2");
        assertEquals(List.of(), p4.data(), "a page beyond the end is empty");
        assertEquals(new Pagination(4, 2, 0, 3, 5), p4.pagination());
    }

    @Test
    void defaultsArePage1Of100SortedByCreatedAt() {
        String ws = unique("ls-defaults");
        api.create(ws, "b");
        api.create(ws, "a");
        Map<String, Object> raw = api.get(deployments(ws)).expect(200).map();
        assertEquals("created_at", raw.get("sort"));
        assertFalse(raw.containsKey("filter"), "a null filter is left out: " + raw);
        ListPage<ModelDeployment> page = api.list(ws);
        assertEquals(new Pagination(1, 100, 2, 1, 2), page.pagination());
        assertEquals(List.of("b", "a"), names(page));
    }

    @Test
    void emptyWorkspaceListsNothingWithOnePage() {
        String ws = unique("ls-empty");
        api.create(ws, "gone");
        api.setStatus(ws, "gone", "DELETED", null);
        api.delete(deployments(ws, "gone")).expect(204);
        ListPage<ModelDeployment> page = api.list(ws);
        assertEquals(List.of(), page.data());
        assertEquals(0L, page.pagination().totalResults());
        assertEquals(0, page.pagination().currentPageSize());
        assertEquals(1, page.pagination().totalPages(), "an empty result still has one (empty) page");
    }

    @Test
    void pageSize1000IsAcceptedAnd1001Is422() {
        String ws = unique("ls-limit");
        api.create(ws, "only");
        assertEquals(1000, api.list(ws, "page_size", "1000").pagination().pageSize());
        Api.Reply tooBig = api.get(query(deployments(ws), "page_size", "1001"));
        Map<String, Object> error = tooBig.validationErrorAt("query", "page_size");
        assertEquals("less_than_equal", error.get("type"));
    }

    @Test
    void historyLimitCapsTheEmbeddedHistoryAndZeroLeavesItOut() {
        String ws = unique("ls-history");
        api.create(ws, "moving");
        api.setStatus(ws, "moving", "PENDING", "starting");
        api.setStatus(ws, "moving", "READY", "up");

        assertEquals(List.of("CREATED", "PENDING", "READY"), statuses(api.list(ws).data().get(0)));
        assertEquals(List.of("PENDING", "READY"), statuses(api.list(ws, "history_limit", "2").data().get(0)));
        ModelDeployment bare = api.list(ws, "history_limit", "0").data().get(0);
        assertEquals(List.of(), statuses(bare));
        assertEquals("READY", bare.status().name(), "the deployment itself is complete");
        assertEquals("up", bare.statusMessage());
    }

    @Test
    void historyLimitOutsideZeroToHundredIs422() {
        String ws = unique("ls-history-bad");
        api.create(ws, "only");
        assertEquals("less_than_equal", api.get(query(deployments(ws), "history_limit", "101"))
                .validationErrorAt("query", "history_limit").get("type"));
        assertEquals("greater_than_equal", api.get(query(deployments(ws), "history_limit", "-1"))
                .validationErrorAt("query", "history_limit").get("type"));
        assertEquals("int_parsing", api.get(query(deployments(ws), "history_limit", "all"))
                .validationErrorAt("query", "history_limit").get("type"));
    }

    private static List<String> statuses(ModelDeployment deployment) {
        return deployment.statusHistory() == null ? List.of()
                : deployment.statusHistory().stream().map(e -> e.status().name()).toList();
    }

    @Test
    void badPageOrPageSizeIs422AtTheQueryParameter() {
        String ws = unique("ls-bad-page");
        api.create(ws, "only");
        assertEquals("greater_than_equal", api.get(query(deployments(ws), "page", "0"))
                .validationErrorAt("query", "page").get("type"));
        assertEquals("greater_than_equal", api.get(query(deployments(ws), "page_size", "0"))
                .validationErrorAt("query", "page_size").get("type"));
        assertEquals("int_parsing", api.get(query(deployments(ws), "page", "abc"))
                .validationErrorAt("query", "page").get("type"));
        assertEquals("int_parsing", api.get(query(deployments(ws), "page_size", "1e3"))
                .validationErrorAt("query", "page_size").get("type"));
        assertEquals("bool_parsing", api.get(query(deployments(ws), "all_versions", "maybe"))
                .validationErrorAt("query", "all_versions").get("type"));
    }

    // ---- versions and workspaces ----

    @Test
    void latestVersionOnlyByDefaultAndEveryVersionWithAllVersionsTrue() {
        String ws = unique("ls-versions");
        api.create(ws, "multi");
        api.newVersion(ws, "multi", "c2");
        api.newVersion(ws, "multi", "c3");
        api.create(ws, "single");

        ListPage<ModelDeployment> latest = api.list(ws);
        assertEquals(2, latest.data().size(), "one row per deployment: " + names(latest));
        assertEquals(2L, latest.pagination().totalResults());
        ModelDeployment multi = latest.data().stream().filter(d -> d.name().equals("multi")).findFirst().orElseThrow();
        assertEquals(3, multi.entityVersion());
        assertEquals("c3", multi.config());
        assertEquals(latest, api.list(ws, "all_versions", "false"));

        ListPage<ModelDeployment> all = api.list(ws, "all_versions", "true");
        assertEquals(4, all.data().size());
        assertEquals(4L, all.pagination().totalResults());
        assertEquals(List.of("multi/1", "multi/2", "multi/3", "single/1"),
                all.data().stream().map(d -> d.name() + "/" + d.entityVersion()).sorted().toList());
    }

    @Test
    void workspaceDashListsEveryWorkspace() {
        String prefix = unique("dash");
        String ws1 = unique("ls-dash-a");
        String ws2 = unique("ls-dash-b");
        api.create(ws1, prefix + "-one");
        api.create(ws2, prefix + "-two");
        api.newVersion(ws2, prefix + "-two", "c2");

        ListPage<ModelDeployment> page = api.list("-", "filter[name][$like]", prefix + "%");
        assertEquals(List.of(ws1 + "/" + prefix + "-one/1", ws2 + "/" + prefix + "-two/2"),
                page.data().stream().map(d -> d.workspace() + "/" + d.name() + "/" + d.entityVersion()).toList());
        assertEquals(2L, page.pagination().totalResults());

        ListPage<ModelDeployment> everything = api.list("-", "page_size", "1000");
        List<String> workspaces = everything.data().stream().map(ModelDeployment::workspace).distinct().toList();
        assertTrue(workspaces.contains(ws1) && workspaces.contains(ws2), "both workspaces appear: " + workspaces);
    }

    @Test
    void sameNameInTwoWorkspacesAppearsTwiceUnderDash() {
        String name = unique("twin");
        String ws1 = unique("ls-twin-a");
        String ws2 = unique("ls-twin-b");
        api.create(ws1, name);
        api.create(ws2, name);
        ListPage<ModelDeployment> page = api.list("-", "filter[name]", name);
        assertEquals(2, page.data().size(), "deployments are grouped by workspace and name: " + page.data());
    }

    @Test
    void unknownWorkspaceIs404() {
        String ws = unique("ls-unknown");
        Api.Reply reply = api.get(deployments(ws)).expect(404);
        assertEquals("Workspace '" + ws + "' not found", reply.detail());
    }

    // ---- filters ----

    /** ws: a READY (config x, project p1, provider), b ERROR (config y), c PENDING (config x, project p2). */
    private String workspaceWithThreeStatuses() {
        String ws = unique("ls-filter");
        api.postJson(deployments(ws), "{\"name\":\"a\",\"config\":\"cfg-x\",\"project\":\"p1\"}").expect(201);
        api.postJson(deployments(ws), "{\"name\":\"b\",\"config\":\"cfg-y\"}").expect(201);
        api.postJson(deployments(ws), "{\"name\":\"c\",\"config\":\"cfg-x\",\"project\":\"p2\"}").expect(201);
        api.patchStatus(ws, "a", "{\"status\":\"READY\",\"model_provider_id\":\"" + ws + "/prov-a\"}").expect(200);
        api.setStatus(ws, "b", "ERROR", "boom");
        api.setStatus(ws, "c", "PENDING", "pulling");
        return ws;
    }

    @Test
    void filterByStatus() {
        String ws = workspaceWithThreeStatuses();
        assertEquals(List.of("a"), names(api.list(ws, "filter[status]", "READY")));
        assertEquals(List.of("b"), names(api.list(ws, "filter[status][$eq]", "ERROR")));
        assertEquals(List.of(), names(api.list(ws, "filter[status]", "LOST")));
    }

    @Test
    void filterByStatusIn() {
        String ws = workspaceWithThreeStatuses();
        ListPage<ModelDeployment> page = api.list(ws, "filter[status][$in]", "READY,ERROR");
        assertEquals(List.of("a", "b"), names(page));
        assertEquals(2L, page.pagination().totalResults());
        assertEquals(List.of("a", "b"),
                names(api.list(ws, "filter[status][$in]", "READY", "filter[status][$in]", "ERROR")),
                "repeated parameters add values");
        assertEquals(List.of("c"), names(api.list(ws, "filter[status][$nin]", "READY,ERROR")));
    }

    @Test
    void filterByNameLike() {
        String ws = unique("ls-like");
        api.create(ws, "pre-one");
        api.create(ws, "other");
        api.create(ws, "pre-two");
        assertEquals(List.of("pre-one", "pre-two"), names(api.list(ws, "filter[name][$like]", "pre%")));
        assertEquals(List.of("other"), names(api.list(ws, "filter[name][$like]", "%the%")));
        assertEquals(List.of("other"), names(api.list(ws, "filter[name]", "other")));
    }

    @Test
    void filterByNameNotIn() {
        String ws = unique("ls-nin");
        api.create(ws, "a");
        api.create(ws, "b");
        api.create(ws, "c");
        assertEquals(List.of("c"), names(api.list(ws, "filter[name][$nin]", "a,b")));
        assertEquals(List.of("a", "b"), names(api.list(ws, "filter[name][$in]", "a,b,zzz")));
    }

    @Test
    void filterByConfigProjectAndModelProviderId() {
        String ws = workspaceWithThreeStatuses();
        assertEquals(List.of("a", "c"), names(api.list(ws, "filter[config]", "cfg-x")));
        assertEquals(List.of("b"), names(api.list(ws, "filter[config]", "cfg-y")));
        assertEquals(List.of("c"), names(api.list(ws, "filter[project]", "p2")));
        assertEquals(List.of("a"), names(api.list(ws, "filter[model_provider_id]", ws + "/prov-a")));
        assertEquals(List.of("b"), names(api.list(ws, "filter[status_message]", "boom")));
    }

    @Test
    void filtersCombineWithAnd() {
        String ws = workspaceWithThreeStatuses();
        assertEquals(List.of("c"), names(api.list(ws, "filter[config]", "cfg-x", "filter[status]", "PENDING")));
        assertEquals(List.of(), names(api.list(ws, "filter[config]", "cfg-y", "filter[status]", "PENDING")));
    }

    @Test
    void filterByCreatedAtRange() {
        String ws = unique("ls-dates");
        api.create(ws, "first");
        ModelDeployment second = api.create(ws, "second");
        api.create(ws, "third");
        assertEquals(List.of("second", "third"),
                names(api.list(ws, "filter[created_at][$gte]", second.createdAt().toString())));
        assertEquals(List.of("first", "second"),
                names(api.list(ws, "filter[created_at][$lte]", second.createdAt().toString())));
    }

    @Test
    void filterWorkspaceReplacesThePathWorkspace() {
        String wsA = unique("ls-path");
        String wsB = unique("ls-filtered");
        api.create(wsA, "in-a");
        api.create(wsB, "in-b");
        ListPage<ModelDeployment> page = api.list(wsA, "filter[workspace]", wsB);
        assertEquals(List.of("in-b"), names(page));
        assertEquals(wsB, page.data().get(0).workspace());
        assertEquals(List.of("in-b"), names(api.list("-", "filter[workspace]", wsB)));
    }

    @Test
    void jsonFormFilter() {
        String ws = workspaceWithThreeStatuses();
        assertEquals(List.of("a"), names(api.list(ws, "filter", "{\"status\":\"READY\"}")));
        assertEquals(List.of("a", "b"), names(api.list(ws, "filter", "{\"status\":{\"$in\":[\"READY\",\"ERROR\"]}}")));
        assertEquals(List.of("c"), names(api.list(ws, "filter", "{\"config\":\"cfg-x\",\"status\":\"PENDING\"}")));
        assertEquals(List.of("b", "c"), names(api.list(ws, "filter", "{\"name\":{\"$nin\":[\"a\"]}}")));
    }

    @Test
    void unknownFilterFieldIs400() {
        String ws = workspaceWithThreeStatuses();
        Api.Reply bracket = api.get(query(deployments(ws), "filter[foo]", "x")).expect(400);
        assertTrue(bracket.detail().startsWith("Unknown filter field 'foo'"), bracket.detail());
        Api.Reply json = api.get(query(deployments(ws), "filter", "{\"foo\":\"x\"}")).expect(400);
        assertTrue(json.detail().startsWith("Unknown filter field 'foo'"), json.detail());
    }

    @Test
    void badStatusValueInFilterIs422() {
        String ws = workspaceWithThreeStatuses();
        Api.Reply reply = api.get(query(deployments(ws), "filter[status]", "RUNNING"));
        Map<String, Object> error = reply.validationErrorAt("query", "filter", "status");
        assertEquals("enum", error.get("type"));
        assertEquals("RUNNING", error.get("input"));
        api.get(query(deployments(ws), "filter[status][$in]", "READY,RUNNING")).validationErrorAt("query", "filter", "status");
    }

    @Test
    void malformedFiltersAre400NotServerErrors() {
        String ws = workspaceWithThreeStatuses();
        api.get(query(deployments(ws), "filter", "{not json")).expect(400);
        api.get(query(deployments(ws), "filter", "[1,2]")).expect(400);
        api.get(query(deployments(ws), "filter[name][$regex]", "a.*")).expect(400);
        api.get(query(deployments(ws), "filter[created_at][$like]", "2026%")).expect(400);
        api.get(query(deployments(ws), "filter[created_at][$gte]", "yesterday")).validationErrorAt("query", "filter", "created_at");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        String ws = workspaceWithThreeStatuses();
        assertEquals(List.of("a", "b", "c"), names(api.list(ws, "search", "whatever", "foo", "bar")));
    }

    // ---- sorting ----

    /** Created b, c, a; then b → READY and a → PENDING, so every sort key gives a different order. */
    private String workspaceForSorting() {
        String ws = unique("ls-sort");
        api.create(ws, "b");
        api.create(ws, "c");
        api.create(ws, "a");
        api.setStatus(ws, "b", "READY", null);
        api.setStatus(ws, "a", "PENDING", null);
        return ws;
    }

    @Test
    void sortByCreatedAt() {
        String ws = workspaceForSorting();
        ListPage<ModelDeployment> asc = api.list(ws, "sort", "created_at");
        assertEquals(List.of("b", "c", "a"), names(asc));
        assertEquals("created_at", asc.sort());
        ListPage<ModelDeployment> desc = api.list(ws, "sort", "-created_at");
        assertEquals(List.of("a", "c", "b"), names(desc));
        assertEquals("-created_at", desc.sort());
    }

    @Test
    void sortByName() {
        String ws = workspaceForSorting();
        assertEquals(List.of("a", "b", "c"), names(api.list(ws, "sort", "name")));
        ListPage<ModelDeployment> desc = api.list(ws, "sort", "-name");
        assertEquals(List.of("c", "b", "a"), names(desc));
        assertEquals("-name", desc.sort());
    }

    /** The same order on H2 and on PostgreSQL, whatever the database's collation (a locale would put "aB" after "ab"). */
    @Test
    void namesSortByCodePointOnEveryDatabase() {
        String ws = unique("ls-collation");
        List<String> created = List.of("ab", "a_b", "Ab", "a-b", "aB", "B", "a", "a.b", "b1", "b10", "b2");
        created.forEach(name -> api.create(ws, name));
        List<String> codePointOrder = created.stream().sorted().toList();
        assertEquals(codePointOrder, names(api.list(ws, "sort", "name")));
        assertEquals(created.stream().sorted(java.util.Comparator.reverseOrder()).toList(),
                names(api.list(ws, "sort", "-name")));
    }

    @Test
    void sortByStatus() {
        String ws = workspaceForSorting();
        assertEquals(List.of("c", "a", "b"), names(api.list(ws, "sort", "status")), "CREATED, PENDING, READY");
        assertEquals(List.of("b", "a", "c"), names(api.list(ws, "sort", "-status")));
    }

    @Test
    void sortByUpdatedAt() {
        String ws = workspaceForSorting();
        assertEquals(List.of("c", "b", "a"), names(api.list(ws, "sort", "updated_at")));
        assertEquals(List.of("a", "b", "c"), names(api.list(ws, "sort", "-updated_at")));
    }

    @Test
    void sortAppliesAcrossPages() {
        String ws = workspaceForSorting();
        assertEquals(List.of("a", "b"), names(api.list(ws, "sort", "name", "page_size", "2")));
        assertEquals(List.of("c"), names(api.list(ws, "sort", "name", "page_size", "2", "page", "2")));
    }

    @Test
    void unknownSortIs422() {
        String ws = workspaceForSorting();
        for (String sort : List.of("foo", "-foo", "config", "name,status")) {
            Api.Reply reply = api.get(query(deployments(ws), "sort", sort));
            assertEquals(422, reply.status, sort + ": " + reply.body);
            assertEquals("enum", reply.validationErrorAt("query", "sort").get("type"));
        }
    }
}
