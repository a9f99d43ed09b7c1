package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The tokens this server knows: the local editor token (named after the OS user) and those from
 * {@code modeldeploy.tokens} and {@code MODELDEPLOY_TOKENS}, each {@code name:role:secret},
 * comma-separated. Refuses to start a server reachable from other machines that has no token
 * but the local one. Created with the server ({@code @Context}), so that both happen at start.
 */
@Context
public class TokenRegistry {
    public static final String ENV_VARIABLE = "MODELDEPLOY_TOKENS";
    private static final Logger LOG = LoggerFactory.getLogger(TokenRegistry.class);
    private static final Pattern TOKEN_NAME = Pattern.compile("^[\\w\\-.@]{1,255}$");

    private final List<AccessToken> tokens = new CopyOnWriteArrayList<>();
    private final boolean requireAuth;

    public TokenRegistry(@Nullable @Value("${modeldeploy.data-dir}") String dataDir,
                         @Nullable @Value("${modeldeploy.tokens}") String configuredTokens,
                         @Value("${modeldeploy.require-auth:false}") boolean requireAuth,
                         @Value("${micronaut.server.host:127.0.0.1}") String bindAddress) {
        this.requireAuth = requireAuth;
        List<AccessToken> known = new ArrayList<>();
        // Micronaut also maps MODELDEPLOY_TOKENS onto modeldeploy.tokens: read each source once,
        // under its own name, so that a mistake is reported where it was made.
        String fromEnvironment = System.getenv(ENV_VARIABLE);
        if (configuredTokens != null && !configuredTokens.equals(fromEnvironment)) {
            known.addAll(parse(configuredTokens, "modeldeploy.tokens"));
        }
        known.addAll(parse(fromEnvironment, ENV_VARIABLE));
        if (!isLoopback(bindAddress) && known.isEmpty()) {
            throw new IllegalStateException("Refusing to listen on " + bindAddress + " without an API token: other "
                    + "machines could reach it. Set " + ENV_VARIABLE + "=name:role:secret (role viewer or editor) "
                    + "or bind 127.0.0.1.");
        }
        if (dataDir != null) {
            try {
                known.add(new AccessToken(localUserName(), Role.EDITOR, LocalTokenFile.readOrCreate(Path.of(dataDir))));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the local token in " + dataDir, e);
            }
        }
        this.tokens.addAll(known);
        LOG.info("Access control: {} token(s) known{}", tokens.size(),
                requireAuth ? "; every request needs one" : "; loopback callers may go without");
    }

    /**
     * A token for a client that runs inside this server (the demo controller), with a fresh random
     * secret that exists only in memory.
     */
    public String issueInternal(String name, Role role) {
        String secret = AccessToken.newSecret();
        tokens.add(new AccessToken(name, role, secret));
        return secret;
    }

    public boolean requireAuth() {
        return requireAuth;
    }

    /** The token with this secret; every known token is compared, in constant time each. */
    public Optional<AccessToken> authenticate(String secret) {
        byte[] presented = AccessToken.hash(secret);
        AccessToken found = null;
        for (AccessToken token : tokens) {
            if (token.matches(presented) && found == null) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    static List<AccessToken> parse(String spec, String origin) {
        List<AccessToken> parsed = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return parsed;
        }
        for (String entry : spec.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", 3);
            if (parts.length != 3 || parts[2].isBlank()) {
                throw new IllegalArgumentException(origin + ": each token is name:role:secret; one entry is not");
            }
            if (!TOKEN_NAME.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(origin + ": token name '" + parts[0]
                        + "' may only use letters, digits, '_', '-', '.' and '@'");
            }
            Role role;
            try {
                role = Role.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": token '" + parts[0] + "': " + e.getMessage());
            }
            parsed.add(new AccessToken(parts[0], role, parts[2]));
        }
        return parsed;
    }

    static String localUserName() {
        String user = System.getProperty("user.name", "local");
        String safe = user.replaceAll("[^\\w\\-.@]", "_");
        return safe.isEmpty() ? "local" : safe;
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
