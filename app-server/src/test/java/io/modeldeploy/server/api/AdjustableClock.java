package io.modeldeploy.server.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's clock in a test that sets {@value #PROPERTY}: real time plus an offset the test
 * moves forward, so that a version becomes stuck without the test sleeping.
 */
@Singleton
@Replaces(Clock.class)
@Requires(property = AdjustableClock.PROPERTY, value = "true")
public class AdjustableClock extends Clock {
    static final String PROPERTY = "modeldeploy.test.adjustable-clock";

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server keeps UTC");
    }
}
