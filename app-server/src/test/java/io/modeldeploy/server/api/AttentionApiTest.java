package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.AttentionItem;
import io.modeldeploy.model.AttentionList;
import io.modeldeploy.model.AttentionReason;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ListPage;
import io.modeldeploy.model.ModelDeployment;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.query;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What needs attention: the latest versions in ERROR or LOST, or longer in their status than its
 * limit (here PENDING 2 minutes, DELETING 5 minutes), from GET /apis/modeldeploy/v1/attention and
 * from the list with filter[attention]=true. The server's clock is moved forward instead of waiting.
 * Every test works in a workspace of its own.
 */
@MicronautTest
@Property(name = AdjustableClock.PROPERTY, value = "true")
@Property(name = "modeldeploy.stuck-after", value = "PENDING=2m,DELETING=5m")
class AttentionApiTest {
    static final String ATTENTION = "/apis/modeldeploy/v1/attention";
    private static final Argument<AttentionList> ATTENTION_LIST = Argument.of(AttentionList.class);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    AdjustableClock clock;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
    }

    private AttentionList attention(String... query) {
        return api.get(query(ATTENTION, query)).expect(200).as(ATTENTION_LIST);
    }

    private List<AttentionItem> attentionIn(String workspace) {
        return attention("workspace", workspace).data();
    }

    private static List<String> names(List<AttentionItem> items) {
        return items.stream().map(item -> item.deployment().name()).toList();
    }

    private static List<String> listedNames(ListPage<ModelDeployment> page) {
        return page.data().stream().map(ModelDeployment::name).toList();
    }

    // ---- the stuck limits ----

    @Test
    void aVersionLongerInItsStatusThanItsLimitIsStuckUntilItsStatusChanges() {
        String ws = unique("att-stuck");
        api.create(ws, "slow");
        ModelDeployment pending = api.newVersion(ws, "slow", "cfg-2");
        assertEquals(List.of(), attentionIn(ws), "PENDING for less than 2 minutes; CREATED has no limit here");

        clock.advance(Duration.ofSeconds(90));
        assertEquals(List.of(), attentionIn(ws), "PENDING for 90 s");
        api.setStatus(ws, "slow", "PENDING", "Pulling the image");
        clock.advance(Duration.ofSeconds(60));

        List<AttentionItem> items = attentionIn(ws);
        assertEquals(1, items.size(), "PENDING for 150 s, a new message did not restart it: " + items);
        AttentionItem stuck = items.get(0);
        assertEquals(AttentionReason.STUCK, stuck.reason());
        assertEquals(DeploymentStatus.PENDING, stuck.status());
        assertEquals(pending.statusSince(), stuck.since());
        assertEquals(2, stuck.deployment().entityVersion(), "the latest version");
        assertEquals("Pulling the image", stuck.deployment().statusMessage());
        assertEquals(pending.statusSince(), stuck.deployment().statusSince());
        assertEquals(List.of(), stuck.deployment().statusHistory(), "the deployment without its history");

        api.setStatus(ws, "slow", "READY", "Serving");
        assertEquals(List.of(), attentionIn(ws), "READY has no limit");
    }

    @Test
    void aStatusWithoutALimitIsNeverStuckAndAnOlderVersionDoesNotCount() {
        String ws = unique("att-latest");
        api.create(ws, "old-error");
        api.setStatus(ws, "old-error", "ERROR", "OOMKilled", "version", "1");
        api.newVersion(ws, "old-error", "cfg-2");
        api.setStatus(ws, "old-error", "READY", "Serving");
        api.create(ws, "created");
        clock.advance(Duration.ofHours(2));
        assertEquals(List.of(), attentionIn(ws),
                "READY and CREATED have no limit here; the older version in ERROR is not the latest");
    }

    @Test
    void stuckAfterSecondsAreTheConfiguredLimits() {
        Map<String, Object> body = api.get(query(ATTENTION, "workspace", unique("att-limits"))).expect(200).map();
        assertEquals(Map.of("PENDING", 120, "DELETING", 300), body.get("stuck_after_seconds"));
        assertEquals(List.of(), body.get("data"), "a workspace without deployments needs no attention");
    }

    // ---- error and lost ----

    @Test
    void errorAndLostAlwaysNeedAttentionLongestWaitingFirst() {
        String ws = unique("att-reasons");
        api.create(ws, "lost");
        api.create(ws, "failed");
        api.create(ws, "ready");
        ModelDeployment failed = api.setStatus(ws, "failed", "ERROR", "CrashLoopBackOff");
        clock.advance(Duration.ofSeconds(5));
        ModelDeployment lost = api.setStatus(ws, "lost", "LOST", "Node gone");
        api.setStatus(ws, "ready", "READY", "Serving");

        List<AttentionItem> items = attentionIn(ws);
        assertEquals(List.of("failed", "lost"), names(items), "in ERROR longer than the other in LOST");
        assertEquals(AttentionReason.ERROR, items.get(0).reason());
        assertEquals(DeploymentStatus.ERROR, items.get(0).status());
        assertEquals(failed.statusSince(), items.get(0).since());
        assertEquals(AttentionReason.LOST, items.get(1).reason());
        assertEquals(lost.statusSince(), items.get(1).since());
        Map<String, Object> raw = api.get(query(ATTENTION, "workspace", ws)).expect(200).map();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) raw.get("data")).get(0);
        assertEquals("error", first.get("reason"), "reasons are lower case on the wire: " + raw);
    }

    // ---- the workspace ----

    @Test
    void aNamedWorkspaceFiltersAndDashOrNoneMeansEvery() {
        String ws1 = unique("att-ws1");
        String ws2 = unique("att-ws2");
        api.create(ws1, "one");
        api.create(ws2, "two");
        api.setStatus(ws1, "one", "ERROR", "bad");
        api.setStatus(ws2, "two", "LOST", "gone");

        assertEquals(List.of("one"), names(attentionIn(ws1)));
        assertEquals(List.of("two"), names(attentionIn(ws2)));
        for (AttentionList all : List.of(attention(), attention("workspace", "-"))) {
            List<String> qualified = all.data().stream().map(item -> item.deployment().qualifiedName()).toList();
            assertTrue(qualified.containsAll(List.of(ws1 + "/one", ws2 + "/two")), qualified.toString());
        }
    }

    @Test
    void aWorkspaceThatIsNotAWorkspaceNameIs422AtTheQueryParameter() {
        Api.Reply reply = api.get(query(ATTENTION, "workspace", "no spaces allowed"));
        Map<String, Object> error = reply.validationErrorAt("query", "workspace");
        assertEquals("no spaces allowed", error.get("input"));
    }

    // ---- the list filter ----

    @Test
    void theListFilterKeepsOnlyTheLatestVersionsThatNeedAttention() {
        String ws = unique("att-list");
        api.create(ws, "a-error");
        api.create(ws, "b-ready");
        api.create(ws, "c-pending");
        api.create(ws, "d-fixed");
        api.setStatus(ws, "a-error", "ERROR", "bad");
        api.setStatus(ws, "b-ready", "READY", "ok");
        api.setStatus(ws, "c-pending", "PENDING", "waiting");
        api.setStatus(ws, "d-fixed", "ERROR", "bad");
        api.newVersion(ws, "d-fixed", "cfg-2");
        api.setStatus(ws, "d-fixed", "READY", "fixed");
        clock.advance(Duration.ofMinutes(3));

        ListPage<ModelDeployment> page = api.list(ws, "filter[attention]", "true", "sort", "name");
        assertEquals(List.of("a-error", "c-pending"), listedNames(page));
        assertEquals(2, page.pagination().totalResults());
        ListPage<ModelDeployment> firstOfTwo = api.list(ws, "filter[attention]", "true", "sort", "-name",
                "page_size", "1");
        assertEquals(List.of("c-pending"), listedNames(firstOfTwo));
        assertEquals(2, firstOfTwo.pagination().totalResults());
        assertEquals(List.of("a-error", "c-pending"), listedNames(api.list(ws, "filter", "{\"attention\":true}",
                "sort", "name")), "the JSON form");
        assertEquals(List.of("a-error", "c-pending"), listedNames(api.list(ws, "filter[attention]", "true",
                "all_versions", "true", "sort", "name")), "latest versions only, even with all_versions");
        assertEquals(List.of("a-error"), listedNames(api.list(ws, "filter[attention]", "true",
                "filter[status]", "ERROR")), "with the other filters");
        assertEquals(4, api.list(ws, "filter[attention]", "false").data().size(), "false: no filter");
        assertEquals(List.of("a-error", "c-pending"), listedNames(api.list("-", "filter[attention]", "true",
                "filter[workspace]", ws, "sort", "name")), "in every workspace");
    }

    @Test
    void aListFilterAttentionThatIsNotABooleanIs422AndOnlyEqualsIsAnOperator() {
        Api.Reply reply = api.get(query(deployments(Api.DEFAULT), "filter[attention]", "maybe"));
        Map<String, Object> error = reply.validationErrorAt("query", "filter", "attention");
        assertEquals("bool_parsing", error.get("type"));
        Api.Reply operator = api.get(query(deployments(Api.DEFAULT), "filter[attention][$in]", "true"));
        assertEquals(400, operator.status, operator.body);
        assertTrue(operator.detail().contains("Valid operators: [$eq]"), operator.body);
    }
}
