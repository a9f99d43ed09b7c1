package io.modeldeploy.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modeldeploy.model.HistoryExportEntry;
import io.modeldeploy.model.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads history exports back the way their users do: CSV with Apache Commons CSV, NDJSON and JSON with
 * Jackson; each entry as the map of its column names to its values as text (null where empty or null).
 */
final class HistoryExports {
    static final String EXPORT = "/apis/modeldeploy/v1/history-export";
    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private HistoryExports() {
    }

    /** The CSV rows as parsed, with the header row checked and the spreadsheet mark still on the cells. */
    static List<Map<String, String>> csvRows(String body) {
        assertTrue(body.startsWith(String.join(",", HistoryExportEntry.COLUMNS) + "\r\n"),
                "a header row ending in CRLF first: " + body.substring(0, Math.min(200, body.length())));
        try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            assertEquals(HistoryExportEntry.COLUMNS, parser.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                assertEquals(HistoryExportEntry.COLUMNS.size(), record.size(), "cells of row " + record.getRecordNumber());
                rows.add(record.toMap());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV entries with the spreadsheet mark taken off the cells that carry it, empty cells as null. */
    static List<Map<String, String>> csvEntries(String body) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (Map<String, String> row : csvRows(body)) {
            Map<String, String> entry = new LinkedHashMap<>();
            for (String column : HistoryExportEntry.COLUMNS) {
                String cell = row.get(column);
                entry.put(column, cell.isEmpty() && column.equals("model_provider_id") ? null : unmarked(cell));
            }
            entries.add(entry);
        }
        return entries;
    }

    /** A cell as it was before {@link SpreadsheetCells#safe}. */
    static String unmarked(String cell) {
        return cell.length() > 1 && cell.charAt(0) == SpreadsheetCells.TEXT_MARK
                && !SpreadsheetCells.safe(cell.substring(1)).equals(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** NDJSON lines; an empty export has no body (null). */
    static List<Map<String, String>> ndjsonEntries(String body) {
        if (body == null) {
            return List.of();
        }
        assertTrue(body.isEmpty() || body.endsWith("\n"), "every line ends with a newline");
        List<Map<String, String>> entries = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                entries.add(texts(read(line, Map.class)));
            }
        }
        return entries;
    }

    static List<Map<String, String>> jsonEntries(String body) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (Object item : read(body, List.class)) {
            entries.add(texts((Map<?, ?>) item));
        }
        return entries;
    }

    /** The object's fields, exactly the export's, as text. */
    private static Map<String, String> texts(Map<?, ?> object) {
        assertEquals(HistoryExportEntry.COLUMNS, new ArrayList<>(object.keySet()), "the fields in column order");
        Map<String, String> entry = new LinkedHashMap<>();
        for (String column : HistoryExportEntry.COLUMNS) {
            Object value = object.get(column);
            entry.put(column, value == null ? null : value.toString());
        }
        return entry;
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JACKSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
