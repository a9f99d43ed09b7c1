package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.modeldeploy.model.ApiHeaders;
import io.modeldeploy.model.StatusHistoryEntry;
import io.modeldeploy.server.security.Role;
import io.modeldeploy.server.security.TokenRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.modeldeploy.server.api.Api.deployments;
import static io.modeldeploy.server.api.Api.query;
import static io.modeldeploy.server.api.Api.unique;
import static io.modeldeploy.server.api.HistoryExports.CSV;
import static io.modeldeploy.server.api.HistoryExports.EXPORT;
import static io.modeldeploy.server.api.HistoryExports.NDJSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history exports: GET .../status-history in CSV and NDJSON, and GET /apis/modeldeploy/v1/history-export
 * in JSON, CSV and NDJSON; what is written comes back exactly, whatever it holds.
 */
@MicronautTest
@Property(name = "modeldeploy.tokens", value = HistoryExportApiTest.TOKENS)
class HistoryExportApiTest {
    static final String NIGHT_OPS_SECRET = "export-night-ops-51f0c2a8";
    static final String CRON_SECRET = "export-cron-9d3e77b1";
    static final String VIEWER_SECRET = "export-viewer-0b8a14c6";
    /** Token names that begin like a spreadsheet formula. */
    static final String TOKENS = "@night-ops:editor:" + NIGHT_OPS_SECRET + ",-cron:editor:" + CRON_SECRET
            + ",auditor:viewer:" + VIEWER_SECRET;

    /** Status messages that break naive CSV writers and spreadsheets. */
    static final List<String> HOSTILE_MESSAGES = List.of(
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1 replica, \"quoted\", and commas",
            "-2 nodes\r\nsecond line\nthird line\rfourth",
            "@SUM(A1:A9)",
            "\ttab first",
            "🚀 rollout 👍🏽 done 𝄞 — ünïcödé",
            "",
            "  spaces around  ",
            "\"\"",
            "line end\r\n");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    TokenRegistry tokens;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client, jsonMapper);
    }

    @Test
    void everyFieldWithHostileContentComesBackFromCsvNdjsonAndJson() {
        String workspace = unique("audit");
        String commaActorSecret = tokens.issueInternal("Ops, \"Night\" Shift", Role.EDITOR);
        String name = "-" + unique("dash");
        List<Map<String, String>> written = new ArrayList<>();
        create(workspace, name, NIGHT_OPS_SECRET);
        written.add(expected(workspace, name, 1, "CREATED", "Deployment created", null, "@night-ops", "api"));
        List<String> secrets = List.of(CRON_SECRET, commaActorSecret, NIGHT_OPS_SECRET);
        List<String> actors = List.of("-cron", "Ops, \"Night\" Shift", "@night-ops");
        List<String> providers = List.of("=cmd|' /C calc'!A0", "ns/model, v2", "🤖/llama\r\n3");
        for (int i = 0; i < HOSTILE_MESSAGES.size(); i++) {
            String status = i % 2 == 0 ? "PENDING" : "READY";
            String provider = providers.get(i % providers.size());
            boolean fromConsole = i % 3 == 0;
            update(workspace, name, secrets.get(i % secrets.size()), fromConsole,
                    Map.of("status", status, "status_message", HOSTILE_MESSAGES.get(i), "model_provider_id", provider));
            written.add(expected(workspace, name, 1, status, HOSTILE_MESSAGES.get(i), provider,
                    actors.get(i % actors.size()), fromConsole ? "gui" : "api"));
        }

        List<Map<String, String>> json = HistoryExports.jsonEntries(
                export(null, "workspace", workspace).expect(200).body);
        assertEquals(written, withoutTimestamps(json));
        assertEquals(timestamps(api.fullHistory(workspace, name)), json.stream().map(e -> e.get("timestamp")).toList());

        Api.Reply csv = export(CSV, "workspace", workspace).expect(200);
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertEquals("attachment; filename=\"history-" + workspace + ".csv\"", csv.header("Content-Disposition"));
        assertEquals(json, HistoryExports.csvEntries(csv.body));
        for (Map<String, String> row : HistoryExports.csvRows(csv.body)) {
            for (String cell : row.values()) {
                assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0,
                        "no cell begins like a formula: " + cell);
            }
        }

        Api.Reply ndjson = export(NDJSON, "workspace", workspace).expect(200);
        assertTrue(ndjson.header("Content-Type").startsWith(NDJSON), ndjson.header("Content-Type"));
        assertEquals(json, HistoryExports.ndjsonEntries(ndjson.body));

        for (String accept : List.of(CSV, NDJSON)) {
            Api.Reply version = api.send(HttpRequest.GET(deployments(workspace, name, "status-history"))
                    .header("Accept", accept)).expect(200);
            List<Map<String, String>> entries = accept.equals(CSV) ? HistoryExports.csvEntries(version.body)
                    : HistoryExports.ndjsonEntries(version.body);
            assertEquals(json, entries, accept);
        }
    }

    @Test
    void aVersionsHistoryIsExportedWholeOldestFirstAndTheJsonPageStays() {
        String workspace = unique("versions");
        String name = unique("model");
        create(workspace, name, NIGHT_OPS_SECRET);
        for (int i = 1; i <= 25; i++) {
            api.setStatus(workspace, name, i % 2 == 0 ? "READY" : "PENDING", "first-" + i);
        }
        api.newVersion(workspace, name, "cfg-2");
        api.setStatus(workspace, name, "READY", "second-1");

        List<Map<String, String>> first = HistoryExports.csvEntries(history(workspace, name, CSV, "version", "1").body);
        assertEquals(26, first.size());
        assertEquals("Deployment created", first.get(0).get("status_message"));
        assertEquals("first-25", first.get(25).get("status_message"));
        assertTrue(first.stream().allMatch(e -> e.get("version").equals("1")));

        Api.Reply latest = history(workspace, name, NDJSON);
        assertEquals("attachment; filename=\"history-" + workspace + "-" + name + "-v2.ndjson\"",
                latest.header("Content-Disposition"));
        assertEquals(List.of("Deployment update pending", "second-1"),
                HistoryExports.ndjsonEntries(latest.body).stream().map(e -> e.get("status_message")).toList());

        // the JSON page, as before, whatever else the client would also take
        for (String accept : new String[]{null, "application/json", "*/*", "application/xml", "text/csv;q=0"}) {
            Api.Reply page = history(workspace, name, accept, "version", "1", "page", "2", "page_size", "10");
            assertTrue(page.header("Content-Type").startsWith("application/json"), accept);
            assertEquals(List.of("first-10", "first-11"), page.as(Api.HISTORY_PAGE).data().stream()
                    .map(StatusHistoryEntry::statusMessage).limit(2).toList(), accept);
        }
        assertEquals(404, history(workspace, "no-such-" + name, CSV).status);
        assertEquals(404, history(workspace, name, CSV, "version", "3").status);
    }

    @Test
    void acceptPicksTheFormatByQualityThenOrder() {
        String workspace = unique("accept");
        create(workspace, unique("model"), NIGHT_OPS_SECRET);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("text/csv;q=0.5, application/x-ndjson", NDJSON);
        expected.put("application/x-ndjson, text/csv", NDJSON);
        expected.put("text/csv, application/x-ndjson", CSV);
        expected.put("text/*", CSV);
        expected.put("application/xml, text/html;q=0.9, */*;q=0.1", "application/json");
        expected.put("TEXT/CSV; charset=utf-8", CSV);
        expected.put("text/csv;q=0, */*", "application/json");
        expected.put("image/png", "application/json");
        expected.forEach((accept, contentType) -> {
            Api.Reply reply = export(accept, "workspace", workspace).expect(200);
            assertTrue(reply.header("Content-Type").startsWith(contentType), accept + " -> " + reply.header("Content-Type"));
            assertEquals("Accept", reply.header("Vary"));
        });
    }

    @Test
    void theFleetExportIsFilteredByWorkspaceTimeAndStatusInTimeOrder() {
        String first = unique("fleet-a");
        String second = unique("fleet-b");
        String a = unique("a");
        String b = unique("b");
        create(first, a, NIGHT_OPS_SECRET);
        create(second, b, NIGHT_OPS_SECRET);
        String[] statuses = {"PENDING", "READY", "ERROR", "READY", "LOST", "READY"};
        for (int i = 0; i < statuses.length; i++) {
            api.setStatus(first, a, statuses[i], "a-" + i);
            api.setStatus(second, b, statuses[i], "b-" + i);
        }
        List<Map<String, String>> all = HistoryExports.ndjsonEntries(export(NDJSON).expect(200).body);
        List<Map<String, String>> ours = all.stream()
                .filter(e -> e.get("workspace").equals(first) || e.get("workspace").equals(second)).toList();
        assertEquals(14, ours.size());
        List<String> messages = ours.stream().map(e -> e.get("status_message")).toList();
        assertEquals(List.of("Deployment created", "Deployment created", "a-0", "b-0", "a-1", "b-1"), messages.subList(0, 6));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(Instant.parse(all.get(i - 1).get("timestamp")).compareTo(Instant.parse(all.get(i).get("timestamp"))) <= 0,
                    "oldest first at " + i);
        }
        assertEquals(7, HistoryExports.ndjsonEntries(export(NDJSON, "workspace", first).expect(200).body).size());
        assertEquals(all, HistoryExports.ndjsonEntries(export(NDJSON, "workspace", "-").expect(200).body));

        // since inclusive, until exclusive; the same instants written with an offset or without one
        String since = ours.get(4).get("timestamp");
        String until = ours.get(8).get("timestamp");
        List<String> window = List.of("a-1", "b-1", "a-2", "b-2");
        assertEquals(window, messages(export(NDJSON, "since", since, "until", until)));
        Instant sinceInstant = Instant.parse(since);
        assertEquals(window, messages(export(NDJSON, "since", sinceInstant.atOffset(ZoneOffset.ofHours(5)).toString(),
                "until", Instant.parse(until).atOffset(ZoneOffset.UTC).toLocalDateTime().toString())));
        assertEquals(List.of(), messages(export(NDJSON, "since", since, "until", since)));

        List<String> problems = List.of("a-2", "b-2", "a-4", "b-4");
        assertEquals(problems, messages(export(NDJSON, "workspace", "-", "status", "ERROR,LOST", "since", since)));
        assertEquals(problems, messages(export(NDJSON, "status", "ERROR", "status", "LOST", "since", since)));
        assertEquals(List.of("a-2", "a-4"),
                messages(export(NDJSON, "workspace", first, "status", "LOST, ERROR", "since", since)));
    }

    @Test
    void badParametersAre422WithWhatIsWrong() {
        Map<String, Object> since = export(CSV, "since", "yesterday").validationErrorAt("query", "since");
        assertEquals("datetime_parsing", since.get("type"));
        assertEquals("yesterday", since.get("input"));
        assertTrue(since.get("msg").toString().contains("ISO-8601"), since.toString());

        Api.Reply both = export(null, "since", "2026-13-01T00:00:00Z", "until", "10000-01-01T00:00:00Z");
        assertEquals(2, both.validationErrors().size(), both.body);
        both.validationErrorAt("query", "until");

        Map<String, Object> reversed = export(NDJSON, "since", "2026-12-02T00:00:00Z", "until", "2026-12-01")
                .validationErrorAt("query", "until");
        assertEquals("value_error", reversed.get("type"));
        assertTrue(reversed.get("msg").toString().contains("before since"), reversed.toString());

        Api.Reply statuses = export(null, "status", "READY,ready", "status", "BROKEN");
        assertEquals("enum", statuses.validationErrorAt("query", "status", 1).get("type"));
        assertEquals("BROKEN", statuses.validationErrorAt("query", "status", 2).get("input"));
        assertEquals(2, statuses.validationErrors().size());

        export(null, "workspace", "no such workspace").validationErrorAt("query", "workspace");
        assertEquals(404, export(CSV, "workspace", unique("never-created")).status);
        // a + of an offset that was not percent-encoded arrives as a space, and still counts
        export(null, "since", "2026-12-01T10:00:00 01:00").expect(200);
    }

    @Test
    void aViewerTokenMayExport() {
        String workspace = unique("viewer");
        String name = unique("model");
        create(workspace, name, NIGHT_OPS_SECRET);
        Api.Reply fleet = api.send(HttpRequest.GET(query(EXPORT, "workspace", workspace)).header("Accept", CSV)
                .bearerAuth(VIEWER_SECRET)).expect(200);
        assertEquals(1, HistoryExports.csvRows(fleet.body).size());
        Api.Reply version = api.send(HttpRequest.GET(deployments(workspace, name, "status-history"))
                .header("Accept", NDJSON).bearerAuth(VIEWER_SECRET)).expect(200);
        assertEquals("@night-ops", HistoryExports.ndjsonEntries(version.body).get(0).get("actor"));
        assertEquals(401, api.send(HttpRequest.GET(EXPORT).bearerAuth("not-a-token")).status);
    }

    @Test
    void eachEntryKeepsTheModelProviderItWasRecordedWith() {
        String workspace = unique("provider");
        String name = unique("model");
        create(workspace, name, NIGHT_OPS_SECRET);
        update(workspace, name, NIGHT_OPS_SECRET, false, Map.of("status", "READY", "model_provider_id", "p/one"));
        // a new provider alone writes no history entry
        update(workspace, name, NIGHT_OPS_SECRET, false, Map.of("status", "READY", "model_provider_id", "p/two"));
        update(workspace, name, NIGHT_OPS_SECRET, false, Map.of("status", "ERROR", "status_message", "down"));
        List<Map<String, String>> entries = HistoryExports.csvEntries(history(workspace, name, CSV).body);
        assertEquals(3, entries.size());
        assertNull(entries.get(0).get("model_provider_id"));
        assertEquals("p/one", entries.get(1).get("model_provider_id"));
        assertEquals("p/two", entries.get(2).get("model_provider_id"));
    }

    // ---- helpers ----

    private Api.Reply export(String accept, String... query) {
        MutableHttpRequest<?> request = HttpRequest.GET(query(EXPORT, query));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return api.send(request);
    }

    private Api.Reply history(String workspace, String name, String accept, String... query) {
        MutableHttpRequest<?> request = HttpRequest.GET(query(deployments(workspace, name, "status-history"), query));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return api.send(request);
    }

    private void create(String workspace, String name, String secret) {
        api.send(HttpRequest.POST(deployments(workspace), "{\"name\":\"" + name + "\",\"config\":\"cfg\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(secret)).expect(201);
    }

    private void update(String workspace, String name, String secret, boolean fromConsole, Map<String, Object> body) {
        MutableHttpRequest<?> request = HttpRequest.PATCH(deployments(workspace, name, "status"), json(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(secret);
        if (fromConsole) {
            request.header(ApiHeaders.SOURCE, "gui");
        }
        api.send(request).expect(200);
    }

    private String json(Object value) {
        try {
            return jsonMapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> expected(String workspace, String name, int version, String status,
                                                String message, String provider, String actor, String source) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("workspace", workspace);
        entry.put("name", name);
        entry.put("version", Integer.toString(version));
        entry.put("status", status);
        entry.put("status_message", message);
        entry.put("model_provider_id", provider);
        entry.put("actor", actor);
        entry.put("source", source);
        return entry;
    }

    private static List<Map<String, String>> withoutTimestamps(List<Map<String, String>> entries) {
        return entries.stream().map(entry -> {
            Map<String, String> copy = new LinkedHashMap<>(entry);
            copy.remove("timestamp");
            return copy;
        }).toList();
    }

    private static List<String> timestamps(List<StatusHistoryEntry> history) {
        return history.stream().map(entry -> entry.timestamp().toString()).toList();
    }

    private static List<String> messages(Api.Reply reply) {
        return HistoryExports.ndjsonEntries(reply.expect(200).body).stream().map(e -> e.get("status_message")).toList();
    }
}
