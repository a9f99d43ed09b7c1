package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One backup of the built-in database ({@code POST /apis/modeldeploy/v1/backups} makes one): its file
 * name in the data directory's {@code backups/} folder, its size, when it was begun, and the newest
 * event id it holds.
 */
@Serdeable
public record BackupFile(
        @JsonProperty("file") String file,
        @JsonProperty("size_bytes") long sizeBytes,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("last_event_id") long lastEventId) {
}
