package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST .../deployments/{name}}: creates the next version with a new config. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewVersionRequest(
        @JsonProperty("config") String config,
        @JsonProperty("config_version") Integer configVersion) {
}
