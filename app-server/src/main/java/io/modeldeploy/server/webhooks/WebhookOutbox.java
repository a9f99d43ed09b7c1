package io.modeldeploy.server.webhooks;

import io.micronaut.json.JsonMapper;
import io.modeldeploy.model.DeploymentEventType;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusHistoryEntry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the deliveries owed for a change into the outbox, in the transaction of that change: one
 * row per endpoint that wants it. The senders ({@link WebhookDispatcher}) take them from there.
 */
@Singleton
public class WebhookOutbox {
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveryTable table;
    private final JsonMapper jsonMapper;

    public WebhookOutbox(WebhookEndpoints endpoints, WebhookDeliveryTable table, JsonMapper jsonMapper) {
        this.endpoints = endpoints;
        this.table = table;
        this.jsonMapper = jsonMapper;
    }

    /**
     * One committed change as the event log recorded it. Only a change that appended a history entry
     * in another status than before (or created the version) is reported.
     */
    public record Change(long eventId, DeploymentEventType type, DeploymentStatus previousStatus,
                         ModelDeployment after, Instant at) {
    }

    /** Must run inside the transaction of the changes. */
    public void enqueue(List<Change> changes) {
        if (endpoints.isEmpty()) {
            return;
        }
        List<WebhookDeliveryTable.Owed> owed = new ArrayList<>();
        Instant now = null;
        for (Change change : changes) {
            ModelDeployment after = change.after();
            List<StatusHistoryEntry> added = after.statusHistory();
            if (change.type() == DeploymentEventType.PURGED || added == null || added.isEmpty()
                    || change.previousStatus() == after.status()) {
                continue;
            }
            String payload = null;
            for (WebhookEndpoint endpoint : endpoints.all()) {
                if (!endpoint.wants(after.workspace(), after.status())) {
                    continue;
                }
                if (payload == null) {
                    String actor = added.get(added.size() - 1).actor();
                    payload = toJson(new WebhookPayload(String.valueOf(change.eventId()), WebhookPayload.STATUS_CHANGED,
                            after.workspace(), after.name(), after.entityVersion(), change.previousStatus(),
                            after.status(), after.statusMessage(), actor, change.at(), null, after));
                }
                owed.add(new WebhookDeliveryTable.Owed(endpoint.name(), String.valueOf(change.eventId()),
                        WebhookPayload.STATUS_CHANGED, after.workspace(), after.name(), after.entityVersion(), payload));
                now = change.at();
            }
        }
        if (!owed.isEmpty()) {
            table.insertAll(owed, now);
        }
    }

    /**
     * Owes every stuck-minded endpoint that wants it one notice that {@code stuck} stays in its status
     * beyond {@code limit}, once per version and status_since, in a transaction of its own; how many
     * were enqueued (none when another instance already did).
     */
    public int enqueueStuck(ModelDeployment stuck, Duration limit, Instant now) {
        String eventId = "stuck-" + stuck.id() + "-" + stuck.statusSince().toEpochMilli();
        String payload = null;
        int enqueued = 0;
        for (WebhookEndpoint endpoint : endpoints.all()) {
            if (!endpoint.wantsStuck(stuck.workspace())) {
                continue;
            }
            if (payload == null) {
                payload = toJson(new WebhookPayload(eventId, WebhookPayload.DEPLOYMENT_STUCK, stuck.workspace(),
                        stuck.name(), stuck.entityVersion(), null, stuck.status(), stuck.statusMessage(), null,
                        stuck.statusSince().plus(limit), limit.toSeconds(), stuck));
            }
            if (table.insertIfAbsent(new WebhookDeliveryTable.Owed(endpoint.name(), eventId,
                    WebhookPayload.DEPLOYMENT_STUCK, stuck.workspace(), stuck.name(), stuck.entityVersion(), payload),
                    now)) {
                enqueued++;
            }
        }
        return enqueued;
    }

    private String toJson(WebhookPayload payload) {
        try {
            return jsonMapper.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
