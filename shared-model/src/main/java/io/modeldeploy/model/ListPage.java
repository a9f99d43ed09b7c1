package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The list envelope: {@code data} plus {@code pagination}, and the {@code sort} that was applied. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListPage<T>(
        @JsonProperty("data") List<T> data,
        @JsonProperty("pagination") Pagination pagination,
        @JsonProperty("sort") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String sort) {
}
