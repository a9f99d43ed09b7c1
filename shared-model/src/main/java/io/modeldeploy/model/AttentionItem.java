package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The latest version of a deployment that needs attention: why, in which status, since when
 * (when that status began), and the version itself (without history).
 */
@Serdeable
public record AttentionItem(
        @JsonProperty("reason") AttentionReason reason,
        @JsonProperty("status") DeploymentStatus status,
        @JsonProperty("since") Instant since,
        @JsonProperty("deployment") ModelDeployment deployment) {
}
