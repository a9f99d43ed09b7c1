package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One version a status batch changes: {@code version} null means the latest version;
 * {@code if_match} (an entity tag, as {@link ModelDeployment#etag()} computes it) makes the whole
 * batch fail with 412 when this version changed since.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusBatchTarget(
        @JsonProperty("workspace") String workspace,
        @JsonProperty("name") String name,
        @JsonProperty("version") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) Integer version,
        @JsonProperty("if_match") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true) String ifMatch) {
}
