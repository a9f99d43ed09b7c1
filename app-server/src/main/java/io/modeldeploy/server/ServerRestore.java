package io.modeldeploy.server;

import io.modeldeploy.server.backup.BackupArchive;
import io.modeldeploy.server.persistence.SchemaMigrations;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code restore FILE [--data-dir DIR] [--force]}: puts a backup's database into a data directory
 * whose server is stopped. Refuses a directory in use, and one that is not empty unless forced (a
 * database found there is then kept beside, renamed, not deleted). The event ids of the restored
 * database then jump past every id the backed-up server can have handed out since the backup began,
 * so that a client resuming from one of those gets a {@code resync} instead of somebody else's events.
 */
public final class ServerRestore {
    public static final String USAGE = """
            Usage: java -jar app-server-all.jar restore FILE [--data-dir DIR] [--force]
              FILE              a backup (POST /apis/modeldeploy/v1/backups writes them into DIR/backups)
              --data-dir DIR    the data directory to restore into (default as for the server); its
                                server must be stopped, and it must be empty unless --force
              --force           restore into a directory that is not empty; a database there is kept
                                as modeldeploy.mv.db.replaced-<time>""";
    /**
     * Event ids the backed-up server can have handed out per second after the backup began: far more
     * than it writes (a few thousand per second), so the restored ids never meet one handed out.
     */
    static final long EVENT_IDS_PER_SECOND = 100_000;
    /** At least this many ids are skipped, whatever the clocks say. */
    static final long MINIMUM_SKIP = 1_000_000;

    private final PrintStream out;
    private final Clock clock;

    ServerRestore(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Runs the command; {@code args} after the word {@code restore}. Returns the process exit code. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            return new ServerRestore(out, Clock.systemUTC()).restore(Options.parse(args, environment));
        } catch (IllegalArgumentException e) {
            err.println("modeldeploy restore: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RestoreRefused e) {
            err.println("modeldeploy restore: " + e.getMessage());
            return 1;
        }
    }

    record Options(Path file, Path dataDir, boolean force, boolean helpRequested) {
        static Options parse(String[] args, Map<String, String> environment) {
            Path file = null;
            String dataDir = null;
            boolean force = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new Options(null, null, false, true);
                } else if (arg.equals("--force")) {
                    force = true;
                } else if (arg.equals("--data-dir") || arg.startsWith("--data-dir=")) {
                    String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                            : i + 1 < args.length ? args[++i] : "";
                    if (value.isBlank()) {
                        throw new IllegalArgumentException("--data-dir needs a value");
                    }
                    dataDir = value;
                } else if (arg.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                } else if (file == null) {
                    file = Path.of(arg);
                } else {
                    throw new IllegalArgumentException("one backup file only, not also '" + arg + "'");
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("which backup? give its file");
            }
            return new Options(file, DataDirectory.resolve(dataDir, environment), force, false);
        }
    }

    int restore(Options options) {
        if (options.helpRequested()) {
            out.println(USAGE);
            return 0;
        }
        Path file = options.file();
        BackupArchive.Manifest manifest;
        try {
            if (!Files.isRegularFile(file)) {
                throw new RestoreRefused("There is no backup file " + file);
            }
            manifest = BackupArchive.read(file);
        } catch (IOException e) {
            throw new RestoreRefused(e.getMessage());
        }
        if (MigrationVersion.fromVersion(manifest.schemaVersion())
                .compareTo(MigrationVersion.fromVersion(SchemaMigrations.NEWEST)) > 0) {
            throw new RestoreRefused(file + " was made by a newer ModelDeploy release (schema version "
                    + manifest.schemaVersion() + ", this release knows versions up to " + SchemaMigrations.NEWEST
                    + "): restore it with that release");
        }
        Path dataDir = options.dataDir();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new RestoreRefused("Cannot create the data directory " + dataDir + " (" + e.getMessage() + ")");
        }
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(dataDir);
        } catch (ServerStartException e) {
            throw new RestoreRefused(dataDir + " is in use by a running ModelDeploy server (or console): stop it,"
                    + " then restore");
        }
        try (lock) {
            return restoreInto(file, manifest, dataDir, options.force());
        } catch (IOException | SQLException e) {
            throw new RestoreRefused("Could not restore " + file + " into " + dataDir + ": " + e.getMessage());
        }
    }

    private int restoreInto(Path file, BackupArchive.Manifest manifest, Path dataDir, boolean force)
            throws IOException, SQLException {
        List<String> present;
        try (Stream<Path> entries = Files.list(dataDir)) {
            present = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals(DataDirectoryLock.FILE_NAME)).sorted().toList();
        }
        if (!present.isEmpty() && !force) {
            throw new RestoreRefused(dataDir + " is not empty (" + String.join(", ", present) + "): restore into an"
                    + " empty directory, or add --force to restore here (a database found here is kept beside it)");
        }
        Path database = dataDir.resolve(BackupArchive.DATABASE_ENTRY);
        Path restoring = dataDir.resolve(BackupArchive.DATABASE_ENTRY + ".restoring");
        Files.deleteIfExists(restoring);
        BackupArchive.extractDatabase(file, restoring);
        if (Files.exists(database)) {
            Path kept = dataDir.resolve(BackupArchive.DATABASE_ENTRY + ".replaced-" + BackupArchive.STAMP.format(clock.instant()));
            Files.move(database, kept);
            out.println("The database that was in " + dataDir + " is kept as " + kept.getFileName());
        }
        Files.move(restoring, database, StandardCopyOption.ATOMIC_MOVE);
        long[] ids = skipEventIds(dataDir, manifest.startedAt());
        out.println("Restored " + file.getFileName() + " (begun " + manifest.startedAt() + ", schema version "
                + manifest.schemaVersion() + ") into " + dataDir + ".");
        out.println("Its newest event is " + ids[0] + "; new events are numbered from " + (ids[1] + 1) + ", so a"
                + " client that saw a later event of the old server reloads instead of resuming. Start the server"
                + " (or the console) on " + dataDir + ".");
        return 0;
    }

    /** Moves the restored database's event sequence past every id handed out since the backup began: {before, after}. */
    private long[] skipEventIds(Path dataDir, Instant backupStarted) throws SQLException {
        long secondsSince = Math.max(0, Duration.between(backupStarted, clock.instant()).toSeconds()) + 60;
        long skip = Math.max(MINIMUM_SKIP, Math.multiplyExact(secondsSince, EVENT_IDS_PER_SECOND));
        String url = new ServerOptions(ServerOptions.DEFAULT_BIND, 0, dataDir).jdbcUrl();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            long before;
            try (ResultSet last = statement.executeQuery("SELECT last_id FROM event_sequence WHERE id = 1")) {
                last.next();
                before = last.getLong(1);
            }
            statement.executeUpdate("UPDATE event_sequence SET last_id = last_id + " + skip + " WHERE id = 1");
            statement.execute("CHECKPOINT SYNC");
            return new long[] {before, before + skip};
        }
    }

    /** The restore cannot be done as asked; the message says why and what to do. */
    static final class RestoreRefused extends RuntimeException {
        RestoreRefused(String message) {
            super(message, null, false, false);
        }
    }
}
