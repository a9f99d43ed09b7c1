package io.modeldeploy.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The local editor token in {@code <data dir>/local-token}: created on first start, readable by
 * the owner only. The console of the same user reads it and never has to ask for a token.
 */
public final class LocalTokenFile {
    public static final String FILE_NAME = "local-token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private LocalTokenFile() {
    }

    /** The secret in the data directory, created (owner-only) if there is none yet. */
    public static String readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        tighten(file);
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.isEmpty()) {
            throw new IOException(file + " is empty; delete it to get a new local token");
        }
        return secret;
    }

    /** The secret if the data directory has one (for a client of the same user), else null. */
    public static String readIfPresent(Path dataDir) {
        try {
            Path file = dataDir.resolve(FILE_NAME);
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void create(Path file) throws IOException {
        String secret = AccessToken.newSecret();
        if (supportsPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8);
    }

    private static void tighten(Path file) throws IOException {
        if (supportsPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
