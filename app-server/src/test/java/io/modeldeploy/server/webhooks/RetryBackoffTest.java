package io.modeldeploy.server.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries back off exponentially, with jitter in the upper half of each wait, up to a cap and a limit. */
class RetryBackoffTest {

    @Test
    void eachWaitDoublesWithJitterUntilTheLongestAndTheLastAttemptGivesUp() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5), 10);
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(10_000L << (attempt - 1), 300_000L);
            for (int draw = 0; draw < 200; draw++) {
                long wait = backoff.delayAfter(attempt, random).toMillis();
                assertTrue(wait >= ceiling / 2 && wait <= ceiling, "attempt " + attempt + ": " + wait + " ms");
            }
        }
        assertFalse(backoff.givesUpAfter(9));
        assertTrue(backoff.givesUpAfter(10));
    }

    @Test
    void aHugeAttemptCountStaysAtTheLongestWait() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofHours(1), 1000);
        long wait = backoff.delayAfter(900, new Random(1)).toMillis();
        assertTrue(wait >= 1_800_000 && wait <= 3_600_000, wait + " ms");
    }
}
