package io.modeldeploy.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A named API token. Only a hash of the secret is kept; {@link #toString()} never shows it. */
public final class AccessToken {
    private final String name;
    private final Role role;
    private final byte[] secretHash;

    AccessToken(String name, Role role, String secret) {
        this.name = name;
        this.role = role;
        this.secretHash = hash(secret);
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** Compares in constant time (hashes of equal length, MessageDigest.isEqual). */
    boolean matches(byte[] presentedHash) {
        return MessageDigest.isEqual(secretHash, presentedHash);
    }

    /** A new random secret: 32 bytes, URL-safe Base64. */
    static String newSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AccessToken[" + name + ", " + role + "]";
    }
}
