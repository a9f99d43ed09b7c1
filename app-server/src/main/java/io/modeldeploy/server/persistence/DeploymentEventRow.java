package io.modeldeploy.server.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code deployment_event}: a committed change and its event JSON, ready to send. */
@MappedEntity(value = "deployment_event", escape = false)
public record DeploymentEventRow(
        @Id long id,
        String eventType,
        String workspace,
        String name,
        int entityVersion,
        Instant recordedAt,
        String payload) {
}
