package io.modeldeploy.server.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slows down guessing tokens, per client address. Failed authentications are answered 401; from the
 * {@value #FREE_FAILURES}th of a burst on ({@value #FREE_FAILURES_PROPERTY}), each also locks the address out, for a time that doubles
 * from 1 s up to {@link #LONGEST_LOCKOUT}. While it is locked out, a token
 * presented from that address is not checked at all (so a guess there learns nothing) and gets 429,
 * unless it is one that has authenticated from that address before: clients already working go on
 * unhindered, and other addresses never notice. A burst ends after {@link #QUIET} without failures.
 * The first failure of a burst is logged, never with what was presented.
 */
@Singleton
public class AuthenticationThrottle {
    static final int FREE_FAILURES = 5;
    static final String FREE_FAILURES_PROPERTY = "modeldeploy.failed-authentications-before-lockout";
    static final Duration LONGEST_LOCKOUT = Duration.ofSeconds(60);
    static final Duration QUIET = Duration.ofMinutes(15);
    /** Addresses remembered at most; the least recently seen is forgotten first. */
    static final int ADDRESSES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationThrottle.class);

    private final Clock clock;
    private final int freeFailures;
    private final Map<InetAddress, ClientState> clients = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, ClientState> eldest) {
            return size() > ADDRESSES;
        }
    };

    public AuthenticationThrottle(Clock clock,
                                  @Value("${" + FREE_FAILURES_PROPERTY + ":" + FREE_FAILURES + "}") int freeFailures) {
        if (freeFailures < 1) {
            throw new IllegalArgumentException(FREE_FAILURES_PROPERTY + " must be at least 1, was " + freeFailures);
        }
        this.clock = clock;
        this.freeFailures = freeFailures;
    }

    /** How long {@code client} is still locked out; empty when it may authenticate. */
    public synchronized Optional<Duration> lockedOut(InetAddress client) {
        ClientState state = clients.get(client);
        if (state == null || state.lockedUntil == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), state.lockedUntil);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Among the tokens that have authenticated from {@code client}, the one with this secret. */
    public synchronized Optional<AccessToken> knownToken(InetAddress client, String secret) {
        ClientState state = clients.get(client);
        if (state == null || state.authenticated.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = AccessToken.hash(secret);
        AccessToken found = null;
        for (AccessToken token : state.authenticated) {
            if (token.matches(presented) && found == null) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    public synchronized void succeeded(InetAddress client, AccessToken token) {
        clients.computeIfAbsent(client, c -> new ClientState()).authenticated.add(token);
    }

    /** Counts a failed authentication; {@code reason} is logged for the first of a burst (no secrets in it). */
    public synchronized void failed(InetAddress client, String reason) {
        Instant now = clock.instant();
        ClientState state = clients.computeIfAbsent(client, c -> new ClientState());
        if (state.lastFailure == null || Duration.between(state.lastFailure, now).compareTo(QUIET) >= 0) {
            state.failures = 0;
            state.lockedUntil = null;
            LOG.warn("Failed authentication from {}: {}. Further failures from this address are not logged until it "
                    + "has had none for {} min; from the {}th on, each locks it out for a doubling time (429).",
                    client.getHostAddress(), reason, QUIET.toMinutes(), freeFailures);
        }
        state.failures++;
        state.lastFailure = now;
        if (state.failures >= freeFailures) {
            int doublings = Math.min(state.failures - freeFailures, 6);
            Duration lockout = Duration.ofSeconds(1L << doublings);
            state.lockedUntil = now.plus(lockout.compareTo(LONGEST_LOCKOUT) > 0 ? LONGEST_LOCKOUT : lockout);
        }
    }

    synchronized int rememberedAddresses() {
        return clients.size();
    }

    private static final class ClientState {
        final Set<AccessToken> authenticated = new HashSet<>();
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
    }
}
