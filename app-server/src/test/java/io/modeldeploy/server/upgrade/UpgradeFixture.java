package io.modeldeploy.server.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A database as one release leaves it, kept so that every later release proves it can open it: the
 * scenario that fills it (through the API, as users would), and two snapshots taken right after,
 * what the API answers and every row of every table. A later release migrates the fixture and must
 * still answer and hold everything in them ({@link #assertContains}: it may add, never lose or change).
 */
final class UpgradeFixture {
    static final String API_SNAPSHOT = "expected-api.json.gz";
    static final String ROWS_SNAPSHOT = "expected-rows.json.gz";
    static final List<String> WORKSPACES = List.of("upgrade-a", "upgrade-b");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATUSES =
            List.of("CREATED", "PENDING", "READY", "ERROR", "LOST", "UNKNOWN", "DELETING", "DELETED");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    UpgradeFixture(URI base) {
        this.base = base;
    }

    /** Fills an empty server: every status, several versions, a long history, a batch, a deletion. */
    void writeScenario() {
        String a = "/apis/models/v2/workspaces/upgrade-a/deployments";
        String b = "/apis/models/v2/workspaces/upgrade-b/deployments";
        for (String status : STATUSES) {
            String name = "in-" + status.toLowerCase(Locale.ROOT);
            send("POST", a, "{\"name\":\"" + name + "\",\"config\":\"cfg-" + name + "\"}", 201);
            if (!status.equals("CREATED")) {
                send("PATCH", a + "/" + name + "/status", "{\"status\":\"" + status + "\",\"status_message\":\"now "
                        + status + "\",\"model_provider_id\":\"upgrade-a/provider-" + name + "\"}", 200);
            }
        }
        send("POST", b, "{\"name\":\"versions\",\"config\":\"cfg-1\"}", 201);
        send("POST", b + "/versions", "{\"config\":\"cfg-2\"}", 201);
        send("POST", b + "/versions", "{\"config\":\"cfg-3\"}", 201);
        send("PATCH", b + "/versions/status?version=1", "{\"status\":\"READY\",\"status_message\":\"v1 serving\"}", 200);
        send("PATCH", b + "/versions/status?version=3", "{\"status\":\"PENDING\",\"status_message\":\"v3 rolling out\"}", 200);
        send("DELETE", b + "/versions/versions/2", null, 202);

        send("POST", b, "{\"name\":\"long-history\",\"config\":\"cfg-long\"}", 201);
        for (int i = 1; i <= 300; i++) {
            String status = STATUSES.get(i % 6); // never DELETING or DELETED: the history goes on
            String provider = i % 3 == 0 ? ",\"model_provider_id\":\"upgrade-b/provider-" + (i % 7) + "\"" : "";
            send("PATCH", b + "/long-history/status", "{\"status\":\"" + status + "\",\"status_message\":\"change " + i
                    + ": Ünïcödé ✓ 模型 \\\"quoted\\\" " + "x".repeat(i % 40) + "\"" + provider + "}", 200);
        }
        for (String name : List.of("batch-1", "batch-2")) {
            send("POST", b, "{\"name\":\"" + name + "\",\"config\":\"cfg-batch\"}", 201);
        }
        send("POST", "/apis/modeldeploy/v1/status-batches", "{\"status\":\"LOST\",\"status_message\":\"node drained\","
                + "\"targets\":[{\"workspace\":\"upgrade-b\",\"name\":\"batch-1\"},"
                + "{\"workspace\":\"upgrade-b\",\"name\":\"batch-2\"}]}", 200);
        send("POST", b, "{\"name\":\"gone\",\"config\":\"cfg-gone\"}", 201);
        send("DELETE", b + "/gone", null, 202);
    }

    /** What the API answers: every deployment version, and every workspace's whole history. */
    ObjectNode apiSnapshot() {
        ObjectNode snapshot = JSON.createObjectNode();
        ArrayNode deployments = snapshot.putArray("deployments");
        for (int page = 1; ; page++) {
            JsonNode body = read(send("GET", "/apis/models/v2/workspaces/-/deployments?all_versions=true&page_size=100"
                    + "&page=" + page, null, 200));
            body.get("data").forEach(deployments::add);
            if (page >= body.get("pagination").get("total_pages").asInt()) {
                break;
            }
        }
        ObjectNode history = snapshot.putObject("history");
        for (String workspace : WORKSPACES) {
            ArrayNode entries = history.putArray(workspace);
            String ndjson = send("GET", "/apis/modeldeploy/v1/history-export?workspace=" + workspace, null, 200,
                    "Accept", "application/x-ndjson");
            ndjson.lines().filter(line -> !line.isBlank()).map(UpgradeFixture::read).forEach(entries::add);
        }
        return snapshot;
    }

    /** Every row of every table, each column as text (times as instants), in a stable order. */
    static ObjectNode rows(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet found = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String schema = found.getString("TABLE_SCHEM");
                if (schema.equalsIgnoreCase("public")) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
        }
        tables.sort(String.CASE_INSENSITIVE_ORDER);
        ObjectNode all = JSON.createObjectNode();
        for (String table : tables) {
            ArrayNode rows = all.putArray(table.toLowerCase(Locale.ROOT));
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                ResultSetMetaData columns = result.getMetaData();
                List<Map<String, String>> read = new ArrayList<>();
                while (result.next()) {
                    Map<String, String> row = new TreeMap<>();
                    for (int c = 1; c <= columns.getColumnCount(); c++) {
                        row.put(columns.getColumnLabel(c).toLowerCase(Locale.ROOT), text(result.getObject(c)));
                    }
                    read.add(row);
                }
                read.sort((x, y) -> x.toString().compareTo(y.toString()));
                read.forEach(row -> rows.add(JSON.valueToTree(row)));
            }
        }
        return all;
    }

    private static String text(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    /**
     * Fails unless {@code actual} holds everything in {@code expected}: objects may have more fields,
     * tables more rows (a later release may add), but nothing expected may be missing or different.
     * Arrays of the API snapshot must match element by element.
     */
    static void assertContains(JsonNode expected, JsonNode actual, String where) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                throw new AssertionError(where + ": expected an object, found " + actual);
            }
            expected.fieldNames().forEachRemaining(field -> {
                JsonNode found = actual.get(field);
                if (found == null) {
                    throw new AssertionError(where + "." + field + ": missing (expected " + expected.get(field) + ")");
                }
                assertContains(expected.get(field), found, where + "." + field);
            });
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                throw new AssertionError(where + ": expected " + expected.size() + " elements, found "
                        + (actual.isArray() ? actual.size() : actual));
            }
            for (int i = 0; i < expected.size(); i++) {
                assertContains(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
        } else if (!expected.equals(actual)) {
            throw new AssertionError(where + ": expected " + expected + ", found " + actual);
        }
    }

    /**
     * Every expected row of every expected table is in {@code actual} with the same values in the
     * expected columns (a later release may add rows and columns).
     */
    static void assertRowsContained(JsonNode expected, JsonNode actual) {
        expected.fieldNames().forEachRemaining(table -> {
            JsonNode found = actual.get(table);
            if (found == null) {
                throw new AssertionError("table " + table + " is gone");
            }
            for (JsonNode row : expected.get(table)) {
                boolean present = false;
                for (JsonNode candidate : found) {
                    if (hasColumnsOf(row, candidate)) {
                        present = true;
                        break;
                    }
                }
                if (!present) {
                    throw new AssertionError("table " + table + ": row missing or changed: " + row);
                }
            }
        });
    }

    private static boolean hasColumnsOf(JsonNode expectedRow, JsonNode candidate) {
        var columns = expectedRow.fields();
        while (columns.hasNext()) {
            Map.Entry<String, JsonNode> column = columns.next();
            if (!column.getValue().equals(candidate.get(column.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static void writeGzippedJson(JsonNode node, Path file) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            JSON.writeValue(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readGzippedJson(InputStream gzipped) {
        try (InputStream in = new GZIPInputStream(gzipped)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(String method, String path, String json, int expectedStatus, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(method + " " + path + ": expected " + expectedStatus + ", got "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
