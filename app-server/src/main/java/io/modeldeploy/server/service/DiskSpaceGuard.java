package io.modeldeploy.server.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the built-in database from running into a full disk. H2 that fails to write mid-commit
 * closes its store: reads fail too, and the database needs a restart. So writes are refused (503)
 * while the data directory's file system has less than a reserve free, before they touch the
 * database, and accepted again by themselves once there is room. The reserve is
 * {@code modeldeploy.disk.reserve} if set, else 20% of the file system, at most 64 MB.
 */
@Singleton
@Requires(property = "datasources.default.dialect", value = "H2")
@Requires(property = "modeldeploy.data-dir")
public class DiskSpaceGuard {
    static final long LARGEST_DEFAULT_RESERVE = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpaceGuard.class);

    private final Path dataDir;
    private final FileStore store;
    private final long reserve;
    private final AtomicBoolean refusing = new AtomicBoolean();


    public DiskSpaceGuard(@Value("${modeldeploy.data-dir}") String dataDir,
                          @Nullable @ReadableBytes @Value("${modeldeploy.disk.reserve}") Long configuredReserve)
            throws IOException {
        this.dataDir = Path.of(dataDir);
        this.store = Files.getFileStore(this.dataDir);
        this.reserve = configuredReserve != null ? configuredReserve
                : Math.min(LARGEST_DEFAULT_RESERVE, store.getTotalSpace() / 5);
        if (reserve < 0) {
            throw new IllegalArgumentException("modeldeploy.disk.reserve must not be negative, was " + configuredReserve);
        }
    }

    /** Why a write must wait, or empty when there is room for it. */
    public Optional<String> refusal() {
        long free;
        try {
            free = store.getUsableSpace();
        } catch (IOException e) {
            return Optional.empty(); // cannot tell: let the write find out
        }
        if (free >= reserve) {
            if (refusing.compareAndSet(true, false)) {
                LOG.info("Disk space of {} is back ({} MB free): writes are accepted again", dataDir, megabytes(free));
            }
            return Optional.empty();
        }
        if (refusing.compareAndSet(false, true)) {
            LOG.warn("The disk of {} is full ({} MB free, below the {} MB reserve): writes are refused until space is"
                    + " freed; reads go on", dataDir, megabytes(free), megabytes(reserve));
        }
        return Optional.of("The disk of the data directory " + dataDir + " is full (" + megabytes(free) + " MB free; the"
                + " server keeps " + megabytes(reserve) + " MB free so that the database is never cut off while it"
                + " writes). Nothing was changed; writes are accepted again once space is freed, reads go on.");
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
