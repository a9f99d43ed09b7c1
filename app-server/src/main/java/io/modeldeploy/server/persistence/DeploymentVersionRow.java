package io.modeldeploy.server.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.modeldeploy.model.DeploymentStatus;

import java.time.Instant;

/**
 * A row of {@code deployment_version}: one immutable version and its mutable status columns
 * ({@code status_since}: when the current status began).
 */
@MappedEntity(value = "deployment_version", escape = false)
public record DeploymentVersionRow(
        @Id String id,
        String workspace,
        String name,
        int entityVersion,
        @Nullable String project,
        String config,
        int configVersion,
        DeploymentStatus status,
        String statusMessage,
        @Nullable String modelProviderId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant statusSince) {

    /**
     * This version after a change at {@code at}. The one rule of {@code status_since}: a change to
     * another status starts it again; a change of message or model provider alone does not.
     */
    public DeploymentVersionRow withStatus(DeploymentStatus newStatus, String newMessage,
                                           String newModelProviderId, Instant at) {
        return new DeploymentVersionRow(id, workspace, name, entityVersion, project, config, configVersion,
                newStatus, newMessage, newModelProviderId, createdBy, createdAt, at,
                newStatus == status ? statusSince : at);
    }
}
