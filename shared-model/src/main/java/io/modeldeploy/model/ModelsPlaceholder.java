package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Answer of {@code GET .../deployments/{name}/models}, a placeholder in NeMo too. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelsPlaceholder(
        @JsonProperty("workspace") String workspace,
        @JsonProperty("name") String name,
        @JsonProperty("models") List<Object> models) {
}
