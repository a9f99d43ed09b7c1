package io.modeldeploy.server.export;

import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.server.durability.ServerProcess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet history export of 1,000,000 entries from a server whose heap is capped at 128 MB (a child
 * JVM on an H2 file database filled beforehand): the whole CSV arrives, in time order, the server
 * lives on without running out of memory, and while the export is under way another request is
 * answered. Figures are printed, not asserted.
 */
@Timeout(240)
class HistoryExportMillionEntriesTest {
    private static final int ENTRIES = 1_000_000;
    private static final int VERSIONS = 1_000;
    private static final int READ_BEFORE_PAUSE = 100_000;
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aMillionEntriesStreamFromA128MegabyteHeap(@TempDir Path temp) throws Exception {
        Path dataDir = temp.resolve("data");
        long filling = System.nanoTime();
        fill(dataDir);
        System.out.printf("[export] %,d entries written to the H2 file in %.1f s%n", ENTRIES, seconds(filling));

        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(temp.resolve("server.log"), "128m", Map.of(),
                "--port", Integer.toString(port), "--data-dir", dataDir.toString())) {
            String base = "http://127.0.0.1:" + server.awaitListening(Duration.ofSeconds(60));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

            long started = System.nanoTime();
            HttpResponse<InputStream> export = http.send(HttpRequest.newBuilder(URI.create(base
                            + "/apis/modeldeploy/v1/history-export")).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, export.statusCode());
            long rows = 0;
            Instant previous = Instant.MIN;
            try (CSVParser parser = CSVParser.parse(new InputStreamReader(export.body(), StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                assertEquals(HistoryExportEntry.COLUMNS, parser.getHeaderNames());
                Iterator<CSVRecord> records = parser.iterator();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    Instant at = Instant.parse(record.get("timestamp"));
                    assertFalse(at.isBefore(previous), "time order at row " + rows);
                    previous = at;
                    rows++;
                    if (rows == READ_BEFORE_PAUSE) {
                        answeredMeanwhile(http, base);
                    }
                }
            }
            double seconds = seconds(started);
            long pid = server.process().pid();
            System.out.printf("[export] %,d rows in %.1f s (%,.0f rows/s); server peak RSS (VmHWM) %.0f MiB with -Xmx128m%n",
                    rows, seconds, rows / seconds, statusMiB(pid, "VmHWM"));

            assertEquals(ENTRIES, rows);
            assertEquals(FIRST.plusMillis(ENTRIES), previous);
            assertTrue(server.isAlive(), "the server still runs");
            assertFalse(server.log().contains("OutOfMemoryError"), server.tail());
        }
    }

    /** The export has begun and waits for this reader: a request on another connection is answered now. */
    private static void answeredMeanwhile(HttpClient http, String base) throws IOException, InterruptedException {
        long asked = System.nanoTime();
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/apis/models/v2/workspaces/default/deployments/bulk-0007")).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, other.statusCode(), other.body());
        assertTrue(other.body().contains("\"name\":\"bulk-0007\""), other.body());
        System.out.printf("[export] a deployment read during the export, after %,d rows: answered in %.0f ms%n",
                READ_BEFORE_PAUSE, seconds(asked) * 1000);
    }

    /**
     * The server's schema, 1,000 versions with 1,000 entries each, one millisecond apart, written by SQL
     * before the last migration (which indexes them by time: faster at once than row by row).
     */
    private static void fill(Path dataDir) throws SQLException, IOException {
        Files.createDirectories(dataDir);
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("modeldeploy") + ";CACHE_SIZE=262144";
        migrate(url, MigrationVersion.fromVersion("7"));
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            // every row refers to a version just written; H2 need not look each one up
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
            statement.executeUpdate("INSERT INTO deployment_version (id, workspace, name, entity_version, config,"
                    + " config_version, status, status_message, created_by, created_at, updated_at, status_since)"
                    + " SELECT 'bulk-' || LPAD(X, 4, '0'), 'default', 'bulk-' || LPAD(X, 4, '0'), 1, 'cfg', 1, 'READY',"
                    + " 'bulk', 'bulk', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'"
                    + " FROM SYSTEM_RANGE(0, " + (VERSIONS - 1) + ")");
            statement.executeUpdate("INSERT INTO status_event (deployment_id, status, status_message,"
                    + " actor, source, recorded_at)"
                    + " DIRECT SELECT 'bulk-' || LPAD(MOD(X, " + VERSIONS + "), 4, '0'),"
                    + " CASEWHEN(MOD(X, 3) = 0, 'ERROR', 'READY'), 'entry ' || X || ', \"quoted\"\nsecond line',"
                    + " 'bulk', 'api',"
                    + " DATEADD(MILLISECOND, X, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')"
                    + " FROM SYSTEM_RANGE(1, " + ENTRIES + ")");
            statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        migrate(url, MigrationVersion.LATEST);
    }

    private static void migrate(String url, MigrationVersion target) {
        Flyway.configure().dataSource(url, "sa", "").target(target)
                .locations("classpath:db/migration", "classpath:io/modeldeploy/server/persistence/migration")
                .load().migrate();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** A kB line of /proc/PID/status (VmHWM: the peak resident set) in MiB; -1 where there is none. */
    private static double statusMiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]) / 1024.0;
                }
            }
            return -1;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
