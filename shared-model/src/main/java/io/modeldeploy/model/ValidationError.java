package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * One problem of a rejected request, in FastAPI's shape: {@code loc} is the path to the
 * offending value, e.g. {@code ["body", "status_message"]} or {@code ["query", "page_size"]}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationError(
        @JsonProperty("type") String type,
        @JsonProperty("loc") @ArraySchema(schema = @Schema(anyOf = {String.class, Integer.class})) List<Object> loc,
        @JsonProperty("msg") String msg,
        @JsonProperty("input") @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(description = "The offending value, any JSON value", nullable = true,
                anyOf = {String.class, Long.class, Double.class, Boolean.class, Object[].class, Object.class}) Object input,
        @JsonProperty("ctx") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> ctx) {
}
