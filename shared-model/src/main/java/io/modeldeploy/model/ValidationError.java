package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

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
        @JsonProperty("loc") List<Object> loc,
        @JsonProperty("msg") String msg,
        @JsonProperty("input") @JsonInclude(JsonInclude.Include.ALWAYS) Object input,
        @JsonProperty("ctx") Map<String, Object> ctx) {
}
