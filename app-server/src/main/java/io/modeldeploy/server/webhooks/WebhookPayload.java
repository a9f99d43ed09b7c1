package io.modeldeploy.server.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;

import java.time.Instant;

/**
 * The body POSTed to a webhook endpoint. {@code type} is {@code status_changed} (a version moved into
 * another status, or was created; then {@code previous_status} is null) or {@code deployment_stuck}
 * (the latest version stayed in its status longer than the server's stuck limit;
 * {@code stuck_after_seconds} is that limit). Every field is always present, null where it has no value.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookPayload(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("type") String type,
        @JsonProperty("workspace") String workspace,
        @JsonProperty("name") String name,
        @JsonProperty("entity_version") int entityVersion,
        @JsonProperty("previous_status") DeploymentStatus previousStatus,
        @JsonProperty("status") DeploymentStatus status,
        @JsonProperty("status_message") String statusMessage,
        @JsonProperty("actor") String actor,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("stuck_after_seconds") Long stuckAfterSeconds,
        @JsonProperty("deployment") ModelDeployment deployment) {

    public static final String STATUS_CHANGED = "status_changed";
    public static final String DEPLOYMENT_STUCK = "deployment_stuck";
}
