package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The demo mode of a server ({@code GET/PUT /apis/modeldeploy/v1/demo}): whether it is on, and
 * whether its demo controller runs and how often it acts. In a PUT, null fields stay as they are.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoState(
        @JsonProperty("enabled") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                description = "Answers only; ignored in a PUT") Boolean enabled,
        @JsonProperty("running") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Boolean running,
        @JsonProperty("pace_seconds") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                minimum = "0.05", maximum = "60") Double paceSeconds) {

    public static final double MIN_PACE_SECONDS = 0.05;
    public static final double MAX_PACE_SECONDS = 60;
}
