package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.modeldeploy.server.webhooks.WebhookDelivery;
import io.modeldeploy.server.webhooks.WebhookDeliveryPage;
import io.modeldeploy.server.webhooks.WebhookDeliveryPruner;
import io.modeldeploy.server.webhooks.WebhookReceiver;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Webhook deliveries are kept 7 days, then pruned, so the outbox does not grow forever. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = AdjustableClock.PROPERTY, value = "true")
@Property(name = "modeldeploy.webhook-delivery.poll-interval", value = "100ms")
class WebhookRetentionApiTest implements TestPropertyProvider {
    private final String workspace = unique("wh-retention");
    private final WebhookReceiver receiver = WebhookReceiver.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    AdjustableClock clock;

    @Inject
    WebhookDeliveryPruner pruner;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("modeldeploy.webhooks", "[{\"name\": \"kept\", \"url\": \"" + receiver.url("/kept")
                + "\", \"secret\": \"s\", \"workspaces\": [\"" + workspace + "\"]}]");
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void deliveriesOlderThanSevenDaysArePruned() {
        Api api = new Api(client, jsonMapper);
        api.create(workspace, "aging");
        api.setStatus(workspace, "aging", "ERROR", "broke");
        receiver.await(r -> true, 2, Duration.ofSeconds(20));

        assertEquals(0, pruner.prune());
        assertEquals(2, deliveries(api).size());
        clock.advance(Duration.ofDays(6));
        assertEquals(0, pruner.prune());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(2, pruner.prune());
        assertEquals(List.of(), deliveries(api));
    }

    private List<WebhookDelivery> deliveries(Api api) {
        return api.get(WebhookApiTest.DELIVERIES + "?page_size=1000").expect(200)
                .as(io.micronaut.core.type.Argument.of(WebhookDeliveryPage.class)).data().stream()
                .filter(d -> d.workspace().equals(workspace)).toList();
    }
}
