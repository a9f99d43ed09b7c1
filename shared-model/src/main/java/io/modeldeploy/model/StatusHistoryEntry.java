package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * One applied status change of a deployment version. NeMo's item has {@code timestamp},
 * {@code status} and {@code status_message}; {@code actor} and {@code source} are our additions.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusHistoryEntry(
        @JsonProperty("timestamp") Instant timestamp,
        @JsonProperty("status") DeploymentStatus status,
        @JsonProperty("status_message") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String statusMessage,
        @JsonProperty("actor") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String actor,
        @JsonProperty("source") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) ChangeSource source) {
}
