package io.modeldeploy.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running instance per data directory: an OS file lock on {@code instance.lock}, held while
 * the server runs and released by the OS even when the process is killed.
 */
final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "instance.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DataDirectoryLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this very JVM: another instance is running here
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ServerStartException("Cannot lock the data directory " + dataDir + " (" + e.getMessage()
                    + "). Choose another with --data-dir.", e);
        }
        closeQuietly(channel);
        throw new ServerStartException("The database in " + dataDir
                + " is in use by another running ModelDeploy instance. Close it, or use another --data-dir.", null);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
