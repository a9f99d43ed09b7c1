package io.modeldeploy.gui.export;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file an export writes: CSV for spreadsheets and scripts, JSON for programs, Markdown
 * for a table a person pastes into an incident report.
 */
public enum ExportFormat {
    CSV("CSV (spreadsheets)", "csv"),
    JSON("JSON", "json"),
    MARKDOWN("Markdown table", "md");

    private final String description;
    private final String extension;

    ExportFormat(String description, String extension) {
        this.description = description;
        this.extension = extension;
    }

    /** The file chooser's name for the format, e.g. "CSV (spreadsheets)". */
    public String description() {
        return description;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format a file name's extension names ({@code .markdown} too), if any. */
    public static Optional<ExportFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ExportFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return Optional.of(format);
            }
        }
        return lower.endsWith(".markdown") ? Optional.of(MARKDOWN) : Optional.empty();
    }

    /**
     * The file chosen and its format: the extension typed decides when it names a format; otherwise
     * the format of the chooser's filter, whose extension is added to the name.
     */
    public static Choice choose(Path chosen, ExportFormat filterFormat) {
        Optional<ExportFormat> typed = ofFileName(chosen.getFileName().toString());
        if (typed.isPresent()) {
            return new Choice(chosen, typed.get());
        }
        return new Choice(chosen.resolveSibling(chosen.getFileName() + "." + filterFormat.extension), filterFormat);
    }

    /** A file to write and the format to write it in. */
    public record Choice(Path file, ExportFormat format) {
    }

    /** A writer of {@code table}'s rows in this format to {@code out}; nothing is written before the first call. */
    <T> TableWriter<T> open(Writer out, ExportTable<T> table, ExportHeading heading) throws IOException {
        return switch (this) {
            case CSV -> new CsvTableWriter<>(out, table);
            case JSON -> new JsonTableWriter<>(out, table);
            case MARKDOWN -> new MarkdownTableWriter<>(out, table, heading);
        };
    }
}
