package io.modeldeploy.gui.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.modeldeploy.gui.api.Json;
import io.modeldeploy.model.ChangeSource;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * A JSON array of objects, one per row, keyed like the CSV header (a history export's objects are
 * {@link io.modeldeploy.model.HistoryExportEntry}s as the server sends them); written as it goes.
 */
final class JsonTableWriter<T> implements TableWriter<T> {

    private final ExportTable<T> table;
    private final JsonGenerator json;

    JsonTableWriter(Writer out, ExportTable<T> table) throws IOException {
        this.table = table;
        this.json = Json.mapper().getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        json.writeStartArray();
    }

    @Override
    public void row(T row) throws IOException {
        json.writeStartObject();
        for (ExportTable.Column<T> column : table.columns()) {
            json.writeFieldName(column.key());
            Object value = column.value().apply(row);
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Integer number) {
                json.writeNumber(number);
            } else if (value instanceof Long number) {
                json.writeNumber(number);
            } else if (value instanceof ChangeSource source) {
                json.writeString(source.wireName());
            } else if (value instanceof Enum<?> constant) {
                json.writeString(constant.name());
            } else if (value instanceof Instant time) {
                json.writeString(time.toString());
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
    }
}
