package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One committed change, as sent on the event stream
 * ({@code GET /apis/models/v2/workspaces/{workspace}/deployment-events}). {@code event_id} is the
 * SSE {@code id:}: it increases in commit order. {@code deployment} is the version after the
 * change; its {@code status_history} holds only the entry this change added (empty when it added none).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentEvent(
        @JsonProperty("event_id") long eventId,
        @JsonProperty("type") DeploymentEventType type,
        @JsonProperty("workspace") String workspace,
        @JsonProperty("name") String name,
        @JsonProperty("entity_version") int entityVersion,
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("deployment") ModelDeployment deployment) {
}
