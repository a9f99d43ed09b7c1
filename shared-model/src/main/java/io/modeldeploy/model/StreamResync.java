package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Data of the {@code resync} event: the server cannot replay every event after the client's
 * Last-Event-ID (they are older than the server keeps, see {@code modeldeploy.events.retention}).
 * The client should reload what it shows and follow the stream from {@code last_event_id}, the
 * newest event now; no events before it follow. Sent without an SSE id.
 */
@Serdeable
public record StreamResync(
        @JsonProperty("last_event_id") long lastEventId,
        @JsonProperty("reason") String reason) {
}
