package io.modeldeploy.server.service;

import io.modeldeploy.model.StatusUpdateRequest;

/** One requested status update: of the latest version when {@code version} is null. */
public record StatusChange(String workspace, String name, Integer version, StatusUpdateRequest request,
                           EntityTagCondition ifMatch, Caller caller) {
}
