package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The demo mode of a server ({@code GET/PUT /apis/modeldeploy/v1/demo}): whether it is on, and
 * whether its demo controller runs and how often it acts. In a PUT, null fields stay as they are.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoState(
        @JsonProperty("enabled") Boolean enabled,
        @JsonProperty("running") Boolean running,
        @JsonProperty("pace_seconds") Double paceSeconds) {

    public static final double MIN_PACE_SECONDS = 0.05;
    public static final double MAX_PACE_SECONDS = 60;
}
