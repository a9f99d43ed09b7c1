package io.modeldeploy.server.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.StatusHistoryEntry;

import java.time.Instant;

/** A row of {@code status_event}: one applied status change of one deployment version. */
@MappedEntity(value = "status_event", escape = false)
public record StatusEventRow(
        @Id @GeneratedValue @Nullable Long id,
        String deploymentId,
        DeploymentStatus status,
        String statusMessage,
        @Nullable String modelProviderId,
        String actor,
        String source,
        Instant recordedAt) {

    /** {@code modelProviderId}: the version's model provider reference with this change (null when none). */
    public static StatusEventRow of(String deploymentId, DeploymentStatus status, String message,
                                    @Nullable String modelProviderId, String actor, ChangeSource source, Instant at) {
        return new StatusEventRow(null, deploymentId, status, message, modelProviderId, actor, source.wireName(), at);
    }

    public StatusHistoryEntry toEntry() {
        return new StatusHistoryEntry(recordedAt, status, statusMessage, actor, ChangeSource.fromWireName(source));
    }
}
