package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A status batch that changed nothing because one target failed (404, 409 or 412):
 * {@code target} is that target's index in the request, from 0.
 */
@Serdeable
public record BatchErrorBody(@JsonProperty("detail") String detail, @JsonProperty("target") int target) {
}
