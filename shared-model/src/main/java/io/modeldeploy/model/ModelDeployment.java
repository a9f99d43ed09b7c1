package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One version of a model deployment. Everything but the status fields is immutable;
 * {@code status_history} holds the newest {@link ApiLimits#HISTORY_WINDOW} entries, oldest first.
 * {@code status_since} (an extension NeMo clients ignore) is when the current status began: the
 * time of the history entry that set it; a change of message alone does not move it.
 * Null fields are left out of the JSON.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelDeployment(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("workspace") String workspace,
        @JsonProperty("project") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String project,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("entity_version") int entityVersion,
        @JsonProperty("config") String config,
        @JsonProperty("config_version") int configVersion,
        @JsonProperty("status") DeploymentStatus status,
        @JsonProperty("status_message") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String statusMessage,
        @JsonProperty("status_history") List<StatusHistoryEntry> statusHistory,
        @JsonProperty("model_provider_id") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String modelProviderId,
        @JsonProperty("auth_context") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) AuthContext authContext,
        @JsonProperty("status_since") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Instant statusSince) {

    /**
     * The entity tag of this version's current state, as the server sends it in {@code ETag}: it
     * changes with every applied change (the server keeps {@code updated_at} strictly increasing
     * per version), so a client can compute it from a body and send it back in {@code If-Match}.
     */
    public String etag() {
        long micros = Math.addExact(Math.multiplyExact(updatedAt.getEpochSecond(), 1_000_000L),
                updatedAt.getNano() / 1_000L);
        return "\"" + id + "." + Long.toString(micros, 36) + "\"";
    }

    /** {@code workspace/name}, the way the API and the console refer to a deployment. */
    public String qualifiedName() {
        return workspace + "/" + name;
    }
}
