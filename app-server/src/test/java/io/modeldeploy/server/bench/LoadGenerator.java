package io.modeldeploy.server.bench;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load generator like wrk: C keep-alive connections, one thread each, each sending
 * its next request as soon as the previous answer is read. When the time is up every connection
 * finishes the request it has in flight, so the answers counted are exactly those the server
 * sent. Each connection's sequence number goes on from run to run, so requests stay unique
 * across a warm-up and the measured run after it.
 */
final class LoadGenerator implements Closeable {
    /** After a failed exchange, so a dead server does not turn the loop into a busy spin. */
    private static final long PAUSE_AFTER_ERROR_MILLIS = 10;
    private static final int ERROR_SAMPLES = 5;
    static final Duration DEFAULT_LAST_ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final int SETUP_READ_TIMEOUT_MILLIS = 30_000;

    /** The bytes of request number {@code sequence} on {@code connection}. */
    interface RequestSource {
        byte[] request(int connection, long sequence);
    }

    /** One exchange on behalf of item {@code index}; throws to stop the whole {@link #forEach}. */
    interface IndexedExchange {
        void exchange(BlockingHttpConnection connection, int index) throws IOException;
    }

    /** What one run saw; {@code statusCounts} counts answers by HTTP status. */
    record RunResult(Duration elapsed, LatencyDistribution latencies, SortedMap<Integer, Long> statusCounts,
                     long errors, List<String> errorSamples) {
        long answers() {
            return latencies.count();
        }

        long successes() {
            return statusCounts.entrySet().stream()
                    .filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(java.util.Map.Entry::getValue)
                    .sum();
        }

        double requestsPerSecond() {
            return answers() / (elapsed.toNanos() / 1e9);
        }
    }

    private final InetSocketAddress address;
    private final Duration lastAnswerTimeout;
    private final List<BlockingHttpConnection> connections = new ArrayList<>();
    private final long[] nextSequence;

    /**
     * @param lastAnswerTimeout how long after the end of a run a connection may still wait for
     *                          its last answer before it is aborted (and counted as an error)
     */
    LoadGenerator(InetSocketAddress address, int connectionCount, Duration lastAnswerTimeout) {
        this.address = address;
        this.lastAnswerTimeout = lastAnswerTimeout;
        for (int i = 0; i < connectionCount; i++) {
            connections.add(new BlockingHttpConnection(address, 0));
        }
        nextSequence = new long[connectionCount];
    }

    /** Loads the server for {@code duration} with requests from {@code source}. */
    RunResult run(RequestSource source, Duration duration) throws InterruptedException {
        int count = connections.size();
        LatencyRecorder[] latencies = new LatencyRecorder[count];
        long[][] statusCounts = new long[count][600];
        long[] errors = new long[count];
        long[] finished = new long[count];
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int connection = c;
            latencies[c] = new LatencyRecorder();
            Thread thread = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    long deadline = start[0] + duration.toNanos();
                    long sequence = nextSequence[connection];
                    BlockingHttpConnection http = connections.get(connection);
                    while (System.nanoTime() - deadline < 0) {
                        byte[] request = source.request(connection, sequence++);
                        long sent = System.nanoTime();
                        try {
                            int status = http.exchange(request).status();
                            latencies[connection].record(System.nanoTime() - sent);
                            statusCounts[connection][status]++;
                        } catch (IOException e) {
                            errors[connection]++;
                            if (errorSamples.size() < ERROR_SAMPLES) {
                                errorSamples.add(e.toString());
                            }
                            Thread.sleep(PAUSE_AFTER_ERROR_MILLIS);
                        }
                    }
                    nextSequence[connection] = sequence;
                    finished[connection] = System.nanoTime();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }, "bench-connection-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        long joinDeadline = start[0] + duration.plus(lastAnswerTimeout).toNanos();
        for (int c = 0; c < count; c++) {
            threads.get(c).join(Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000));
            while (threads.get(c).isAlive()) {
                connections.get(c).abort(); // counted as an error by its thread
                threads.get(c).join(1000); // again, in case it was connecting anew
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a load thread failed: " + failure.get(), failure.get());
        }
        long end = start[0];
        SortedMap<Integer, Long> byStatus = new TreeMap<>();
        long errorCount = 0;
        for (int c = 0; c < count; c++) {
            end = Math.max(end, finished[c]);
            errorCount += errors[c];
            for (int status = 0; status < statusCounts[c].length; status++) {
                if (statusCounts[c][status] > 0) {
                    byStatus.merge(status, statusCounts[c][status], Long::sum);
                }
            }
        }
        return new RunResult(Duration.ofNanos(end - start[0]), LatencyDistribution.merge(List.of(latencies)),
                byStatus, errorCount, List.copyOf(errorSamples));
    }

    /**
     * Calls {@code exchange} for every index in {@code 0..count-1}, spread over
     * {@code parallelism} connections of its own (one thread each, reads time out after 30 s);
     * the first exception stops the others and is rethrown.
     */
    void forEach(int count, int parallelism, IndexedExchange exchange) throws IOException, InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < parallelism; t++) {
            Thread thread = new Thread(() -> {
                try (BlockingHttpConnection connection = new BlockingHttpConnection(address, SETUP_READ_TIMEOUT_MILLIS)) {
                    for (int index = next.getAndIncrement(); index < count && failure.get() == null;
                         index = next.getAndIncrement()) {
                        exchange.exchange(connection, index);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-setup");
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e != null) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        connections.forEach(BlockingHttpConnection::close);
    }
}
