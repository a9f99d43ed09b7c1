package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.modeldeploy.model.constraints.ConfigName;
import io.modeldeploy.model.constraints.DeploymentName;
import io.modeldeploy.model.constraints.ProjectName;

/**
 * Body of {@code POST .../deployments}: creates version 1. {@code config_version} defaults to 1
 * ({@link IntegerRule#CONFIG_VERSION}); the text fields carry their {@link FieldRule}s as
 * constraints.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateDeploymentRequest(
        @JsonProperty("name") @DeploymentName String name,
        @JsonProperty("config") @ConfigName String config,
        @JsonProperty("config_version") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) Integer configVersion,
        @JsonProperty("project") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) @ProjectName String project) {
}
