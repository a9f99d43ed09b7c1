package io.modeldeploy.gui.detail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.gui.TestServer;
import io.modeldeploy.gui.dialogs.FieldRules;
import io.modeldeploy.model.ApiLimits;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.ModelDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console accepts exactly the field values the server accepts: the same edge cases (lengths at
 * and over each limit in plain and astral-plane characters, combining marks, each pattern's
 * characters) go to the console's checks and to a real server over HTTP. Values are given without
 * surrounding blanks, as the console sends them (it trims what is typed).
 */
class FieldRulesAgreeWithServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        assertEquals(201, server.send("POST", TestServer.deployments("rules"),
                "{\"name\":\"target\",\"config\":\"cfg\"}").statusCode());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Edge cases for a field of at most {@code max} characters. */
    private static List<String> edgeCases(int max) {
        Set<String> values = new LinkedHashSet<>(List.of("a", "A9", "a.b-c_d", "a b", "a/b", "a/b/c", "-", ".", "..",
                "a\tb", "ü", "名前", "e\u0301", "😀", "𝔸x", "a😀", "w/n", "w/n/x", "/n", "w/", "x@y", "%41"));
        for (String unit : List.of("a", "😀", "𝔸", "é", "e\u0301")) {
            int perUnit = unit.codePointCount(0, unit.length());
            int fit = max / perUnit;
            values.add(unit.repeat(fit));
            values.add(unit.repeat(fit + 1));
        }
        values.add("w/" + "n".repeat(max - 2));
        values.add("w/" + "n".repeat(max - 1));
        values.add("w/" + "😀".repeat(max - 2));
        return new ArrayList<>(values);
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean serverAccepts(String method, String path, Map<String, Object> body) {
        HttpResponse<String> response = server.send(method, path, json(body));
        int status = response.statusCode();
        assertTrue(status < 300 || status == 422, method + " " + path + " " + body + " answered " + status + ": "
                + response.body());
        return status < 300;
    }

    private static String uniqueName() {
        return "n" + NAMES.incrementAndGet();
    }

    private static void agree(String field, List<String> values, Predicate<String> console, Predicate<String> server) {
        Map<String, String> disagreements = new LinkedHashMap<>();
        for (String value : values) {
            boolean byConsole = console.test(value);
            boolean byServer = server.test(value);
            if (byConsole != byServer) {
                disagreements.put(value.length() > 24 ? value.substring(0, 12) + "…(" + value.length() + " chars)" : value,
                        "console " + (byConsole ? "accepts" : "refuses") + ", server " + (byServer ? "accepts" : "refuses"));
            }
        }
        assertEquals(Map.of(), disagreements, field);
    }

    @Test
    void deploymentNames() {
        agree("name", edgeCases(ApiLimits.MAX_NAME_LENGTH), v -> FieldRules.name(v) == null,
                v -> serverAccepts("POST", TestServer.deployments("rules"), Map.of("name", v, "config", "cfg")));
    }

    @Test
    void workspaceNames() {
        List<String> values = edgeCases(ApiLimits.MAX_NAME_LENGTH);
        values.removeIf(v -> v.contains("/")); // a slash is a path separator before it is a character
        agree("workspace", values, v -> FieldRules.workspace(v) == null,
                v -> serverAccepts("POST", TestServer.deployments(v), Map.of("name", uniqueName(), "config", "cfg")));
    }

    @Test
    void configs() {
        agree("config", edgeCases(ApiLimits.MAX_CONFIG_LENGTH), v -> FieldRules.config(v) == null,
                v -> serverAccepts("POST", TestServer.deployments("rules"),
                        Map.of("name", uniqueName(), "config", v)));
    }

    @Test
    void projects() {
        agree("project", edgeCases(ApiLimits.MAX_PROJECT_LENGTH), v -> FieldRules.project(v) == null,
                v -> serverAccepts("POST", TestServer.deployments("rules"),
                        Map.of("name", uniqueName(), "config", "cfg", "project", v)));
    }

    @Test
    void statusMessages() {
        List<String> values = edgeCases(ApiLimits.MAX_STATUS_MESSAGE_LENGTH);
        values.add("");
        agree("status_message", values, v -> {
            EditorChecks checks = new EditorChecks();
            checks.update(target(), null, DeploymentStatus.PENDING, v, "", false, false);
            return !checks.messageOverLimitProperty().get();
        }, v -> serverAccepts("PATCH", TestServer.deployment("rules", "target") + "/status",
                Map.of("status", "PENDING", "status_message", v)));
    }

    @Test
    void modelProviderReferences() {
        agree("model_provider_id", edgeCases(ApiLimits.MAX_MODEL_PROVIDER_ID_LENGTH),
                v -> ModelProviderIdRule.problem(v, null).isEmpty(),
                v -> serverAccepts("PATCH", TestServer.deployment("rules", "target") + "/status",
                        Map.of("status", "PENDING", "model_provider_id", v)));
    }

    private static ModelDeployment target() {
        return new ModelDeployment("model-deployment-target", "target", "rules", null, null, null, 1, "cfg", 1,
                DeploymentStatus.READY, "", List.of(), null, null);
    }
}
