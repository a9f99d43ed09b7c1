package io.modeldeploy.gui.export;

import io.modeldeploy.model.ChangeSource;
import io.modeldeploy.model.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV per RFC 4180 (Apache Commons CSV): a header row of the column keys, then one record per row;
 * text cells spreadsheet-safe ({@link SpreadsheetCells}), times ISO-8601 in UTC, statuses and sources
 * as on the wire. A history export reads exactly like the server's ({@link io.modeldeploy.model.HistoryExportEntry#csvCells()}).
 */
final class CsvTableWriter<T> implements TableWriter<T> {

    private final ExportTable<T> table;
    private final CSVPrinter printer;

    CsvTableWriter(Writer out, ExportTable<T> table) throws IOException {
        this.table = table;
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(table.keys().toArray(String[]::new)).get());
    }

    @Override
    public void row(T row) throws IOException {
        List<String> cells = new ArrayList<>(table.columns().size());
        for (ExportTable.Column<T> column : table.columns()) {
            cells.add(cell(column.value().apply(row), column.text()));
        }
        printer.printRecord(cells);
    }

    private static String cell(Object value, boolean text) {
        if (value == null) {
            return "";
        }
        if (value instanceof ChangeSource source) {
            return source.wireName();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        String cell = value.toString();
        return text ? SpreadsheetCells.safe(cell) : cell;
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
    }
}
