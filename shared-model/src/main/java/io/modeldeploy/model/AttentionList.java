package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /apis/modeldeploy/v1/attention}: what needs attention now, longest first,
 * and the server's stuck limits in seconds per status (only the statuses that have one), so a
 * client can tell when a version becomes stuck without asking again. Empty ones are sent too
 * ({@code "data": []}), not left out.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttentionList(
        @JsonProperty("data") List<AttentionItem> data,
        @JsonProperty("stuck_after_seconds") Map<DeploymentStatus, Long> stuckAfterSeconds) {
}
