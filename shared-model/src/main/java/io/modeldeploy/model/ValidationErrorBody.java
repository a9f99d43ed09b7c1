package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A 422 answer: every problem found in the request at once. */
@Serdeable
public record ValidationErrorBody(@JsonProperty("detail") List<ValidationError> detail) {
}
