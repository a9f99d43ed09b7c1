package io.modeldeploy.gui.api;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which server the console talks to: one it started in-process ({@code embedded}, with its data
 * directory) or another one the user chose; and the token the console authenticates with, where
 * it came from, and where this machine's local token file is. {@link #toString()} never shows
 * the secret.
 */
public record ConnectionInfo(URI baseUrl, boolean embedded, Path dataDir, String token, TokenSource tokenSource,
                             Path localTokenFile) {

    /** Where the console's token came from. */
    public enum TokenSource {
        /** No token: the console relies on being a loopback caller. */
        NONE,
        /** The {@code local-token} file of a data directory (the server's editor token for this OS user). */
        LOCAL_TOKEN_FILE,
        /** The {@code --token} option. */
        OPTION,
        /** The {@code MODELDEPLOY_TOKEN} environment variable. */
        ENVIRONMENT,
        /** Entered by the user when connecting to a server. */
        ENTERED
    }

    public ConnectionInfo {
        Objects.requireNonNull(baseUrl, "baseUrl");
        token = token == null || token.isBlank() ? null : token.strip();
        tokenSource = token == null ? TokenSource.NONE : Objects.requireNonNull(tokenSource, "tokenSource");
    }

    public ConnectionInfo(URI baseUrl, boolean embedded, Path dataDir) {
        this(baseUrl, embedded, dataDir, null, TokenSource.NONE, null);
    }

    /** A server started by this console, without a token. */
    public static ConnectionInfo embedded(URI baseUrl, Path dataDir) {
        return new ConnectionInfo(baseUrl, true, dataDir);
    }

    /** A server started by this console; the console uses the local token of its data directory. */
    public static ConnectionInfo embedded(URI baseUrl, Path dataDir, String localToken, Path localTokenFile) {
        return new ConnectionInfo(baseUrl, true, dataDir, localToken, TokenSource.LOCAL_TOKEN_FILE, localTokenFile);
    }

    /** An external server, without a token. */
    public static ConnectionInfo remote(URI baseUrl) {
        return new ConnectionInfo(baseUrl, false, null);
    }

    /** An external server with the token from {@code source} ({@code localTokenFile} may be null). */
    public static ConnectionInfo remote(URI baseUrl, String token, TokenSource source, Path localTokenFile) {
        return new ConnectionInfo(baseUrl, false, null, token, source, localTokenFile);
    }

    public boolean hasToken() {
        return token != null;
    }

    /** True when the server listens on this machine's loopback address (callers here may go without a token). */
    public boolean isLoopback() {
        String host = baseUrl.getHost();
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public String toString() {
        return "ConnectionInfo[baseUrl=" + baseUrl + ", embedded=" + embedded + ", dataDir=" + dataDir
                + ", token=" + (token == null ? "none" : "<hidden>") + ", tokenSource=" + tokenSource
                + ", localTokenFile=" + localTokenFile + "]";
    }
}
