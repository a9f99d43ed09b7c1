package io.modeldeploy.gui.export;

import com.fasterxml.jackson.core.type.TypeReference;
import io.modeldeploy.gui.api.Json;
import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.DeploymentStatus;
import io.modeldeploy.model.HistoryExportEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three formats with hostile content: read back, every field comes out as it went in. */
class ExportWritersTest {

    private static final String HOSTILE_MESSAGE = "said \"no\", then\r\nretried\nat 3 | 4 `code` *bold* <b>x</b> \\ \uD83D\uDE80";
    private static final HistoryExportEntry HOSTILE = new HistoryExportEntry("team, \"a\"", "=cmd|' /C calc'!A0", 3,
            Instant.parse("2026-12-04T10:05:12.123456Z"), DeploymentStatus.ERROR, HOSTILE_MESSAGE, "+provider",
            "@alice \uD83D\uDC69\u200D\uD83D\uDCBB", ChangeSource.GUI);
    private static final HistoryExportEntry PLAIN = new HistoryExportEntry("default", "llama", 1,
            Instant.parse("2026-12-04T09:00:00Z"), DeploymentStatus.READY, "", null, "-", ChangeSource.API);
    private static final ExportHeading HEADING = new ExportHeading("History of team|a `x`", "http://127.0.0.1:8080",
            Instant.parse("2026-12-04T11:00:00Z"), ZoneId.of("UTC"));

    private static String write(ExportFormat format, List<HistoryExportEntry> entries) throws IOException {
        StringWriter out = new StringWriter();
        TableWriter<HistoryExportEntry> writer = format.open(out, ExportTables.HISTORY, HEADING);
        for (HistoryExportEntry entry : entries) {
            writer.row(entry);
        }
        writer.finish();
        return out.toString();
    }

    @Test
    void csvReadsBackThroughCommonsCsvWithSpreadsheetSafeTextCells() throws IOException {
        String csv = write(ExportFormat.CSV, List.of(HOSTILE, PLAIN));

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(2, records.size());
        assertEquals(HistoryExportEntry.COLUMNS, records.get(0).getParser().getHeaderNames());
        assertEquals(HOSTILE.csvCells(), records.get(0).toList(), "the same cells as the server's export");
        assertEquals("'=cmd|' /C calc'!A0", records.get(0).get("name"));
        assertEquals(HOSTILE_MESSAGE, records.get(0).get("status_message"));
        assertEquals("'+provider", records.get(0).get("model_provider_id"));
        assertEquals("'@alice \uD83D\uDC69\u200D\uD83D\uDCBB", records.get(0).get("actor"));
        assertEquals("2026-12-04T10:05:12.123456Z", records.get(0).get("timestamp"));
        assertEquals("gui", records.get(0).get("source"));
        assertEquals("", records.get(1).get("model_provider_id"));
        assertEquals("'-", records.get(1).get("actor"));
        assertTrue(csv.startsWith(String.join(",", HistoryExportEntry.COLUMNS) + "\r\n"));
    }

    @Test
    void jsonIsAnArrayOfHistoryExportEntries() throws IOException {
        String json = write(ExportFormat.JSON, List.of(HOSTILE, PLAIN));

        List<HistoryExportEntry> back = Json.mapper().readValue(json, new TypeReference<>() {
        });
        assertEquals(List.of(HOSTILE, PLAIN), back);
        List<Map<String, Object>> raw = Json.mapper().readValue(json, new TypeReference<>() {
        });
        assertEquals(HistoryExportEntry.COLUMNS, List.copyOf(raw.get(0).keySet()));
        assertEquals(3, raw.get(0).get("version"));
        assertTrue(raw.get(1).containsKey("model_provider_id"));
        assertEquals(null, raw.get(1).get("model_provider_id"));
        assertEquals("[ ]", write(ExportFormat.JSON, List.of()).strip());
    }

    @Test
    void markdownIsOneTableLinePerEntryWithEveryCellLiteral() throws IOException {
        String markdown = write(ExportFormat.MARKDOWN, List.of(HOSTILE, PLAIN));

        List<String> lines = markdown.lines().toList();
        assertEquals("### History of team\\|a \\`x\\`", lines.get(0));
        assertEquals("Exported 2026-12-04 11:00:00 UTC from http://127.0.0.1:8080", lines.get(2));
        assertEquals("| Workspace | Name | Version | Time | Status | Status message | Model provider | Actor | Source |",
                lines.get(4));
        assertEquals("| --- | --- | --- | --- | --- | --- | --- | --- | --- |", lines.get(5));
        assertEquals(8, lines.size(), "title, server line, header, rule and one line per entry: " + markdown);
        String hostile = lines.get(6);
        assertEquals("| team, \"a\" | =cmd\\|' /C calc'\\!A0 | 3 | 2026-12-04 10:05:12 UTC | ERROR | "
                + "said \"no\", then<br>retried<br>at 3 \\| 4 \\`code\\` \\*bold\\* \\<b\\>x\\</b\\> \\\\ \uD83D\uDE80 | "
                + "+provider | @alice \uD83D\uDC69\u200D\uD83D\uDCBB | gui |", hostile);
        assertEquals(10, cellSeparators(hostile), "no pipe of the content splits a cell");
        assertFalse(markdown.contains("No entries."));
        assertTrue(write(ExportFormat.MARKDOWN, List.of()).endsWith("\nNo entries.\n"));
    }

    /** Pipes not escaped by a backslash. */
    private static int cellSeparators(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '|') {
                count++;
            }
        }
        return count;
    }

    @Test
    void theFormatIsTheTypedExtensionElseTheChosenFilterWhoseExtensionIsAdded() {
        var typed = ExportFormat.choose(java.nio.file.Path.of("/tmp/out/report.md"), ExportFormat.CSV);
        assertEquals(ExportFormat.MARKDOWN, typed.format());
        assertEquals("report.md", typed.file().getFileName().toString());

        var untyped = ExportFormat.choose(java.nio.file.Path.of("/tmp/out/report"), ExportFormat.JSON);
        assertEquals(ExportFormat.JSON, untyped.format());
        assertEquals("/tmp/out/report.json", untyped.file().toString());

        assertEquals(ExportFormat.CSV, ExportFormat.choose(java.nio.file.Path.of("A.CSV"), ExportFormat.JSON).format());
    }
}
