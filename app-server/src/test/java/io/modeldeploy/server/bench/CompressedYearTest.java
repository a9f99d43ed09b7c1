package io.modeldeploy.server.bench;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.modeldeploy.server.ModelDeployServer;
import io.modeldeploy.server.RunningServer;
import io.modeldeploy.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The soak benchmark's generated year, CI-sized: the server opens it and reads it back consistently. */
class CompressedYearTest {
    private static final int DEPLOYMENTS = 50;
    private static final int ENTRIES = 5_000;
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void generatedYearReadsBackThroughTheApi() throws Exception {
        ModelDeployServer.start(new ServerOptions("127.0.0.1", 0, dataDir)).close();
        Instant now = Instant.now();
        CompressedYear.Summary year = CompressedYear.generate(dataDir, DEPLOYMENTS, ENTRIES, Duration.ofDays(7), now, 42);
        assertEquals(ENTRIES, year.entries());
        assertTrue(year.events() > 0 && year.events() < ENTRIES, "events of the last 7 days only: " + year.events());
        int longest = year.longest(1)[0];
        assertTrue(year.latestHistory()[longest] > 3 * ENTRIES / year.versions(),
                "skewed: the longest history has " + year.latestHistory()[longest] + " entries");

        try (RunningServer server = ModelDeployServer.start(new ServerOptions("127.0.0.1", 0, dataDir))) {
            URI base = server.baseUrl();
            JsonNode all = get(base, "/apis/models/v2/workspaces/-/deployments?page_size=1000&history_limit=0");
            assertEquals(DEPLOYMENTS, all.get("pagination").get("total_results").getLongValue());
            JsonNode versions = get(base, "/apis/models/v2/workspaces/-/deployments?all_versions=true&page_size=1000"
                    + "&history_limit=0");
            assertEquals(year.versions(), versions.get("pagination").get("total_results").getLongValue());

            long historyTotal = 0;
            for (int d = 0; d < DEPLOYMENTS; d++) {
                String path = "/apis/models/v2/workspaces/" + CompressedYear.workspace(d) + "/deployments/"
                        + CompressedYear.name(d);
                JsonNode deployment = get(base, path);
                assertEquals(year.latestVersion()[d], deployment.get("entity_version").getIntValue());
                for (int version = 1; version <= year.latestVersion()[d]; version++) {
                    List<JsonNode> history = history(base, path + "/status-history?version=" + version);
                    historyTotal += history.size();
                    JsonNode versionRow = get(base, path + "/versions/" + version);
                    checkHistory(versionRow, history, version);
                    if (version == year.latestVersion()[d]) {
                        assertEquals(year.latestHistory()[d], history.size(), path);
                    }
                }
            }
            assertEquals(ENTRIES, historyTotal);

            // the server writes on: the history identity and the event ids continue after the generated ones
            int target = firstNotDeleting(year);
            String path = "/apis/models/v2/workspaces/" + CompressedYear.workspace(target) + "/deployments/"
                    + CompressedYear.name(target);
            HttpResponse<String> patched = http.send(HttpRequest.newBuilder(base.resolve(path + "/status"))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(
                            "{\"status\":\"READY\",\"status_message\":\"after the generated year\"}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, patched.statusCode(), patched.body());
            assertEquals(year.latestHistory()[target] + 1, history(base, path + "/status-history").size());
        }
        try (Connection db = DriverManager.getConnection(new ServerOptions("127.0.0.1", 0, dataDir).jdbcUrl(), "sa", "");
             Statement statement = db.createStatement()) {
            assertEquals(ENTRIES + 1, single(statement, "SELECT MAX(id) FROM status_event"));
            assertEquals(ENTRIES + 1, single(statement, "SELECT MAX(id) FROM deployment_event"));
            assertEquals(ENTRIES + 1, single(statement, "SELECT last_id FROM event_sequence"));
            assertEquals(year.events() + 1, single(statement, "SELECT COUNT(*) FROM deployment_event"));
            assertEquals(0, single(statement, "SELECT COUNT(*) FROM deployment_event WHERE recorded_at < TIMESTAMP WITH"
                    + " TIME ZONE '" + now.minus(Duration.ofDays(7)).minusSeconds(1) + "'"));
        }
    }

    /**
     * Oldest first, the first entry the creation, each entry a change, the last one the version's
     * status, and status_since the time of the first entry of the last run of that status.
     */
    private static void checkHistory(JsonNode version, List<JsonNode> history, int number) {
        assertFalse(history.isEmpty());
        assertEquals(number == 1 ? "CREATED" : "PENDING", history.get(0).get("status").getStringValue());
        assertEquals(version.get("created_at").getStringValue(), history.get(0).get("timestamp").getStringValue());
        for (int i = 1; i < history.size(); i++) {
            JsonNode before = history.get(i - 1);
            JsonNode entry = history.get(i);
            assertTrue(Instant.parse(before.get("timestamp").getStringValue())
                    .isBefore(Instant.parse(entry.get("timestamp").getStringValue())), "history in time order");
            assertTrue(!before.get("status").equals(entry.get("status"))
                    || !before.get("status_message").equals(entry.get("status_message")), "every entry is a change");
            assertTrue(!"DELETING".equals(before.get("status").getStringValue())
                    || "DELETED".equals(entry.get("status").getStringValue()), "DELETING is followed only by DELETED");
        }
        JsonNode last = history.get(history.size() - 1);
        assertEquals(version.get("status").getStringValue(), last.get("status").getStringValue());
        assertEquals(version.get("status_message").getStringValue(), last.get("status_message").getStringValue());
        assertEquals(version.get("updated_at").getStringValue(), last.get("timestamp").getStringValue());
        int runStart = history.size() - 1;
        while (runStart > 0 && history.get(runStart - 1).get("status").equals(last.get("status"))) {
            runStart--;
        }
        assertEquals(history.get(runStart).get("timestamp").getStringValue(), version.get("status_since").getStringValue());
    }

    private List<JsonNode> history(URI base, String path) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 1; ; page++) {
            JsonNode answer = get(base, path + separator + "page_size=1000&page=" + page);
            for (JsonNode entry : answer.get("data").values()) {
                entries.add(entry);
            }
            if (entries.size() >= answer.get("pagination").get("total_results").getLongValue()) {
                return entries;
            }
        }
    }

    private JsonNode get(URI base, String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path + ": " + new String(response.body()));
        return JSON.readValue(response.body(), JsonNode.class);
    }

    private static int firstNotDeleting(CompressedYear.Summary year) {
        for (int d = 0; ; d++) {
            if (!year.latestDeleting()[d]) {
                return d;
            }
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
