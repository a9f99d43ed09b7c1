package io.modeldeploy.gui.export;

import io.modeldeploy.gui.util.TimeFormat;
import io.modeldeploy.model.ChangeSource;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A Markdown table to paste into an incident report: a title line saying what was exported, a line
 * saying from which server and when, then the table with the columns' headings. Times are written
 * in the console's zone, named. Cell text is kept literal: Markdown's punctuation (pipes, backticks,
 * emphasis, brackets, HTML) is backslash-escaped and line breaks become {@code <br>}.
 */
final class MarkdownTableWriter<T> implements TableWriter<T> {

    /** ASCII punctuation that could end a cell or start formatting, code, a link or HTML. */
    private static final String ESCAPED = "\\`*_[]<>|~#&!";

    private final Writer out;
    private final ExportTable<T> table;
    private final ZoneId zone;
    private long rows;

    MarkdownTableWriter(Writer out, ExportTable<T> table, ExportHeading heading) throws IOException {
        this.out = out;
        this.table = table;
        this.zone = heading.zone();
        out.write("### " + escape(heading.title()) + "\n\n");
        out.write("Exported " + TimeFormat.exact(heading.exportedAt(), zone) + " from " + escape(heading.server())
                + "\n\n");
        StringBuilder head = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (ExportTable.Column<T> column : table.columns()) {
            head.append(' ').append(escape(column.heading())).append(" |");
            rule.append(" --- |");
        }
        out.write(head + "\n" + rule + "\n");
    }

    @Override
    public void row(T row) throws IOException {
        StringBuilder line = new StringBuilder("|");
        for (ExportTable.Column<T> column : table.columns()) {
            line.append(' ').append(cell(column.value().apply(row))).append(" |");
        }
        out.write(line.append('\n').toString());
        rows++;
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant time) {
            return TimeFormat.exact(time, zone);
        }
        if (value instanceof ChangeSource source) {
            return source.wireName();
        }
        return escape(value.toString());
    }

    /** {@code text} as literal Markdown table cell content, on one line. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                escaped.append("<br>");
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                escaped.append("<br>");
            } else if (ESCAPED.indexOf(c) >= 0) {
                escaped.append('\\').append(c);
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public void finish() throws IOException {
        if (rows == 0) {
            out.write("\nNo entries.\n");
        }
        out.flush();
    }
}
