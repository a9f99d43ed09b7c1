package io.modeldeploy.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Snapshot of the principal that created a deployment version. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthContext(
        @JsonProperty("principal_id") String principalId,
        @JsonProperty("principal_email") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String principalEmail,
        @JsonProperty("principal_groups") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<String> principalGroups,
        @JsonProperty("principal_on_behalf_of") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String principalOnBehalfOf,
        @JsonProperty("principal_on_behalf_of_groups") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<String> principalOnBehalfOfGroups,
        @JsonProperty("principal_on_behalf_of_email") @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String principalOnBehalfOfEmail) {

    public static AuthContext of(String principalId) {
        return new AuthContext(principalId, null, List.of(), null, null, null);
    }
}
