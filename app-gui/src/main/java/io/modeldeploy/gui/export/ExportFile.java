package io.modeldeploy.gui.export;

import io.modeldeploy.gui.api.ApiException;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes an export completely or not at all: into a temporary file beside the target (same folder,
 * so the move is a rename), which replaces the target only once everything is written. On any
 * failure or cancel the temporary file is deleted and the target, if it existed, is untouched.
 */
final class ExportFile {

    /** The content of an export: writes it to {@code out} and answers how many rows it wrote. */
    @FunctionalInterface
    interface Content {
        long writeTo(Writer out) throws IOException, ApiException;
    }

    /** Temporary files start with this, so a leftover (a killed console) is recognisable. */
    static final String TEMPORARY_PREFIX = ".export-";

    private ExportFile() {
    }

    static long write(Path target, Content content) throws IOException, ApiException {
        Path folder = target.toAbsolutePath().getParent();
        // Not Files.createTempFile: its owner-only permissions would stay with the moved file.
        Path temporary = Files.createFile(folder.resolve(TEMPORARY_PREFIX + UUID.randomUUID() + ".part"));
        // The console may exit while the cancelled writer is still unwinding: the file goes then at the latest.
        temporary.toFile().deleteOnExit();
        boolean moved = false;
        try {
            long rows;
            // Not Files.newOutputStream: an interrupt (Cancel) would close its channel under the writer.
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    new FileOutputStream(temporary.toFile()), StandardCharsets.UTF_8))) {
                rows = content.writeTo(out);
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new ExportCancelled();
            }
            move(temporary, target);
            moved = true;
            return rows;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Thrown in the writing thread when the export was cancelled: nothing is kept. */
    static final class ExportCancelled extends RuntimeException {
        ExportCancelled() {
            super("export cancelled", null, false, false);
        }
    }
}
