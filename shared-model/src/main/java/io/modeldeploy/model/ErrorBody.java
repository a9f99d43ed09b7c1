package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** Every error but request validation: {@code {"detail": "..."}}. */
@Serdeable
public record ErrorBody(@JsonProperty("detail") String detail) {
}
