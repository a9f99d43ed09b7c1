package io.modeldeploy.server.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The exact bytes of every error answer to a broad set of bad requests (too long by one code
 * point, astral-plane characters, combining marks, each pattern's forbidden characters, missing
 * fields, wrong JSON types, nulls, huge numbers, broken JSON, several errors at once; on create,
 * new version, PATCH and POST status, PUT status (not a route here), the demo endpoint, the list
 * queries and the event stream's parameters),
 * compared with {@code validation-bodies.golden}, recorded from the server before its field rules
 * moved to shared-model Bean Validation. Successful requests only record their status.
 *
 * <p>To re-record after a deliberate change of an answer:
 * {@code ./mvnw -B -pl app-server -am verify -Dtest=ErrorBodiesGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true}, then review the diff of the golden file.
 */
@MicronautTest
class ErrorBodiesGoldenTest {
    private static final String GOLDEN = "validation-bodies.golden";
    private static final String WS = "/apis/models/v2/workspaces/";
    private static final String CREATE = WS + "default/deployments";
    private static final String TARGET = CREATE + "/golden";
    private static final String STATUS = TARGET + "/status";
    private static final String DEMO = "/apis/modeldeploy/v1/demo";

    private static final String EMOJI = "\uD83D\uDE00"; // 😀, one code point, two chars
    private static final String ASTRAL_LETTER = "\uD835\uDD38"; // 𝔸 MATHEMATICAL DOUBLE-STRUCK CAPITAL A
    private static final String COMBINING = "e\u0301"; // e + COMBINING ACUTE ACCENT: two code points

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Case> cases = new ArrayList<>();

    private record Case(String label, String method, String path, byte[] body) {
    }

    @Test
    void everyErrorAnswerIsByteForByteAsRecorded() throws Exception {
        String setup = send(new Case("setup", "POST", CREATE, utf8("{\"name\":\"golden\",\"config\":\"cfg\"}")));
        assertTrue(setup.startsWith("201"), setup);

        createCases();
        newVersionCases();
        statusCases("patch", "PATCH");
        statusCases("post", "POST");
        // NeMo's ModelDeployment API takes POST (the separate deployments plugin uses PUT): PUT is not a route here.
        add("put.status.good-body", "PUT", STATUS, "{\"status\":\"READY\"}");
        add("put.status.bad-body", "PUT", STATUS, "{\"status\":\"RUNNING\",\"status_message\":5}");
        add("put.status.broken", "PUT", STATUS, "{\"status\":");
        demoCases();
        queryAndOtherCases();

        Map<String, String> actual = new LinkedHashMap<>();
        for (Case c : cases) {
            String previous = actual.put(c.label(), send(c));
            assertEquals(null, previous, "duplicate label " + c.label());
        }

        if (Boolean.getBoolean("golden.update")) {
            StringBuilder out = new StringBuilder();
            actual.forEach((label, answer) -> out.append(label).append('\t').append(answer).append('\n'));
            Path file = Path.of("src/test/resources/io/modeldeploy/server/api", GOLDEN);
            Files.createDirectories(file.getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
            return;
        }

        Map<String, String> expected = readGolden();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = actual.get(e.getKey());
            if (got == null) {
                differences.add(e.getKey() + ": no longer sent");
            } else if (!got.equals(e.getValue())) {
                differences.add(e.getKey() + ":\n  expected " + e.getValue() + "\n  actual   " + got);
            }
        }
        for (String label : actual.keySet()) {
            if (!expected.containsKey(label)) {
                differences.add(label + ": not in the golden file (re-record with -Dgolden.update=true)");
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " of " + actual.size() + " answers differ:\n" + String.join("\n", differences));
        }
        assertTrue(expected.size() > 250, "the golden file holds the whole corpus: " + expected.size());
    }

    // ------------------------------------------------------------------ cases

    private void createCases() {
        String c = "create.";
        body(c, "POST", CREATE);

        add(c + "name.missing", "POST", CREATE, "{\"config\":\"c\"}");
        add(c + "name.missing-with-extras", "POST", CREATE,
                "{\"config\":\"c\",\"extra\":[1,2.5,{\"a\":null,\"b\":true}],\"big\":12345678901234567890,\"f\":1e400}");
        add(c + "name.null", "POST", CREATE, "{\"name\":null,\"config\":\"c\"}");
        add(c + "name.number", "POST", CREATE, "{\"name\":5,\"config\":\"c\"}");
        add(c + "name.float", "POST", CREATE, "{\"name\":5.50,\"config\":\"c\"}");
        add(c + "name.bool", "POST", CREATE, "{\"name\":true,\"config\":\"c\"}");
        add(c + "name.array", "POST", CREATE, "{\"name\":[\"a\"],\"config\":\"c\"}");
        add(c + "name.object", "POST", CREATE, "{\"name\":{\"a\":1},\"config\":\"c\"}");
        String[][] badNames = {
                {"empty", ""}, {"blank", " "}, {"space", "a b"}, {"slash", "a/b"}, {"at", "a@b"}, {"plus", "a+b"},
                {"colon", "a:b"}, {"n-tilde", "\u00f1ame"}, {"combining", COMBINING}, {"newline-end", "abc\n"},
                {"tab", "a\tb"}, {"nul", "a\u0000b"}, {"emoji", EMOJI}, {"astral-letter", ASTRAL_LETTER},
                {"fullwidth", "\uff41"}, {"arabic-digit", "\u0663"}, {"nbsp", "a\u00a0b"}, {"quote", "a\"b"},
                {"backslash", "a\\b"}, {"lone-surrogate", "a\ud800b"},
                {"ascii-256", "n".repeat(256)}, {"emoji-128", EMOJI.repeat(128)}, {"emoji-255", EMOJI.repeat(255)},
                {"emoji-256", EMOJI.repeat(256)}, {"astral-255", ASTRAL_LETTER.repeat(255)},
                {"astral-256", ASTRAL_LETTER.repeat(256)}, {"combining-256", COMBINING.repeat(128)},
                {"ascii-1000", "n".repeat(1000)},
        };
        for (String[] bad : badNames) {
            add(c + "name." + bad[0], "POST", CREATE, "{\"name\":" + quote(bad[1]) + ",\"config\":\"c\"}");
        }
        add(c + "name.ascii-255", "POST", CREATE, "{\"name\":" + quote("n".repeat(255)) + ",\"config\":\"c\"}");
        add(c + "name.all-allowed", "POST", CREATE, "{\"name\":\"Aa0_.-z\",\"config\":\"c\"}");
        add(c + "name.one-char", "POST", CREATE, "{\"name\":\"x\",\"config\":\"c\"}");
        add(c + "name.dot", "POST", CREATE, "{\"name\":\".\",\"config\":\"c\"}");
        add(c + "name.dot-dot", "POST", CREATE, "{\"name\":\"..\",\"config\":\"c\"}");
        add(c + "name.dash", "POST", CREATE, "{\"name\":\"-\",\"config\":\"c\"}");

        add(c + "config.missing", "POST", CREATE, "{\"name\":\"cfg-missing\"}");
        add(c + "config.null", "POST", CREATE, "{\"name\":\"cfg-null\",\"config\":null}");
        add(c + "config.number", "POST", CREATE, "{\"name\":\"cfg-number\",\"config\":7}");
        add(c + "config.array", "POST", CREATE, "{\"name\":\"cfg-array\",\"config\":[]}");
        add(c + "config.empty", "POST", CREATE, "{\"name\":\"cfg-empty\",\"config\":\"\"}");
        String[][] configs = {
                {"blank", " "}, {"anything", "any config: {\"x\"} / \\ \u00f1 " + EMOJI}, {"ascii-255", "c".repeat(255)},
                {"ascii-256", "c".repeat(256)}, {"emoji-200", EMOJI.repeat(200)}, {"emoji-255", EMOJI.repeat(255)},
                {"emoji-256", EMOJI.repeat(256)}, {"astral-255", ASTRAL_LETTER.repeat(255)},
                {"astral-256", ASTRAL_LETTER.repeat(256)}, {"combining-255", COMBINING.repeat(127) + "x"},
                {"combining-256", COMBINING.repeat(128)}, {"mixed-255", EMOJI.repeat(100) + "c".repeat(155)},
                {"mixed-256", EMOJI.repeat(100) + "c".repeat(156)},
        };
        for (String[] config : configs) {
            add(c + "config." + config[0], "POST", CREATE,
                    "{\"name\":\"cfg-" + config[0] + "\",\"config\":" + quote(config[1]) + "}");
        }

        String[][] versions = {
                {"zero", "0"}, {"one", "1"}, {"max", "2147483647"}, {"max-plus-one", "2147483648"}, {"minus-one", "-1"},
                {"minus-one-float", "-1.0"}, {"minus-zero", "-0"}, {"fraction", "1.5"}, {"one-point-zero", "1.0"},
                {"exponent", "1e2"}, {"huge-exponent", "1E400"}, {"huge-negative-exponent", "-1E400"},
                {"absurd-exponent", "1e99999999999"}, {"absurd-negative-exponent", "-1e99999999999"},
                {"tiny", "0.0000001"}, {"long", "99999999999999999999999"}, {"long-negative", "-99999999999999999999999"},
                {"min-int", "-2147483648"}, {"string", "\"1\""}, {"bool", "true"}, {"array", "[1]"}, {"object", "{}"},
                {"null", "null"}, {"leading-zero", "01"}, {"plus", "+1"}, {"nan", "NaN"},
                {"string-abc", "\"abc\""}, {"string-fraction", "\"1.5\""}, {"string-point-zero", "\"2.0\""},
                {"string-underscore", "\"1_0\""}, {"string-blank", "\" \""}, {"false", "false"},
        };
        for (String[] version : versions) {
            add(c + "config_version." + version[0], "POST", CREATE,
                    "{\"name\":\"cv-" + version[0] + "\",\"config\":\"c\",\"config_version\":" + version[1] + "}");
        }

        String[][] projects = {
                {"null", "null"}, {"empty", "\"\""}, {"space", "\"a b\""}, {"ok", "\"org/team.p_1-x\""},
                {"ascii-255", quote("p".repeat(255))}, {"ascii-256", quote("p".repeat(256))}, {"number", "5"},
                {"emoji", quote(EMOJI)}, {"emoji-255", quote(EMOJI.repeat(255))}, {"emoji-256", quote(EMOJI.repeat(256))},
                {"backslash", quote("a\\b")}, {"slashes-only", "\"///\""}, {"at", "\"a@b\""},
        };
        for (String[] project : projects) {
            add(c + "project." + project[0], "POST", CREATE,
                    "{\"name\":\"prj-" + project[0] + "\",\"config\":\"c\",\"project\":" + project[1] + "}");
        }

        add(c + "multi.all-rules", "POST", CREATE,
                "{\"name\":\"a b\",\"config\":\"\",\"config_version\":-1,\"project\":\"x y\"}");
        add(c + "multi.types-and-rules", "POST", CREATE,
                "{\"name\":" + quote("n".repeat(256)) + ",\"config\":5,\"config_version\":\"1\",\"project\":\"p q\"}");
        add(c + "multi.rules-and-types", "POST", CREATE,
                "{\"name\":5,\"config\":" + quote(EMOJI.repeat(256)) + ",\"config_version\":1.5,\"project\":7}");
        add(c + "multi.missing-and-fraction", "POST", CREATE, "{\"config_version\":1.5}");
        add(c + "multi.all-null", "POST", CREATE,
                "{\"name\":null,\"config\":null,\"config_version\":null,\"project\":null}");
        add(c + "multi.reverse-order", "POST", CREATE,
                "{\"project\":\"bad p\",\"config_version\":-5,\"config\":\"\",\"name\":\"\"}");
        add(c + "multi.missing-name-bad-rest", "POST", CREATE,
                "{\"config\":" + quote("c".repeat(256)) + ",\"config_version\":2147483648,\"project\":\"" + EMOJI + "\"}");
        add(c + "multi.duplicate-key", "POST", CREATE, "{\"name\":\"a b\",\"name\":\"dup-ok\",\"config\":\"c\"}");
        add(c + "multi.unknown-fields-ignored", "POST", CREATE,
                "{\"name\":\"unknown-ok\",\"config\":\"c\",\"workspace\":\"elsewhere\",\"status\":\"READY\"}");

        String validBody = "{\"name\":\"ws-check\",\"config\":\"c\"}";
        String[][] workspaces = {
                {"dash", "-"}, {"space", "w w"}, {"emoji", EMOJI}, {"astral-letter", ASTRAL_LETTER}, {"n-tilde", "\u00f1"},
                {"combining", COMBINING}, {"ascii-256", "w".repeat(256)}, {"emoji-256", EMOJI.repeat(256)},
                {"at", "a@b"}, {"plus", "a+b"}, {"ascii-255", "w".repeat(255)}, {"all-allowed", "Aa0_.-z"},
                {"double-dash", "--"}, {"dot", "."},
        };
        for (String[] ws : workspaces) {
            String path = WS + Api.encode(ws[1]) + "/deployments";
            add(c + "workspace." + ws[0], "POST", path, validBody);
            add(c + "workspace." + ws[0] + ".bad-fields", "POST", path,
                    "{\"name\":\"a b\",\"config\":\"\",\"config_version\":-1}");
        }
        add(c + "workspace.dash.broken-json", "POST", WS + "-/deployments", "{\"name\":");
        add(c + "workspace.dash.empty-body", "POST", WS + "-/deployments", "");
        add(c + "workspace.slash", "POST", WS + "a%2Fb/deployments", validBody);
        add(c + "duplicate", "POST", CREATE, "{\"name\":\"golden\",\"config\":\"cfg\"}");
        add(c + "text-plain", "POST", CREATE, validBody, "text/plain");
        add(c + "merge-patch-json", "POST", CREATE, "{\"name\":\"golden-json-suffix\",\"config\":\"c\"}",
                "application/merge-patch+json");
        add(c + "workspace.dot-dot", "POST", WS + "%2E%2E/deployments", validBody);
    }

    private void newVersionCases() {
        String v = "version.";
        body(v, "POST", TARGET);
        add(v + "config.missing", "POST", TARGET, "{}");
        add(v + "config.missing-with-extras", "POST", TARGET, "{\"config_version\":2,\"name\":\"x\"}");
        add(v + "config.null", "POST", TARGET, "{\"config\":null}");
        add(v + "config.number", "POST", TARGET, "{\"config\":1}");
        add(v + "config.empty", "POST", TARGET, "{\"config\":\"\"}");
        add(v + "config.blank", "POST", TARGET, "{\"config\":\"  \"}");
        add(v + "config.emoji-255", "POST", TARGET, "{\"config\":" + quote(EMOJI.repeat(255)) + "}");
        add(v + "config.emoji-256", "POST", TARGET, "{\"config\":" + quote(EMOJI.repeat(256)) + "}");
        add(v + "config.astral-256", "POST", TARGET, "{\"config\":" + quote(ASTRAL_LETTER.repeat(256)) + "}");
        add(v + "config.combining-256", "POST", TARGET, "{\"config\":" + quote(COMBINING.repeat(128)) + "}");
        add(v + "config.ascii-256", "POST", TARGET, "{\"config\":" + quote("c".repeat(256)) + "}");
        String[][] versions = {
                {"zero", "0"}, {"max", "2147483647"}, {"max-plus-one", "2147483648"}, {"minus-one", "-1"},
                {"fraction", "2.5"}, {"string", "\"2\""}, {"null", "null"}, {"huge-exponent", "1e400"},
        };
        for (String[] version : versions) {
            add(v + "config_version." + version[0], "POST", TARGET,
                    "{\"config\":\"c\",\"config_version\":" + version[1] + "}");
        }
        add(v + "multi.rules", "POST", TARGET, "{\"config\":\"\",\"config_version\":-1}");
        add(v + "multi.types", "POST", TARGET, "{\"config\":5,\"config_version\":1.5}");
        add(v + "multi.reverse-order", "POST", TARGET,
                "{\"config_version\":-7,\"config\":" + quote("c".repeat(300)) + "}");
        add(v + "unknown-deployment.bad-body", "POST", CREATE + "/no-such-deployment", "{\"config\":\"\"}");
        add(v + "unknown-deployment.good-body", "POST", CREATE + "/no-such-deployment", "{\"config\":\"c\"}");
        add(v + "dash-workspace.good-body", "POST", WS + "-/deployments/golden", "{\"config\":\"c\"}");
    }

    private void statusCases(String prefix, String method) {
        String s = prefix + ".";
        body(s, method, STATUS);
        add(s + "status.missing", method, STATUS, "{}");
        add(s + "status.missing-with-message", method, STATUS, "{\"status_message\":\"x\",\"other\":[null]}");
        add(s + "status.null", method, STATUS, "{\"status\":null}");
        add(s + "status.number", method, STATUS, "{\"status\":5}");
        add(s + "status.unknown", method, STATUS, "{\"status\":\"RUNNING\"}");
        add(s + "status.lowercase", method, STATUS, "{\"status\":\"ready\"}");
        add(s + "status.empty", method, STATUS, "{\"status\":\"\"}");
        add(s + "status.array", method, STATUS, "{\"status\":[\"READY\"]}");
        add(s + "status.ok", method, STATUS, "{\"status\":\"PENDING\"}");

        String[][] messages = {
                {"null", "null"}, {"number", "5"}, {"bool", "false"}, {"object", "{}"},
                {"ascii-1000", quote("m".repeat(1000))}, {"ascii-1001", quote("m".repeat(1001))},
                {"emoji-500", quote(EMOJI.repeat(500))}, {"emoji-1001", quote(EMOJI.repeat(1001))},
                {"mixed-1000", quote(EMOJI + "m".repeat(999))}, {"mixed-1001", quote(EMOJI + "m".repeat(1000))},
                {"astral-1001", quote(ASTRAL_LETTER.repeat(1001))}, {"combining-1000", quote(COMBINING.repeat(500))},
                {"combining-1001", quote(COMBINING.repeat(500) + "x")}, {"emoji-501", quote(EMOJI.repeat(501))},
                {"empty", "\"\""}, {"control", quote("line1\nline2\t\u0001")},
        };
        for (String[] message : messages) {
            add(s + "status_message." + message[0], method, STATUS,
                    "{\"status\":\"PENDING\",\"status_message\":" + message[1] + "}");
        }

        String[][] providers = {
                {"null", "null"}, {"number", "5"}, {"empty", "\"\""}, {"no-slash", "\"ab\""}, {"two-slashes", "\"a/b/c\""},
                {"leading-slash", "\"/b\""}, {"trailing-slash", "\"a/\""}, {"space", "\"a b/c\""},
                {"emoji", quote(EMOJI + "/" + EMOJI)}, {"astral", quote(ASTRAL_LETTER + "/x")},
                {"ok", "\"ws_1/provider.v2\""}, {"ascii-255", quote("w/" + "n".repeat(253))},
                {"ascii-256", quote("w/" + "n".repeat(254))}, {"emoji-256", quote(EMOJI.repeat(256))},
                {"emoji-255", quote(EMOJI.repeat(255))}, {"backslash", quote("a\\b")},
        };
        for (String[] provider : providers) {
            add(s + "model_provider_id." + provider[0], method, STATUS,
                    "{\"status\":\"READY\",\"model_provider_id\":" + provider[1] + "}");
        }

        add(s + "multi.all", method, STATUS,
                "{\"status\":\"RUNNING\",\"status_message\":5,\"model_provider_id\":\"bad\"}");
        add(s + "multi.missing-and-too-long", method, STATUS,
                "{\"status_message\":" + quote("m".repeat(1001)) + ",\"model_provider_id\":" + quote("w/" + "n".repeat(254)) + "}");
        add(s + "multi.reverse-order", method, STATUS,
                "{\"model_provider_id\":\"x\",\"status_message\":" + quote(EMOJI.repeat(1001)) + ",\"status\":null}");
        add(s + "multi.types", method, STATUS, "{\"status\":1,\"status_message\":[],\"model_provider_id\":{}}");

        add(s + "version.abc.bad-body", method, STATUS + "?version=abc", "{\"status\":\"RUNNING\"}");
        add(s + "version.abc.good-body", method, STATUS + "?version=abc", "{\"status\":\"READY\"}");
        add(s + "version.999.good-body", method, STATUS + "?version=999", "{\"status\":\"READY\"}");
        add(s + "version.0.good-body", method, STATUS + "?version=0", "{\"status\":\"READY\"}");
        add(s + "version.huge.good-body", method, STATUS + "?version=99999999999999999999", "{\"status\":\"READY\"}");
        add(s + "version.999.bad-body", method, STATUS + "?version=999", "{\"status\":\"RUNNING\"}");
        add(s + "unknown-deployment.bad-body", method, CREATE + "/no-such-deployment/status", "{\"status\":\"x\"}");
        add(s + "unknown-deployment.good-body", method, CREATE + "/no-such-deployment/status", "{\"status\":\"READY\"}");
    }

    private void demoCases() {
        String d = "demo.";
        body(d, "PUT", DEMO);
        add(d + "running.string", "PUT", DEMO, "{\"running\":\"yes\"}");
        add(d + "running.number", "PUT", DEMO, "{\"running\":1}");
        add(d + "running.null", "PUT", DEMO, "{\"running\":null}");
        add(d + "running.word", "PUT", DEMO, "{\"running\":\"maybe\"}");
        add(d + "running.two", "PUT", DEMO, "{\"running\":2}");
        add(d + "running.array", "PUT", DEMO, "{\"running\":[true]}");
        add(d + "pace.word", "PUT", DEMO, "{\"pace_seconds\":\"fast\"}");
        add(d + "pace.object", "PUT", DEMO, "{\"pace_seconds\":{}}");
        add(d + "pace.string", "PUT", DEMO, "{\"pace_seconds\":\"1\"}");
        add(d + "pace.zero", "PUT", DEMO, "{\"pace_seconds\":0}");
        add(d + "pace.too-big", "PUT", DEMO, "{\"pace_seconds\":61}");
        add(d + "pace.tiny", "PUT", DEMO, "{\"pace_seconds\":0.01}");
        add(d + "pace.huge", "PUT", DEMO, "{\"pace_seconds\":1e400}");
        add(d + "pace.ok", "PUT", DEMO, "{\"pace_seconds\":1.5}");
        add(d + "multi", "PUT", DEMO, "{\"running\":\"no\",\"pace_seconds\":-1}");
        add(d + "empty-object", "PUT", DEMO, "{}");
        add(d + "reset", "POST", DEMO + "/reset", "");
    }

    private void queryAndOtherCases() {
        String q = "query.";
        String[][] lists = {
                {"page-zero", "page=0"}, {"page-abc", "page=abc"}, {"page-size-zero", "page_size=0"},
                {"page-size-1001", "page_size=1001"}, {"page-size-huge", "page_size=99999999999999999999"},
                {"sort-bogus", "sort=bogus"}, {"all-versions-maybe", "all_versions=maybe"},
                {"history-limit-101", "history_limit=101"}, {"history-limit-minus", "history_limit=-1"},
                {"filter-status-bad", "filter%5Bstatus%5D=RUNNING"},
                {"filter-status-in-bad", "filter%5Bstatus%5D%5B%24in%5D=READY,RUNNING"},
                {"filter-created-bad", "filter%5Bcreated_at%5D%5B%24gte%5D=yesterday"},
                {"filter-like-escape", "filter%5Bname%5D%5B%24like%5D=abc%5C"},
                {"several", "page=0&page_size=0&sort=x&all_versions=2"},
                {"filter-unknown-field", "filter%5Bbogus%5D=1"}, {"filter-status-like", "filter%5Bstatus%5D%5B%24like%5D=R"},
                {"filter-json-broken", "filter=%7Bbad"}, {"filter-json-array", "filter=%5B1%5D"},
                {"filter-unknown-operator", "filter%5Bname%5D%5B%24gt%5D=x"}, {"filter-malformed", "filter%5Bname=x"},
                {"filter-date-operator", "filter%5Bcreated_at%5D%5B%24eq%5D=2026-01-01T00:00:00Z"},
                {"filter-attention-maybe", "filter%5Battention%5D=maybe"},
                {"filter-attention-operator", "filter%5Battention%5D%5B%24in%5D=true"},
        };
        for (String[] list : lists) {
            add(q + "list." + list[0], "GET", CREATE + "?" + list[1], null);
        }
        add(q + "history.page-zero", "GET", TARGET + "/status-history?page=0&page_size=5000", null);
        add(q + "history.version-abc", "GET", TARGET + "/status-history?version=abc", null);
        add(q + "history.version-huge", "GET", TARGET + "/status-history?version=99999999999999999999", null);
        add(q + "version-segment.abc", "GET", TARGET + "/versions/abc", null);
        add(q + "version-segment.huge", "GET", TARGET + "/versions/99999999999999999999", null);
        add(q + "version-segment.delete-abc", "DELETE", TARGET + "/versions/abc", null);
        add(q + "version-segment.zero", "GET", TARGET + "/versions/0", null);
        add(q + "unknown.get", "GET", CREATE + "/no-such-deployment", null);
        add(q + "unknown.delete", "DELETE", CREATE + "/no-such-deployment", null);
        add(q + "unknown.versions", "GET", CREATE + "/no-such-deployment/versions", null);
        add(q + "unknown.models", "GET", CREATE + "/no-such-deployment/models", null);
        String events = WS + "-/deployment-events";
        add(q + "events.last-event-id-query", "GET", events + "?last_event_id=abc", null);
        add(q + "events.last-event-id-negative", "GET", events + "?last_event_id=-1", null);
        add(q + "events.unknown-workspace", "GET", WS + "no-such-workspace/deployment-events", null);
        add(q + "attention.workspace-bad", "GET", "/apis/modeldeploy/v1/attention?workspace=bad%20name", null);
        add(q + "method.delete-collection", "DELETE", CREATE, null);
        add(q + "route.none", "GET", "/apis/models/v2/nothing-here", null);
    }

    /** The body-level cases every JSON route shares. */
    private void body(String prefix, String method, String path) {
        addBytes(prefix + "body.none", method, path, null);
        add(prefix + "body.empty", method, path, "");
        add(prefix + "body.blank", method, path, "  \n ");
        add(prefix + "body.broken", method, path, "{\"name\":");
        add(prefix + "body.broken-second-line", method, path, "{\n  \"status\": READY\n}");
        add(prefix + "body.single-quotes", method, path, "{name: 'x'}");
        add(prefix + "body.trailing-comma", method, path, "{\"status\":\"READY\",}");
        add(prefix + "body.trailing-garbage", method, path, "{\"status\":\"READY\"} x");
        add(prefix + "body.two-objects", method, path, "{\"status\":\"READY\"}{\"status\":\"ERROR\"}");
        add(prefix + "body.array", method, path, "[{\"name\":\"x\",\"config\":\"c\",\"status\":\"READY\"}]");
        add(prefix + "body.empty-array", method, path, "[]");
        add(prefix + "body.string", method, path, "\"READY\"");
        add(prefix + "body.number", method, path, "42");
        add(prefix + "body.null", method, path, "null");
        add(prefix + "body.deep", method, path, "{\"status\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        byte[] invalidUtf8 = utf8("{\"name\":\"x\",\"config\":\"?\",\"status\":\"READY\"}");
        invalidUtf8[22] = (byte) 0xFF;
        addBytes(prefix + "body.invalid-utf8", method, path, invalidUtf8);
    }

    private void add(String label, String method, String path, String body) {
        addBytes(label, method, path, body == null ? null : utf8(body));
    }

    private void add(String label, String method, String path, String body, String contentType) {
        cases.add(new Case(label + "@" + contentType, method, path, body == null ? null : utf8(body)));
    }

    private void addBytes(String label, String method, String path, byte[] body) {
        cases.add(new Case(label, method, path, body));
    }

    // ------------------------------------------------------------------ sending and recording

    /** {@code status}, or for an answer that is not 2xx: {@code status TAB content-type TAB x-should-retry TAB body}. */
    private String send(Case c) throws IOException, InterruptedException {
        String contentType = "application/json";
        String label = c.label();
        int at = label.indexOf('@');
        if (at > 0) {
            contentType = label.substring(at + 1);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + c.path()));
        HttpRequest.BodyPublisher publisher = c.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        if (c.body() != null || !c.method().equals("GET") && !c.method().equals("DELETE")) {
            request.header("Content-Type", contentType);
        }
        request.method(c.method(), publisher);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status / 100 == 2) {
            return String.valueOf(status);
        }
        assertTrue(status / 100 == 4, c.label() + ": never a 5xx, got " + status);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(body.indexOf('\n') < 0 && body.indexOf('\r') < 0, c.label() + ": one line: " + body);
        return status + "\t" + response.headers().firstValue("content-type").orElse("")
                + "\t" + response.headers().firstValue("x-should-retry").orElse("") + "\t" + body;
    }

    private Map<String, String> readGolden() throws IOException {
        Map<String, String> golden = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertNotNull(in, GOLDEN + " is missing; record it with -Dgolden.update=true");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    int tab = line.indexOf('\t');
                    golden.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return golden;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string literal; non-ASCII stays as it is (sent as UTF-8), control characters are escaped. */
    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || Character.isSurrogate(ch) && !isPairedSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static boolean isPairedSurrogate(String value, int i) {
        char ch = value.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
