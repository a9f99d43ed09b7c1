package io.modeldeploy.server.api;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.DeploymentStatus;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.api.Api.DEFAULT;
import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, mistyped and oversized input: always a precise 4xx in the API's error shapes
 * ({@code {"detail": [...]}} for 422, {@code {"detail": "..."}} otherwise), never a 500.
 */
@MicronautTest
class BadInputApiTest {

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

    /** Sends {@code body} to create, new-version and both status routes, expecting the same 422 from each. */
    private void assertEveryJsonRouteAnswers422(String body, String type, Object... loc) {
        String name = unique("target");
        api.create(DEFAULT, name);
        List<Api.Reply> replies = List.of(
                api.createRaw(DEFAULT, body),
                api.postJson(deployments(DEFAULT, name), body),
                api.patchStatus(DEFAULT, name, body),
                api.postStatus(DEFAULT, name, body));
        for (Api.Reply reply : replies) {
            reply.expectNotServerError();
            assertEquals(422, reply.status, "body " + abbreviate(body) + ": " + reply.body);
            Map<String, Object> error = reply.validationErrors().get(0);
            assertEquals(type, error.get("type"), reply.body);
            if (loc.length > 0) {
                assertTrue(Api.locEquals(List.of(loc), error.get("loc")), "loc " + List.of(loc) + " in " + reply.body);
            } else {
                assertEquals("body", ((List<?>) error.get("loc")).get(0), reply.body);
            }
            assertTrue(error.containsKey("msg"), reply.body);
            assertTrue(error.containsKey("input"), reply.body);
        }
        assertEquals(1, api.getLatest(DEFAULT, name).statusHistory().size(), "nothing was written");
        assertEquals(1, api.getLatest(DEFAULT, name).entityVersion(), "nothing was written");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    // ---- broken or non-object JSON ----

    @Test
    void aDeeplyNestedNonObjectBodyIs422NotAnEncodingFailure() {
        // The 422 echoes the input inside its own body; nested past the encoder's limit it was a 500.
        for (int depth : new int[] {50, 500, 998}) {
            assertEveryJsonRouteAnswers422("[".repeat(depth) + "]".repeat(depth), "model_attributes_type", "body");
        }
    }

    @Test
    void malformedJsonIs422JsonInvalid() {
        assertEveryJsonRouteAnswers422("{\"name\":", "json_invalid");
        assertEveryJsonRouteAnswers422("{name: 'x'}", "json_invalid");
        assertEveryJsonRouteAnswers422("{\"status\":\"READY\"", "json_invalid");
        assertEveryJsonRouteAnswers422("not json at all", "json_invalid");
        assertEveryJsonRouteAnswers422("{\"status\":\"READY\",}", "json_invalid");
    }

    /** A body that is one JSON object followed by more text is not JSON (FastAPI: "Extra data"), so nothing may be applied. */
    @Test
    void jsonFollowedByTrailingGarbageIs422JsonInvalidAndChangesNothing() {
        String name = unique("trailing");
        api.create(DEFAULT, name);
        Api.Reply status = api.patchStatus(DEFAULT, name, "{\"status\":\"READY\"} trailing");
        assertEquals(DeploymentStatus.CREATED, api.getLatest(DEFAULT, name).status(),
                "a malformed body must not change the status (answer was " + status.status + ": " + status.body + ")");
        assertEquals("json_invalid", status.validationErrors().get(0).get("type"), status.body);
        assertEveryJsonRouteAnswers422("{\"status\":\"READY\"} trailing", "json_invalid");
        assertEveryJsonRouteAnswers422("{\"status\":\"READY\"}{\"status\":\"ERROR\"}", "json_invalid");
    }

    @Test
    void malformedJsonErrorNamesTheOffset() {
        Api.Reply reply = api.createRaw(DEFAULT, "{\"name\":");
        Map<String, Object> error = reply.validationErrors().get(0);
        List<?> loc = (List<?>) error.get("loc");
        assertEquals("body", loc.get(0));
        assertEquals(2, loc.size(), "loc is [\"body\", offset]: " + reply.body);
        assertTrue(loc.get(1) instanceof Number, reply.body);
        assertEquals("JSON decode error", error.get("msg"));
    }

    @Test
    void jsonArrayBodyIs422() {
        assertEveryJsonRouteAnswers422("[{\"name\":\"x\",\"config\":\"c\",\"status\":\"READY\"}]", "model_attributes_type", "body");
        assertEveryJsonRouteAnswers422("[]", "model_attributes_type", "body");
    }

    @Test
    void jsonScalarOrNullBodyIs422() {
        assertEveryJsonRouteAnswers422("\"READY\"", "model_attributes_type", "body");
        assertEveryJsonRouteAnswers422("42", "model_attributes_type", "body");
        assertEveryJsonRouteAnswers422("null", "model_attributes_type", "body");
    }

    @Test
    void emptyBodyIs422MissingAtBody() {
        assertEveryJsonRouteAnswers422("", "missing", "body");
        assertEveryJsonRouteAnswers422("   \n ", "missing", "body");
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutAServerError() {
        String deep = "{\"status\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Api.Reply reply = api.createRaw(DEFAULT, deep);
        reply.expectNotServerError();
        assertEquals(422, reply.status, abbreviate(reply.body));
    }

    // ---- wrong types ----

    @Test
    void createWithWrongTypesIs422AtTheField() {
        String name = unique("types");
        assertError(api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":5}"), "string_type", "body", "config");
        assertError(api.createRaw(DEFAULT, "{\"name\":null,\"config\":\"c\"}"), "string_type", "body", "name");
        assertError(api.createRaw(DEFAULT, "{\"name\":5,\"config\":\"c\"}"), "string_type", "body", "name");
        assertError(api.createRaw(DEFAULT, "{\"name\":[\"a\"],\"config\":\"c\"}"), "string_type", "body", "name");
        assertError(api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":{}}"), "string_type", "body", "config");
        assertError(api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\",\"project\":7}"),
                "string_type", "body", "project");
        api.get(deployments(DEFAULT, name)).expect(404);
    }

    @Test
    void configVersionWithWrongTypeOrOutOfRangeIs422() {
        String name = unique("config-version");
        String prefix = "{\"name\":\"" + name + "\",\"config\":\"c\",\"config_version\":";
        // pydantic v2's lax mode: a string that is not a whole number is int_parsing ("3" and true are 3 and 1)
        assertError(api.createRaw(DEFAULT, prefix + "\"x\"}"), "int_parsing", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "\"3.5\"}"), "int_parsing", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "[3]}"), "int_type", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "{}}"), "int_type", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "1.5}"), "int_from_float", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "1e30}"), "less_than_equal", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "99999999999999999999999}"), "less_than_equal", "body",
                "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "2147483648}"), "less_than_equal", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "-1}"), "greater_than_equal", "body", "config_version");
        assertError(api.createRaw(DEFAULT, prefix + "-1e30}"), "greater_than_equal", "body", "config_version");
        api.get(deployments(DEFAULT, name)).expect(404);
        assertEquals(2147483647, api.createRaw(DEFAULT, prefix + "2147483647}").expect(201).deployment().configVersion());
    }

    @Test
    void newVersionWithWrongTypesIs422() {
        String name = unique("nv-types");
        api.create(DEFAULT, name);
        assertError(api.postJson(deployments(DEFAULT, name), "{\"config\":5}"), "string_type", "body", "config");
        assertError(api.postJson(deployments(DEFAULT, name), "{}"), "missing", "body", "config");
        assertError(api.postJson(deployments(DEFAULT, name), "{\"config\":\"\"}"), "string_too_short", "body", "config");
        assertError(api.postJson(deployments(DEFAULT, name), "{\"config\":\"c\",\"config_version\":1.5}"),
                "int_from_float", "body", "config_version");
        assertError(api.postJson(deployments(DEFAULT, name), "{\"config\":\"c\",\"config_version\":1e30}"),
                "less_than_equal", "body", "config_version");
        assertEquals(1, api.getLatest(DEFAULT, name).entityVersion(), "no version was created");
    }

    @Test
    void statusUpdateWithWrongTypesIs422() {
        String name = unique("status-types");
        api.create(DEFAULT, name);
        assertError(api.patchStatus(DEFAULT, name, "{\"status\":5}"), "enum", "body", "status");
        assertError(api.patchStatus(DEFAULT, name, "{\"status\":null}"), "enum", "body", "status");
        assertError(api.patchStatus(DEFAULT, name, "{\"status\":[\"READY\"]}"), "enum", "body", "status");
        assertError(api.patchStatus(DEFAULT, name, "{\"status\":\"READY\",\"status_message\":5}"),
                "string_type", "body", "status_message");
        assertError(api.patchStatus(DEFAULT, name, "{\"status\":\"READY\",\"status_message\":{}}"),
                "string_type", "body", "status_message");
        assertError(api.patchStatus(DEFAULT, name, "{\"status\":\"READY\",\"model_provider_id\":5}"),
                "string_type", "body", "model_provider_id");
        assertEquals(1, api.getLatest(DEFAULT, name).statusHistory().size(), "nothing changed");
    }

    @Test
    void everyProblemOfABodyIsListed() {
        Api.Reply reply = api.createRaw(DEFAULT, "{\"name\":\"bad name\",\"config\":5,\"config_version\":\"x\"}");
        List<Map<String, Object>> errors = reply.validationErrors();
        assertEquals(3, errors.size(), reply.body);
        reply.validationErrorAt("body", "name");
        reply.validationErrorAt("body", "config");
        reply.validationErrorAt("body", "config_version");

        Api.Reply missing = api.createRaw(DEFAULT, "{}");
        assertEquals("missing", missing.validationErrorAt("body", "name").get("type"));
        assertEquals("missing", missing.validationErrorAt("body", "config").get("type"));
    }

    // ---- names and lengths ----

    @Test
    void badNamePatternIs422StringPatternMismatch() {
        for (String name : List.of("bad name", "with/slash", "semi;colon", "émoji✓", "", "a\\nb")) {
            Api.Reply reply = api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\"}");
            reply.expectNotServerError();
            assertEquals("string_pattern_mismatch", reply.validationErrorAt("body", "name").get("type"),
                    "'" + name + "': " + reply.body);
        }
        Api.Reply reply = api.createRaw(DEFAULT, "{\"name\":\"bad name\",\"config\":\"c\"}");
        Map<String, Object> error = reply.validationErrorAt("body", "name");
        assertEquals("bad name", error.get("input"));
        assertEquals(Map.of("pattern", "^[\\w\\-.]+$"), error.get("ctx"));
    }

    @Test
    void lettersDigitsUnderscoreHyphenAndDotAreAcceptedInNames() {
        String name = "Mixed_Case-1.2_" + unique("ok");
        assertEquals(name, api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\"}")
                .expect(201).deployment().name());
    }

    @Test
    void nameOf256CharactersIs422And255IsAccepted() {
        String tooLong = unique("long") + "x".repeat(300);
        tooLong = tooLong.substring(0, 256);
        Api.Reply reply = api.createRaw(DEFAULT, "{\"name\":\"" + tooLong + "\",\"config\":\"c\"}");
        Map<String, Object> error = reply.validationErrorAt("body", "name");
        assertEquals("string_too_long", error.get("type"));
        assertEquals(Map.of("max_length", 255), error.get("ctx"));

        String longest = tooLong.substring(0, 255);
        assertEquals(longest, api.createRaw(DEFAULT, "{\"name\":\"" + longest + "\",\"config\":\"c\"}")
                .expect(201).deployment().name());
        assertEquals(longest, api.getLatest(DEFAULT, longest).name());
    }

    @Test
    void configOrProjectTooLongOrBadProjectIs422() {
        String name = unique("lengths");
        assertError(api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"" + "c".repeat(256) + "\"}"),
                "string_too_long", "body", "config");
        assertError(api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"\"}"),
                "string_too_short", "body", "config");
        assertError(api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\",\"project\":\"" + "p".repeat(256) + "\"}"),
                "string_too_long", "body", "project");
        assertError(api.createRaw(DEFAULT, "{\"name\":\"" + name + "\",\"config\":\"c\",\"project\":\"bad project\"}"),
                "string_pattern_mismatch", "body", "project");
        api.get(deployments(DEFAULT, name)).expect(404);
    }

    // ---- HTTP-level mistakes ----

    @Test
    void textPlainContentTypeIs422AsFastApiAnswersABodyItDoesNotReadAsJson() {
        String name = unique("plain");
        api.create(DEFAULT, name);
        List<Api.Reply> replies = List.of(
                api.send(HttpRequest.POST(deployments(DEFAULT), "{\"name\":\"" + unique("p") + "\",\"config\":\"c\"}")
                        .contentType(MediaType.TEXT_PLAIN_TYPE)),
                api.send(HttpRequest.POST(deployments(DEFAULT, name), "{\"config\":\"c\"}")
                        .contentType(MediaType.TEXT_PLAIN_TYPE)),
                api.send(HttpRequest.PATCH(deployments(DEFAULT, name, "status"), "{\"status\":\"READY\"}")
                        .contentType(MediaType.TEXT_PLAIN_TYPE)),
                api.send(HttpRequest.POST(deployments(DEFAULT, name, "status"), "{\"status\":\"READY\"}")
                        .contentType(MediaType.TEXT_PLAIN_TYPE)));
        for (Api.Reply reply : replies) {
            assertEquals("model_attributes_type", reply.validationErrorAt("body").get("type"), reply.body);
        }
        assertEquals(1, api.getLatest(DEFAULT, name).statusHistory().size(), "nothing changed");
    }

    @Test
    void unknownRouteIs404WithDetail() {
        for (String uri : List.of("/nope", "/apis/models/v2/workspaces/default/nope",
                "/apis/models/v1/workspaces/default/deployments",
                deployments(DEFAULT, "x", "versions", "1", "extra"),
                deployments(DEFAULT, "x", "unknown-sub-resource"))) {
            Api.Reply reply = api.get(uri);
            assertEquals(404, reply.status, uri + ": " + reply.body);
            assertFalse(reply.detail().isBlank(), uri + ": " + reply.body);
        }
    }

    @Test
    void wrongMethodIs405WithDetail() {
        List<Api.Reply> replies = List.of(
                api.send(HttpRequest.PUT(deployments(DEFAULT, "x"), "{}").contentType(MediaType.APPLICATION_JSON_TYPE)),
                api.send(HttpRequest.PATCH(deployments(DEFAULT, "x"), "{}").contentType(MediaType.APPLICATION_JSON_TYPE)),
                api.get(deployments(DEFAULT, "x", "status")),
                api.send(HttpRequest.DELETE(deployments(DEFAULT))),
                api.send(HttpRequest.create(HttpMethod.PUT, deployments(DEFAULT, "x", "status"))
                        .body("{\"status\":\"READY\"}").contentType(MediaType.APPLICATION_JSON_TYPE)),
                api.send(HttpRequest.POST(deployments(DEFAULT, "x", "versions"), "{}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE)));
        for (Api.Reply reply : replies) {
            assertEquals(405, reply.status, reply.body);
            assertFalse(reply.detail().isBlank(), reply.body);
        }
    }

    @Test
    void bodyLargerThanTheRequestLimitIsRejectedWithoutAServerError() {
        String name = unique("huge");
        api.create(DEFAULT, name);
        String huge = "{\"status\":\"READY\",\"status_message\":\"" + "m".repeat(2 * 1024 * 1024) + "\"}";
        Api.Reply reply = api.patchStatus(DEFAULT, name, huge);
        reply.expectNotServerError();
        assertEquals(413, reply.status, abbreviate(String.valueOf(reply.body)));
        assertEquals(1, api.getLatest(DEFAULT, name).statusHistory().size(), "nothing changed");
    }

    @Test
    void badQueryValuesNeverCauseServerErrors() {
        String name = unique("queries");
        api.create(DEFAULT, name);
        for (String[] query : List.of(
                new String[]{"page", "99999999999999999999"},
                new String[]{"page_size", "-5"},
                new String[]{"page", "2147483647"},
                new String[]{"sort", ""},
                new String[]{"filter", ""},
                new String[]{"filter[]", "x"},
                new String[]{"filter[name][$like]", "%\\"},
                new String[]{"filter[name][$in]", ""},
                new String[]{"filter[created_at][$gte]", "2026-13-45T99:00:00Z"})) {
            Api.Reply reply = api.get(Api.query(deployments(DEFAULT), query));
            reply.expectNotServerError();
            assertTrue(reply.status == 200 || reply.status == 400 || reply.status == 422,
                    String.join("=", query) + " -> " + reply.status + ": " + reply.body);
        }
    }

    private static void assertError(Api.Reply reply, String type, Object... loc) {
        reply.expectNotServerError();
        Map<String, Object> error = reply.validationErrorAt(loc);
        assertEquals(type, error.get("type"), reply.body);
    }
}
