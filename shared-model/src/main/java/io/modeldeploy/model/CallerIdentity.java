package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Who the server takes the caller for ({@code GET /apis/modeldeploy/v1/whoami}): the name it
 * records in the history, the role (viewer or editor) and whether that role may write.
 */
@Serdeable
public record CallerIdentity(
        @JsonProperty("name") String name,
        @JsonProperty("role") String role,
        @JsonProperty("can_write") boolean canWrite) {
}
