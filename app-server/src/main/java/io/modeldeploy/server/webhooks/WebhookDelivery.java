package io.modeldeploy.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One delivery of the webhook outbox, as {@code GET /apis/modeldeploy/v1/webhook-deliveries} shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One webhook delivery: an event owed to one endpoint")
public record WebhookDelivery(
        @JsonProperty("id") @Schema(description = "The delivery id, sent as X-ModelDeploy-Delivery") long id,
        @JsonProperty("endpoint") @Schema(description = "The endpoint's name") String endpoint,
        @JsonProperty("event_id") @Schema(description = "The payload's event_id") String eventId,
        @JsonProperty("type") @Schema(allowableValues = {"status_changed", "deployment_stuck"}) String type,
        @JsonProperty("workspace") String workspace,
        @JsonProperty("name") String name,
        @JsonProperty("entity_version") int entityVersion,
        @JsonProperty("status") @Schema(allowableValues = {"pending", "delivered", "failed"},
                description = "pending: not yet delivered (being sent, or waiting for its next attempt); "
                        + "delivered: a 2xx answer; failed: given up after the last attempt") String status,
        @JsonProperty("attempts") @Schema(description = "Attempts so far") int attempts,
        @JsonProperty("next_attempt_at") @Schema(nullable = true,
                description = "When a pending delivery is tried next (or its current attempt's lease ends)")
        Instant nextAttemptAt,
        @JsonProperty("last_error") @Schema(nullable = true,
                description = "Why the last attempt failed; null after a success") String lastError,
        @JsonProperty("last_response_code") @Schema(nullable = true,
                description = "The HTTP status of the receiver's last answer; null if it gave none") Integer lastResponseCode,
        @JsonProperty("created_at") @Schema(description = "When the change it reports committed") Instant createdAt,
        @JsonProperty("updated_at") @Schema(description = "When it last changed (claimed, attempted)") Instant updatedAt) {
}
