package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.modeldeploy.model.constraints.ModelProviderId;
import io.modeldeploy.model.constraints.StatusMessage;

/**
 * Body of {@code PATCH} (or {@code POST}) {@code .../deployments/{name}/status}.
 * A missing {@code status_message} means {@code ""}; a missing {@code model_provider_id} leaves it unchanged.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusUpdateRequest(
        @JsonProperty("status") DeploymentStatus status,
        @JsonProperty("status_message") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) @StatusMessage String statusMessage,
        @JsonProperty("model_provider_id") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) @ModelProviderId String modelProviderId) {

    public StatusUpdateRequest(DeploymentStatus status, String statusMessage) {
        this(status, statusMessage, null);
    }
}
