package io.modeldeploy.server.service;

import io.micronaut.json.JsonMapper;
import io.modeldeploy.model.HistoryExportEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the pages of one export into the bytes of its format, page by page: the opening (the CSV
 * header row, the JSON array's bracket) with the first page, the closing with the last. Not shared
 * between exports.
 */
final class HistoryExportWriter {
    /** RFC 4180: comma, double quotes (doubled inside), CRLF after every row. */
    private static final CSVFormat CSV = CSVFormat.RFC4180;

    private final HistoryExportFormat format;
    private final JsonMapper json;
    private boolean opened;
    private boolean anyEntry;

    HistoryExportWriter(HistoryExportFormat format, JsonMapper json) {
        this.format = format;
        this.json = json;
    }

    /** The bytes of these entries (and of the opening before the first, the closing after the last page). */
    byte[] write(List<HistoryExportEntry> entries, boolean lastPage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * (entries.size() + 1));
        try {
            switch (format) {
                case CSV -> writeCsv(entries, out);
                case NDJSON -> writeNdjson(entries, out);
                case JSON -> writeJson(entries, lastPage, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the history export", e);
        }
        opened = true;
        return out.toByteArray();
    }

    private void writeCsv(List<HistoryExportEntry> entries, ByteArrayOutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(text, CSV);
        if (!opened) {
            printer.printRecord(HistoryExportEntry.COLUMNS);
        }
        for (HistoryExportEntry entry : entries) {
            printer.printRecord(entry.csvCells());
        }
        printer.flush();
    }

    private void writeNdjson(List<HistoryExportEntry> entries, ByteArrayOutputStream out) throws IOException {
        for (HistoryExportEntry entry : entries) {
            out.write(json.writeValueAsBytes(entry));
            out.write('\n');
        }
    }

    private void writeJson(List<HistoryExportEntry> entries, boolean lastPage, ByteArrayOutputStream out)
            throws IOException {
        if (!opened) {
            out.write('[');
        }
        for (HistoryExportEntry entry : entries) {
            if (anyEntry) {
                out.write(',');
            }
            out.write(json.writeValueAsBytes(entry));
            anyEntry = true;
        }
        if (lastPage) {
            out.write(']');
        }
    }
}
