package io.modeldeploy.server.backup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.modeldeploy.model.BackupFile;
import io.modeldeploy.server.error.DiskFull;
import io.modeldeploy.server.error.HttpErrorException;
import io.modeldeploy.server.persistence.SchemaMigrations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online backups of the built-in database into the data directory's {@code backups/} folder. H2's
 * {@code BACKUP TO} copies the database file from one snapshot of its store while the server goes on
 * serving: every change acknowledged before the backup began is in it (each is checkpointed before
 * its answer, see DurableCommits). One backup is written at a time.
 */
@Singleton
@Requires(property = "datasources.default.dialect", value = "H2")
@Requires(property = "modeldeploy.data-dir")
public class BackupService {
    public static final String FOLDER = "backups";
    static final Pattern NAME = Pattern.compile("modeldeploy-backup-\\d{8}T\\d{6}Z(-\\d+)?\\.zip");
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final DataSource pool;
    private final Path folder;
    private final Clock clock;

    public BackupService(DataSource dataSource, @Value("${modeldeploy.data-dir}") String dataDir, Clock clock) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.folder = Path.of(dataDir).resolve(FOLDER);
        this.clock = clock;
    }

    /** Writes a new backup and describes it; 503 when the disk has no room for it (nothing is left behind). */
    public synchronized BackupFile create() {
        Instant startedAt = clock.instant();
        Path partial = null;
        try {
            Files.createDirectories(folder);
            Path target = uniqueTarget(startedAt);
            partial = folder.resolve("." + target.getFileName() + ".h2");
            long lastEventId;
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                try (ResultSet last = statement.executeQuery("SELECT last_id FROM event_sequence WHERE id = 1")) {
                    last.next();
                    lastEventId = last.getLong(1);
                }
                statement.execute("BACKUP TO '" + partial.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            BackupArchive.Manifest manifest = new BackupArchive.Manifest(startedAt, lastEventId, SchemaMigrations.NEWEST);
            BackupArchive.write(partial, manifest, target);
            BackupFile written = describe(target, manifest);
            LOG.info("Backup written: {} ({} bytes, events up to {})", target, written.sizeBytes(), lastEventId);
            return written;
        } catch (SQLException | IOException e) {
            if (DiskFull.isCause(e)) {
                LOG.warn("Backup not written: no space left in {}", folder);
                throw DiskFull.unavailable("There is no space left in " + folder + " for a backup: nothing was written."
                        + " Free some space (remove old backups, copy them elsewhere) and try again.");
            }
            throw new IllegalStateException("Could not write a backup into " + folder, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Every backup in the folder, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).toList()) {
                try {
                    found.add(describe(file, BackupArchive.read(file)));
                } catch (IOException e) {
                    LOG.warn("Not listed as a backup: {} ({})", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
        found.sort(Comparator.comparing(BackupFile::startedAt).thenComparing(BackupFile::file).reversed());
        return found;
    }

    private Path uniqueTarget(Instant startedAt) {
        String stamp = BackupArchive.STAMP.format(startedAt);
        Path target = folder.resolve("modeldeploy-backup-" + stamp + ".zip");
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve("modeldeploy-backup-" + stamp + "-" + n + ".zip");
        }
        return target;
    }

    private static BackupFile describe(Path file, BackupArchive.Manifest manifest) throws IOException {
        return new BackupFile(file.getFileName().toString(), Files.size(file), manifest.startedAt(), manifest.lastEventId());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", file, e.getMessage());
            }
        }
    }
}
