package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The answer to a status batch that was applied: every target as it is now, in target order. */
@Serdeable
public record StatusBatchResult(@JsonProperty("results") List<ModelDeployment> results) {
}
