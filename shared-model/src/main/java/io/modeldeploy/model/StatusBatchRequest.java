package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.modeldeploy.model.constraints.ModelProviderId;
import io.modeldeploy.model.constraints.StatusMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Body of {@code POST /apis/modeldeploy/v1/status-batches}: one status (and message, and optionally
 * provider reference) for 1 to {@link ApiLimits#MAX_BATCH_TARGETS} versions, applied to all of them
 * in one transaction or to none. A missing {@code status_message} means {@code ""}; a missing
 * {@code model_provider_id} leaves each target's unchanged.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusBatchRequest(
        @JsonProperty("status") DeploymentStatus status,
        @JsonProperty("status_message") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) @StatusMessage String statusMessage,
        @JsonProperty("model_provider_id") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) @ModelProviderId String modelProviderId,
        @JsonProperty("targets") @Size(min = 1, max = ApiLimits.MAX_BATCH_TARGETS) List<@Valid StatusBatchTarget> targets) {
}
