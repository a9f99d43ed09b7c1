package io.modeldeploy.server.api;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.modeldeploy.model.ModelDeployment;
import io.modeldeploy.model.StatusBatchResult;
import io.modeldeploy.server.events.EventsApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Status batch bodies and requests for the batch tests, over {@link EventsApi}. */
final class StatusBatches {
    static final String PATH = "/apis/modeldeploy/v1/status-batches";

    private final EventsApi api;
    private final JsonMapper json;

    StatusBatches(EventsApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    /** A target {@code {"workspace", "name", "version"?, "if_match"?}}; null leaves a field out. */
    static Map<String, Object> target(String workspace, String name, Integer version, String ifMatch) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("workspace", workspace);
        target.put("name", name);
        if (version != null) {
            target.put("version", version);
        }
        if (ifMatch != null) {
            target.put("if_match", ifMatch);
        }
        return target;
    }

    static Map<String, Object> target(String workspace, String name) {
        return target(workspace, name, null, null);
    }

    static Map<String, Object> target(ModelDeployment deployment) {
        return target(deployment.workspace(), deployment.name(), deployment.entityVersion(), null);
    }

    /** {@code {"status", "status_message", "targets"}}. */
    String body(String status, String message, List<?> targets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("status_message", message);
        body.put("targets", new ArrayList<>(targets));
        return json(body);
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EventsApi.Reply send(String body, String... headerPairs) {
        return api.send("POST", PATH, body, headerPairs);
    }

    EventsApi.Reply send(String status, String message, List<?> targets) {
        return send(body(status, message, targets));
    }

    /** A batch that must be applied: its results in target order. */
    List<ModelDeployment> apply(String status, String message, List<?> targets) {
        return results(send(status, message, targets).expect(200));
    }

    static List<ModelDeployment> results(EventsApi.Reply reply) {
        return reply.as(Argument.of(StatusBatchResult.class)).results();
    }
}
