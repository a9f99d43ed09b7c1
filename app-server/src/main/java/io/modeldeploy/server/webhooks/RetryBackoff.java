package io.modeldeploy.server.webhooks;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff from {@code first}, doubling per attempt up
 * to {@code longest}, each wait drawn at random from its upper half (jitter, so receivers that come
 * back are not hit by every owed delivery at once); after {@code maxAttempts} attempts, give up.
 */
public record RetryBackoff(Duration first, Duration longest, int maxAttempts) {

    public RetryBackoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("webhook retries need 0 < first-retry-after <= max-retry-after and"
                    + " max-attempts >= 1, were " + first + ", " + longest + ", " + maxAttempts);
        }
    }

    /** Whether a delivery that failed its {@code attempts}-th attempt is given up. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attempts, RandomGenerator random) {
        long firstMillis = first.toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long ceiling = firstMillis > longest.toMillis() >> doublings ? longest.toMillis() : firstMillis << doublings;
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
    }
}
