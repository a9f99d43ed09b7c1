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

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console accepts exactly the field values the server accepts: the same edge cases (empty and
 * blank, lengths at and over each limit in plain and astral-plane characters, combining marks, each
 * pattern's characters, {@code -} as a workspace, config versions from 0 to beyond {@code int})
 * go to the console's checks and to a real server over HTTP. The server gets what the console
 * would send for the text typed: the dialogs and the provider field send it without surrounding
 * blanks and leave an empty optional field out; the status message goes as typed.
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
        Set<String> values = new LinkedHashSet<>(List.of("", " ", "\t", "  padded  ", "\u2003x\u2003", "\u00a0",
                "a", "A9", "a.b-c_d", "a b", "a/b", "a/b/c", "-", " - ", "--", ".", "..", "a\tb", "ü", "名前", "e\u0301",
                "😀", "𝔸", "𝔸x", "a😀", "w/n", "w/n/x", "/n", "w/", "x@y", "%41", "a\nb", "ab\n"));
        for (String unit : List.of("a", "😀", "𝔸", "é", "e\u0301")) {
            int perUnit = unit.codePointCount(0, unit.length());
            int fit = max / perUnit;
            values.add(unit.repeat(fit));
            values.add(unit.repeat(fit + 1));
        }
        values.add("😀" + "a".repeat(max - 1));
        values.add("😀" + "a".repeat(max));
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
        return serverAccepts(method, path, json(body));
    }

    private static boolean serverAccepts(String method, String path, String json) {
        HttpResponse<String> response = server.send(method, path, json);
        int status = response.statusCode();
        assertTrue(status < 300 || status == 422, method + " " + path + " " + json + " answered " + status + ": "
                + response.body());
        return status < 300;
    }

    private static String uniqueName() {
        return "n" + NAMES.incrementAndGet();
    }

    /** The dialogs' fields: sent without surrounding blanks. */
    private static String sent(String typed) {
        return FieldRules.trim(typed);
    }

    /** A create request with {@code field} set as the dialog would set it (left out when empty and optional). */
    private static Map<String, Object> create(String name, String config, String optionalField, String typed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("config", config);
        if (optionalField != null && !sent(typed).isEmpty()) {
            body.put(optionalField, sent(typed));
        }
        return body;
    }

    private static <T> void agree(String field, List<T> values, Predicate<T> console, Predicate<T> server,
                                  Function<T, String> describe) {
        Map<String, String> disagreements = new LinkedHashMap<>();
        for (T value : values) {
            boolean byConsole = console.test(value);
            boolean byServer = server.test(value);
            if (byConsole != byServer) {
                String text = describe.apply(value);
                disagreements.put(text.length() > 24 ? text.substring(0, 12) + "…(" + text.length() + " chars)" : text,
                        "console " + (byConsole ? "accepts" : "refuses") + ", server " + (byServer ? "accepts" : "refuses"));
            }
        }
        assertEquals(Map.of(), disagreements, field);
    }

    private static void agree(String field, List<String> values, Predicate<String> console, Predicate<String> server) {
        agree(field, values, console, server, v -> v);
    }

    @Test
    void deploymentNames() {
        // each in a workspace of its own: "padded" and "  padded  " are the same name once sent
        agree("name", edgeCases(ApiLimits.MAX_NAME_LENGTH), v -> FieldRules.name(v) == null,
                v -> serverAccepts("POST", TestServer.deployments(uniqueName()), Map.of("name", sent(v), "config", "cfg")));
    }

    @Test
    void workspaceNames() {
        List<String> values = edgeCases(ApiLimits.MAX_NAME_LENGTH);
        values.removeIf(v -> v.contains("/")); // a slash is a path separator before it is a character
        values.removeIf(v -> sent(v).isEmpty()); // no path without a workspace: the console says "Required."
        agree("workspace", values, v -> FieldRules.workspace(v) == null,
                v -> serverAccepts("POST", TestServer.deployments(sent(v)), Map.of("name", uniqueName(), "config", "cfg")));
        assertEquals(FieldRules.REQUIRED, FieldRules.workspace("  "));
    }

    @Test
    void configs() {
        agree("config", edgeCases(ApiLimits.MAX_CONFIG_LENGTH), v -> FieldRules.config(v) == null,
                v -> serverAccepts("POST", TestServer.deployments("rules"), Map.of("name", uniqueName(), "config", sent(v))));
    }

    @Test
    void configsOfNewVersions() {
        agree("config", edgeCases(ApiLimits.MAX_CONFIG_LENGTH), v -> FieldRules.config(v) == null,
                v -> serverAccepts("POST", TestServer.deployment("rules", "target"), Map.of("config", sent(v))));
    }

    @Test
    void projects() {
        agree("project", edgeCases(ApiLimits.MAX_PROJECT_LENGTH), v -> FieldRules.project(v) == null,
                v -> serverAccepts("POST", TestServer.deployments("rules"), create(uniqueName(), "cfg", "project", v)));
    }

    /**
     * Config versions as numbers: the console gets their digits typed, the server the JSON number
     * (what the console sends is the number it parsed). Plus what the field takes besides digits.
     */
    @Test
    void configVersions() {
        List<String> numbers = List.of("0", "1", "7", "2147483647", "2147483648", "4294967296", "99999999999",
                "99999999999999999999999", "-1", "-2147483648", "-99999999999", "1.5", "0.5", "-0.5");
        agree("config_version", numbers, v -> FieldRules.configVersion(v) == null,
                v -> serverAccepts("POST", TestServer.deployments("rules"),
                        "{\"name\":\"" + uniqueName() + "\",\"config\":\"cfg\",\"config_version\":"
                                + new BigDecimal(v).toPlainString() + "}"));
        List<String> typed = List.of("", " ", " 12 ", "00", "007");
        agree("config_version", typed, v -> FieldRules.configVersion(v) == null, v -> {
            Map<String, Object> body = new LinkedHashMap<>(create(uniqueName(), "cfg", null, null));
            Integer version = FieldRules.parseConfigVersion(v);
            if (version != null) {
                body.put("config_version", version);
            }
            return serverAccepts("POST", TestServer.deployments("rules"), body);
        });
        assertEquals(FieldRules.CONFIG_VERSION, FieldRules.configVersion("1e3"), "the field takes digits only");
    }

    @Test
    void statusMessages() {
        List<String> values = edgeCases(ApiLimits.MAX_STATUS_MESSAGE_LENGTH);
        agree("status_message", values, v -> {
            EditorChecks checks = new EditorChecks();
            checks.update(target(), null, null, DeploymentStatus.PENDING, v, "", false, false);
            return !checks.messageOverLimitProperty().get();
        }, v -> serverAccepts("PATCH", TestServer.deployment("rules", "target") + "/status",
                Map.of("status", "PENDING", "status_message", v)));
    }

    @Test
    void modelProviderReferences() {
        agree("model_provider_id", edgeCases(ApiLimits.MAX_MODEL_PROVIDER_ID_LENGTH),
                v -> ModelProviderIdRule.problem(v, null).isEmpty(),
                v -> {
                    Map<String, Object> body = new LinkedHashMap<>(Map.of("status", "PENDING"));
                    if (ModelProviderIdRule.isChanged(v, null)) {
                        body.put("model_provider_id", ModelProviderIdRule.normalize(v));
                    }
                    return serverAccepts("PATCH", TestServer.deployment("rules", "target") + "/status", body);
                });
    }

    private static ModelDeployment target() {
        return new ModelDeployment("model-deployment-target", "target", "rules", null, null, null, 1, "cfg", 1,
                DeploymentStatus.READY, "", List.of(), null, null, null);
    }
}
