package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * Data of the {@code heartbeat} event: sent at once on connecting and then every few seconds,
 * without an SSE id, so it never moves a client's Last-Event-ID. {@code last_event_id} is the
 * newest event the server has committed.
 */
@Serdeable
public record StreamHeartbeat(
        @JsonProperty("last_event_id") long lastEventId,
        @JsonProperty("timestamp") Instant timestamp) {
}
