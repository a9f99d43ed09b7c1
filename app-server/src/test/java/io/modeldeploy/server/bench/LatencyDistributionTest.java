package io.modeldeploy.server.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LatencyDistributionTest {

    private static LatencyRecorder recorder(long... values) {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long value : values) {
            recorder.record(value);
        }
        return recorder;
    }

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long value = 100; value >= 1; value--) {
            recorder.record(value);
        }
        LatencyDistribution distribution = LatencyDistribution.merge(List.of(recorder));
        assertEquals(100, distribution.count());
        assertEquals(50, distribution.percentile(50));
        assertEquals(90, distribution.percentile(90));
        assertEquals(99, distribution.percentile(99));
        assertEquals(100, distribution.percentile(100));
        assertEquals(1, distribution.percentile(0.5));
        assertEquals(100, distribution.max());
    }

    @Test
    void mergesConnectionsAndGrowsPastTheInitialCapacity() {
        LatencyRecorder many = new LatencyRecorder();
        for (int i = 0; i < 10_000; i++) {
            many.record(1);
        }
        LatencyDistribution distribution = LatencyDistribution.merge(List.of(many, recorder(7, 500), recorder()));
        assertEquals(10_002, distribution.count());
        assertEquals(1, distribution.percentile(99));
        assertEquals(7, distribution.percentile(99.99));
        assertEquals(500, distribution.max());
    }

    @Test
    void fewValuesAndNoValues() {
        LatencyDistribution three = LatencyDistribution.merge(List.of(recorder(30, 10, 20)));
        assertEquals(20, three.percentile(50));
        assertEquals(30, three.percentile(90));
        LatencyDistribution none = LatencyDistribution.merge(List.of());
        assertEquals(0, none.percentile(99));
        assertEquals(0, none.max());
        assertThrows(IllegalArgumentException.class, () -> three.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> three.percentile(101));
    }
}
