package io.modeldeploy.server.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity(value = "workspace", escape = false)
public record WorkspaceRow(@Id String name, Instant createdAt) {
}
