package io.modeldeploy.server.security;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthenticationThrottleTest {
    private static final InetAddress GUESSER = address("10.0.0.66");
    private static final InetAddress NEIGHBOUR = address("10.0.0.7");

    private final SteppedClock clock = new SteppedClock();
    private final AuthenticationThrottle throttle = new AuthenticationThrottle(clock, AuthenticationThrottle.FREE_FAILURES);

    private static InetAddress address(String literal) {
        return ClientAddresses.literal(literal).orElseThrow();
    }

    @Test
    void fourFailuresAreFreeAndFromTheFifthOnTheLockoutDoublesUpToAMinute() {
        for (int i = 1; i < AuthenticationThrottle.FREE_FAILURES; i++) {
            throttle.failed(GUESSER, "unknown or revoked token");
            assertEquals(Optional.empty(), throttle.lockedOut(GUESSER), "after failure " + i);
        }
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expectedSeconds) {
            throttle.failed(GUESSER, "unknown or revoked token");
            assertEquals(Optional.of(Duration.ofSeconds(seconds)), throttle.lockedOut(GUESSER));
            clock.advance(Duration.ofSeconds(seconds).minusMillis(1));
            assertEquals(Optional.of(Duration.ofMillis(1)), throttle.lockedOut(GUESSER), "still locked just before");
            clock.advance(Duration.ofMillis(1));
            assertEquals(Optional.empty(), throttle.lockedOut(GUESSER), "free again after " + seconds + " s");
        }
        assertEquals(Optional.empty(), throttle.lockedOut(NEIGHBOUR), "another address is never locked out");
    }

    @Test
    void aQuietQuarterOfAnHourStartsANewBurst() {
        for (int i = 0; i < AuthenticationThrottle.FREE_FAILURES + 3; i++) {
            clock.advance(Duration.ofSeconds(61));
            throttle.failed(GUESSER, "unknown or revoked token");
        }
        assertEquals(Optional.of(Duration.ofSeconds(8)), throttle.lockedOut(GUESSER));
        clock.advance(AuthenticationThrottle.QUIET);
        throttle.failed(GUESSER, "unknown or revoked token");
        assertEquals(Optional.empty(), throttle.lockedOut(GUESSER), "the first failure of a new burst is free");
    }

    @Test
    void duringALockoutOnlyTokensThatWorkedFromThatAddressBeforeAreRecognised() {
        AccessToken controller = new AccessToken("controller", Role.EDITOR, "controller-secret");
        AccessToken other = new AccessToken("other", Role.VIEWER, "other-secret");
        throttle.succeeded(GUESSER, controller);
        throttle.succeeded(NEIGHBOUR, other);
        for (int i = 0; i < AuthenticationThrottle.FREE_FAILURES; i++) {
            throttle.failed(GUESSER, "unknown or revoked token");
        }
        assertTrue(throttle.lockedOut(GUESSER).isPresent());
        assertSame(controller, throttle.knownToken(GUESSER, "controller-secret").orElseThrow());
        assertEquals(Optional.empty(), throttle.knownToken(GUESSER, "other-secret"),
                "a valid token never used from this address is not checked during its lockout");
        assertEquals(Optional.empty(), throttle.knownToken(GUESSER, "a-guess"));
    }

    @Test
    void itRemembersABoundedNumberOfAddresses() {
        for (int i = 0; i < AuthenticationThrottle.ADDRESSES + 10; i++) {
            InetAddress spoofed = address("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
            throttle.failed(spoofed, "unknown or revoked token");
        }
        throttle.failed(GUESSER, "unknown or revoked token");
        assertEquals(AuthenticationThrottle.ADDRESSES, throttle.rememberedAddresses());
    }

    private static final class SteppedClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
