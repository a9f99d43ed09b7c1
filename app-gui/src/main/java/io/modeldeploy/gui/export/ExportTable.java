package io.modeldeploy.gui.export;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The columns of an export: the key (CSV header, JSON field), the heading a person reads (Markdown)
 * and how to take the value from a row. Values are text, numbers, instants, statuses or sources;
 * null is an empty cell (JSON: null).
 */
record ExportTable<T>(List<Column<T>> columns) {

    ExportTable {
        columns = List.copyOf(columns);
    }

    /**
     * One column; {@code text} marks free text a person or a script typed (names, messages), which CSV
     * makes spreadsheet-safe.
     */
    record Column<T>(String key, String heading, boolean text, Function<T, Object> value) {
        Column {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(value, "value");
        }
    }

    List<String> keys() {
        return columns.stream().map(Column::key).toList();
    }
}
