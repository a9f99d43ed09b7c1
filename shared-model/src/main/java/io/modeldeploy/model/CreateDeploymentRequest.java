package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Body of {@code POST .../deployments}: creates version 1. {@code config_version} defaults to 1;
 * limits are in {@link ApiLimits}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateDeploymentRequest(
        @JsonProperty("name") String name,
        @JsonProperty("config") String config,
        @JsonProperty("config_version") Integer configVersion,
        @JsonProperty("project") String project) {
}
