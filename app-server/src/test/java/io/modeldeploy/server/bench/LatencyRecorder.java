package io.modeldeploy.server.bench;

import java.util.Arrays;

/** Every latency of one connection, in nanoseconds, in arrival order. Not thread-safe. */
final class LatencyRecorder {
    private long[] values = new long[4096];
    private int size;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    void copyTo(long[] target, int offset) {
        System.arraycopy(values, 0, target, offset, size);
    }
}
