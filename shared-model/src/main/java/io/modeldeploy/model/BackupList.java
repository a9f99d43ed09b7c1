package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The answer of {@code GET /apis/modeldeploy/v1/backups}: every backup in the data directory, newest first ({@code "data": []} when there is none). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupList(@JsonProperty("data") List<BackupFile> data) {
}
