package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.modeldeploy.model.constraints.ConfigName;

/** Body of {@code POST .../deployments/{name}}: creates the next version with a new config. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewVersionRequest(
        @JsonProperty("config") @ConfigName String config,
        @JsonProperty("config_version") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) Integer configVersion) {
}
