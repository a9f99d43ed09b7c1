package io.modeldeploy.server.bench;

import java.util.Arrays;
import java.util.List;

/** All latencies of a run, sorted, for exact percentiles (no histogram buckets). */
final class LatencyDistribution {
    private final long[] sorted;

    private LatencyDistribution(long[] sorted) {
        this.sorted = sorted;
    }

    static LatencyDistribution merge(List<LatencyRecorder> recorders) {
        long[] all = new long[recorders.stream().mapToInt(LatencyRecorder::size).sum()];
        int offset = 0;
        for (LatencyRecorder recorder : recorders) {
            recorder.copyTo(all, offset);
            offset += recorder.size();
        }
        Arrays.sort(all);
        return new LatencyDistribution(all);
    }

    int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile: the smallest value that at least {@code percent} % of the
     * values do not exceed; 0 when there are no values.
     */
    long percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        }
        if (sorted.length == 0) {
            return 0;
        }
        // multiply first and allow for rounding, so 99 % of 100 values is rank 99, not 100
        int rank = (int) Math.ceil(percent * sorted.length / 100.0 - 1e-9);
        return sorted[Math.max(rank, 1) - 1];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
