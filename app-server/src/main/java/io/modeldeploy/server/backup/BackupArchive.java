package io.modeldeploy.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A backup file: a zip holding the database file as H2's {@code BACKUP TO} wrote it and a manifest,
 * {@value #MANIFEST}, saying when the backup began, the newest event then, and the schema version.
 */
public final class BackupArchive {
    public static final String DATABASE_ENTRY = "modeldeploy.mv.db";
    /** The UTC time in the names of backups and of databases a restore set aside. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    static final String MANIFEST = "modeldeploy-backup.properties";
    private static final String FORMAT = "1";

    /** What the manifest says. */
    public record Manifest(Instant startedAt, long lastEventId, String schemaVersion) {
    }

    private BackupArchive() {
    }

    /** Writes {@code target}: the entries of H2's backup zip and the manifest (through a temporary file, then moved). */
    static void write(Path h2Backup, Manifest manifest, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (ZipFile h2 = new ZipFile(h2Backup.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
            Enumeration<? extends ZipEntry> entries = h2.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = h2.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(MANIFEST));
            out.write(manifestText(manifest).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The manifest of a backup file.
     *
     * @throws InvalidBackupException when the file is not a ModelDeploy backup (with what is wrong)
     */
    public static Manifest read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null || zip.getEntry(DATABASE_ENTRY) == null) {
                throw new InvalidBackupException(file + " is not a ModelDeploy backup (it has no " + MANIFEST
                        + " or no " + DATABASE_ENTRY + ")");
            }
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            if (!FORMAT.equals(properties.getProperty("format"))) {
                throw new InvalidBackupException(file + " is a backup of another format (" + properties.getProperty("format")
                        + "): restore it with the release that made it");
            }
            try {
                return new Manifest(Instant.parse(properties.getProperty("started_at")),
                        Long.parseLong(properties.getProperty("last_event_id")), properties.getProperty("schema_version"));
            } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
                throw new InvalidBackupException(file + " has a damaged manifest (" + MANIFEST + ")");
            }
        } catch (ZipException e) {
            throw new InvalidBackupException(file + " is not a ModelDeploy backup (not a zip file: " + e.getMessage() + ")");
        }
    }

    /** Copies the database file out of a backup to {@code target} (which must not exist). */
    public static void extractDatabase(Path file, Path target) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(DATABASE_ENTRY));
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    private static String manifestText(Manifest manifest) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", FORMAT);
        properties.setProperty("started_at", manifest.startedAt().toString());
        properties.setProperty("last_event_id", Long.toString(manifest.lastEventId()));
        properties.setProperty("schema_version", manifest.schemaVersion());
        StringWriter text = new StringWriter();
        properties.store(text, "ModelDeploy backup of the built-in database");
        return text.toString();
    }

    /** A file that is not a usable ModelDeploy backup; the message says why. */
    public static final class InvalidBackupException extends IOException {
        public InvalidBackupException(String message) {
            super(message);
        }
    }
}
