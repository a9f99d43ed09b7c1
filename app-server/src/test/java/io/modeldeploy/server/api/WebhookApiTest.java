package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.modeldeploy.server.webhooks.WebhookDelivery;
import io.modeldeploy.server.webhooks.WebhookDeliveryPage;
import io.modeldeploy.server.webhooks.WebhookReceiver;
import io.modeldeploy.server.webhooks.WebhookStuckScan;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks from the server (MODELDEPLOY_WEBHOOKS): a committed change in a wanted status is POSTed to
 * each endpoint that wants it, signed with its secret; a failing receiver is retried, a redirect is
 * not followed, a stuck deployment is reported once; GET /apis/modeldeploy/v1/webhook-deliveries
 * shows it all. The receiver is a JDK HTTP server in this test; retries are made short by settings.
 * Each endpoint listens to a workspace of its own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = AdjustableClock.PROPERTY, value = "true")
@Property(name = "modeldeploy.stuck-after", value = "PENDING=2m")
@Property(name = "modeldeploy.tokens", value = WebhookApiTest.TOKENS)
@Property(name = "modeldeploy.webhook-delivery.first-retry-after", value = "100ms")
@Property(name = "modeldeploy.webhook-delivery.max-retry-after", value = "200ms")
@Property(name = "modeldeploy.webhook-delivery.max-attempts", value = "3")
@Property(name = "modeldeploy.webhook-delivery.poll-interval", value = "100ms")
@Property(name = "modeldeploy.webhook-delivery.stuck-scan-interval", value = "1h")
class WebhookApiTest implements TestPropertyProvider {
    static final String DELIVERIES = "/apis/modeldeploy/v1/webhook-deliveries";
    static final String EDITOR_SECRET = "webhook-test-editor-secret-0123456789";
    static final String VIEWER_SECRET = "webhook-test-viewer-secret-0123456789";
    static final String TOKENS = "ed:editor:" + EDITOR_SECRET + ",vi:viewer:" + VIEWER_SECRET;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Argument<WebhookDeliveryPage> DELIVERY_PAGE = Argument.of(WebhookDeliveryPage.class);

    private static final String OPS_SECRET = "ops-secret-\u00e9\u00df";
    private final String wsOps = unique("wh-ops");
    private final String wsAll = unique("wh-all");
    private final String wsFlaky = unique("wh-flaky");
    private final String wsMoved = unique("wh-moved");
    private final String wsStuck = unique("wh-stuck");
    private final String wsStalling = unique("wh-stalling");
    private final WebhookReceiver receiver = WebhookReceiver.start()
            .answering((path, n) -> switch (path) {
                case "/flaky" -> n == 1 ? 500 : 200;
                case "/moved" -> 302;
                default -> 200;
            })
            .stallingTheBodyOn("/stalling");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    AdjustableClock clock;

    @Inject
    WebhookStuckScan stuckScan;

    private Api api;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("modeldeploy.webhooks", "["
                + endpoint("ops", "/ops", OPS_SECRET, wsOps, ", \"statuses\": [\"ERROR\", \"lost\"]")
                + ", " + endpoint("all", "/all/T0KEN?key=QUERY-T0KEN", "all-secret", wsAll, "")
                + ", " + endpoint("flaky", "/flaky", "flaky-secret", wsFlaky, ", \"statuses\": [\"ERROR\"]")
                + ", " + endpoint("moved", "/moved", "moved-secret", wsMoved, ", \"statuses\": [\"ERROR\"]")
                + ", " + endpoint("stuck", "/stuck", "stuck-secret", wsStuck, ", \"statuses\": [\"LOST\"], \"stuck\": true")
                + ", " + endpoint("stalling", "/stalling", "stalling-secret", wsStalling, ", \"statuses\": [\"ERROR\"]")
                + "]");
    }

    private String endpoint(String name, String path, String secret, String workspace, String more) {
        return "{\"name\": \"" + name + "\", \"url\": \"" + receiver.url(path) + "\", \"secret\": \"" + secret
                + "\", \"workspaces\": [\"" + workspace + "\"]" + more + "}";
    }

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aChangeIntoAWantedStatusIsPostedOnceSignedWithTheEndpointsSecret() {
        api.create(wsOps, "db");
        api.setStatus(wsOps, "db", "READY", "serving");
        api.setStatus(wsOps, "db", "ERROR", "disk full");
        api.setStatus(wsOps, "db", "ERROR", "disk still full");

        WebhookReceiver.Received request = receiver.await(r -> r.path().equals("/ops"), 1, WAIT).get(0);
        assertTrue(request.signedWith(OPS_SECRET), "signature " + request.header("X-ModelDeploy-Signature"));
        assertFalse(request.signedWith("all-secret"));
        assertEquals("application/json", request.header("Content-Type"));
        Map<String, Object> payload = json(request.bodyText());
        System.out.println("[webhooks] payload: " + request.bodyText());
        assertEquals("status_changed", payload.get("type"));
        assertEquals(wsOps, payload.get("workspace"));
        assertEquals("db", payload.get("name"));
        assertEquals(1, ((Number) payload.get("entity_version")).intValue());
        assertEquals("READY", payload.get("previous_status"));
        assertEquals("ERROR", payload.get("status"));
        assertEquals("disk full", payload.get("status_message"));
        assertEquals("anonymous", payload.get("actor"));
        assertNotNull(payload.get("timestamp"));
        assertNotNull(payload.get("event_id"));
        assertEquals(request.header("X-ModelDeploy-Event"), payload.get("event_id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> deployment = (Map<String, Object>) payload.get("deployment");
        assertEquals("ERROR", deployment.get("status"));
        assertEquals("disk full", deployment.get("status_message"));

        // READY is not wanted and a new message in the same status is no status change: one delivery in all.
        List<WebhookDelivery> ofOps = awaitDeliveries(d -> d.workspace().equals(wsOps) && d.status().equals("delivered"), 1);
        assertEquals(1, deliveries(d -> d.workspace().equals(wsOps)).size());
        WebhookDelivery delivery = ofOps.get(0);
        assertEquals("ops", delivery.endpoint());
        assertEquals(String.valueOf(delivery.id()), request.header("X-ModelDeploy-Delivery"));
        assertEquals(1, delivery.attempts());
        assertEquals(200, delivery.lastResponseCode());
        assertNull(delivery.lastError());
        assertEquals(1, receiver.received(r -> r.path().equals("/ops")).size());
    }

    @Test
    void anEndpointWithoutFiltersGetsEveryStatusChangeOfItsWorkspaceFromTheCreationOn() {
        api.create(wsAll, "every");
        api.setStatus(wsAll, "every", "READY", "up");
        api.setStatus(wsAll, "every", "READY", "still up");

        List<WebhookReceiver.Received> requests = receiver.await(r -> r.path().startsWith("/all/"), 2, WAIT);
        List<Map<String, Object>> payloads = requests.stream().map(r -> json(r.bodyText()))
                .sorted(java.util.Comparator.comparing(p -> Long.parseLong((String) p.get("event_id"))))
                .toList();
        assertNull(payloads.get(0).get("previous_status"));
        assertEquals("CREATED", payloads.get(0).get("status"));
        assertEquals("CREATED", payloads.get(1).get("previous_status"));
        assertEquals("READY", payloads.get(1).get("status"));
        assertTrue(requests.stream().allMatch(r -> r.signedWith("all-secret")));
        awaitDeliveries(d -> d.workspace().equals(wsAll) && d.status().equals("delivered"), 2);
        assertEquals(2, deliveries(d -> d.workspace().equals(wsAll)).size());
    }

    @Test
    void aReceiverThatFailsIsTriedAgainWithTheSameDeliveryUntilItAnswers2xx() {
        api.create(wsFlaky, "retried");
        api.setStatus(wsFlaky, "retried", "ERROR", "crashed");

        List<WebhookReceiver.Received> requests = receiver.await(r -> r.path().equals("/flaky"), 2, WAIT);
        assertEquals(requests.get(0).header("X-ModelDeploy-Delivery"), requests.get(1).header("X-ModelDeploy-Delivery"));
        assertEquals(requests.get(0).bodyText(), requests.get(1).bodyText());
        assertTrue(requests.get(1).signedWith("flaky-secret"));
        WebhookDelivery delivery = awaitDeliveries(d -> d.workspace().equals(wsFlaky) && d.status().equals("delivered"), 1)
                .get(0);
        System.out.println("[webhooks] retried delivery: " + delivery);
        assertEquals(2, delivery.attempts());
        assertEquals(200, delivery.lastResponseCode());
    }

    @Test
    void aReceiverWhoseAnswerBodyNeverEndsHasTheDeliveryDeliveredByItsStatus() {
        api.create(wsStalling, "slow-body");
        api.setStatus(wsStalling, "slow-body", "ERROR", "crashed");

        WebhookDelivery delivery = awaitDeliveries(d -> d.workspace().equals(wsStalling)
                && d.status().equals("delivered"), 1).get(0);
        assertEquals(1, delivery.attempts(), "the sender did not wait for the body (the read timeout ends at the headers)");
        assertEquals(200, delivery.lastResponseCode());
    }

    @Test
    void aRedirectIsNotFollowedAndTheDeliveryFailsAfterItsLastAttempt() {
        api.create(wsMoved, "redirected");
        api.setStatus(wsMoved, "redirected", "ERROR", "moved away");

        WebhookDelivery delivery = awaitDeliveries(d -> d.workspace().equals(wsMoved) && d.status().equals("failed"), 1)
                .get(0);
        System.out.println("[webhooks] redirected delivery: " + delivery);
        assertEquals(3, delivery.attempts());
        assertEquals(302, delivery.lastResponseCode());
        assertTrue(delivery.lastError().contains("redirect"), delivery.lastError());
        assertEquals(3, receiver.received(r -> r.path().equals("/moved")).size());
        assertEquals(0, receiver.received(r -> r.path().equals("/redirect-target")).size());
    }

    @Test
    void aDeploymentThatBecomesStuckIsReportedOnceToAnEndpointThatWantsStuck() {
        api.create(wsStuck, "slow");
        api.setStatus(wsStuck, "slow", "PENDING", "waiting for a GPU");
        stuckScan.scan();
        clock.advance(Duration.ofMinutes(3));
        stuckScan.scan();
        stuckScan.scan();

        WebhookReceiver.Received request = receiver.await(r -> r.path().equals("/stuck"), 1, WAIT).get(0);
        Map<String, Object> payload = json(request.bodyText());
        assertEquals("deployment_stuck", payload.get("type"));
        assertEquals("PENDING", payload.get("status"));
        assertEquals("slow", payload.get("name"));
        assertEquals(120, ((Number) payload.get("stuck_after_seconds")).intValue());
        assertTrue(request.signedWith("stuck-secret"));
        awaitDeliveries(d -> d.workspace().equals(wsStuck) && d.status().equals("delivered"), 1);
        // PENDING itself is not among its statuses: the stuck notice is all it gets.
        assertEquals(List.of("deployment_stuck"), deliveries(d -> d.workspace().equals(wsStuck)).stream()
                .map(WebhookDelivery::type).toList());
    }

    @Test
    void theDeliveriesNeedAnEditorToken() {
        api.send(HttpRequest.GET(DELIVERIES).bearerAuth(VIEWER_SECRET)).expect(403);
        api.send(HttpRequest.GET(DELIVERIES).bearerAuth(EDITOR_SECRET)).expect(200);
        api.send(HttpRequest.GET(DELIVERIES + "?page_size=0")).expect(422);
    }

    private List<WebhookDelivery> deliveries(Predicate<WebhookDelivery> which) {
        return api.get(DELIVERIES + "?page_size=1000").expect(200).as(DELIVERY_PAGE).data().stream()
                .filter(which).toList();
    }

    private List<WebhookDelivery> awaitDeliveries(Predicate<WebhookDelivery> which, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<WebhookDelivery> found = deliveries(which);
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep(50);
            found = deliveries(which);
        }
        assertEquals(count, found.size(), "deliveries: " + deliveries(d -> true));
        return found;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String text) {
        try {
            return jsonMapper.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
