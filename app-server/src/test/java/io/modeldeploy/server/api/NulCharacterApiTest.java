package io.modeldeploy.server.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ModelDeployment;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.query;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NUL character (U+0000) is refused wherever text arrives, so that it never reaches the
 * database: PostgreSQL cannot store or compare it and would fail the request with a 500. Bodies get
 * a 422 naming the field, paths a 404, query values a 422 naming the parameter; nothing changes.
 */
@MicronautTest
class NulCharacterApiTest {
    private static final String NUL = "\\u0000";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
    }

    @Test
    void everyTextFieldOfABodyRefusesNulAndNothingChanges() {
        String name = unique("nul");
        ModelDeployment before = api.create(DEFAULT, name);

        assertNulRefusedAt(api.postStatus(DEFAULT, name, "{\"status\":\"READY\",\"status_message\":\"a" + NUL + "b\"}"),
                "status_message");
        assertNulRefusedAt(api.patchStatus(DEFAULT, name,
                "{\"status\":\"READY\",\"model_provider_id\":\"p" + NUL + "\"}"), "model_provider_id");
        assertNulRefusedAt(api.postJson(deployments(DEFAULT, name), "{\"config\":\"c" + NUL + "\"}"), "config");
        assertNulRefusedAt(api.createRaw(DEFAULT, "{\"name\":\"" + unique("n") + "\",\"config\":\"" + NUL + "\"}"),
                "config");

        ModelDeployment after = api.getLatest(DEFAULT, name);
        assertEquals(before.status(), after.status());
        assertEquals(before.updatedAt(), after.updatedAt());
        assertEquals(1, after.entityVersion());
    }

    @Test
    void aStatusBatchMessageWithNulIsRefused() {
        String name = unique("nul-batch");
        api.create(DEFAULT, name);
        Api.Reply reply = api.postJson(StatusBatches.PATH, "{\"status\":\"READY\",\"status_message\":\"" + NUL
                + "\",\"targets\":[{\"workspace\":\"default\",\"name\":\"" + name + "\"}]}");
        assertEquals(422, reply.status, reply.body);
        assertEquals("CREATED", api.getLatest(DEFAULT, name).status().name());
    }

    @Test
    void aPathWithNulNamesNothing() {
        String name = unique("nul-path");
        api.create(DEFAULT, name);
        for (String path : new String[] {
                deployments(DEFAULT) + "/a%00b",
                deployments(DEFAULT) + "/a%00b/versions",
                deployments(DEFAULT) + "/" + name + "/versions/1%00",
                "/apis/models/v2/workspaces/de%00fault/deployments",
                deployments(DEFAULT) + "/a%00b/status-history"}) {
            Api.Reply reply = api.get(path);
            assertEquals(404, reply.status, path + ": " + reply.body);
            assertTrue(reply.detail().contains("NUL"), reply.body);
        }
        Api.Reply update = api.postJson(deployments(DEFAULT) + "/a%00b/status", "{\"status\":\"READY\"}");
        assertEquals(404, update.status, update.body);
    }

    @Test
    void aQueryValueWithNulIsA422NamingTheParameter() {
        String name = unique("nul-query");
        api.create(DEFAULT, name);
        Api.Reply filter = api.get(query(deployments(DEFAULT), "filter[name][$like]", "a\u0000b"));
        Map<String, Object> error = filter.validationErrorAt("query", "filter[name][$like]");
        assertEquals("value_error", error.get("type"));

        api.get(query(deployments("-"), "filter[status_message]", "\u0000")).validationErrorAt("query",
                "filter[status_message]");
        api.get(query(deployments(DEFAULT, name, "status-history"), "version", "1\u0000"))
                .validationErrorAt("query", "version");
        api.get(query("/apis/modeldeploy/v1/attention", "workspace", "\u0000")).validationErrorAt("query",
                "workspace");
    }

    private static void assertNulRefusedAt(Api.Reply reply, String field) {
        Map<String, Object> error = reply.validationErrorAt("body", field);
        assertEquals("value_error", error.get("type"), reply.body);
        assertTrue(String.valueOf(error.get("msg")).contains("NUL"), reply.body);
    }
}
